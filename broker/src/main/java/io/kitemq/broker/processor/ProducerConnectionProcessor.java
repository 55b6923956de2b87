package io.kitemq.broker.processor;

import io.kitemq.broker.client.ClientChannelInfo;
import io.kitemq.remoting.netty.RequestProcessor;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.body.BodyCodec;
import io.kitemq.remoting.protocol.body.ConsumerConnection;
import io.kitemq.remoting.protocol.body.ProducerConnection;
import io.kitemq.remoting.protocol.header.GetProducerConnectionListRequestHeader;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * GET_PRODUCER_CONNECTION_LIST (204) from an admin: the live producers of a group on this broker
 * (from their heartbeats) as a {@link ProducerConnection}; SYSTEM_ERROR "the producer group[..] not
 * exist" when none is connected, as the official broker answers. Thread-safe.
 */
public final class ProducerConnectionProcessor implements RequestProcessor {

  private final BrokerContext ctx;

  public ProducerConnectionProcessor(BrokerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request)
      throws Exception {
    String group =
        GetProducerConnectionListRequestHeader.fromExtFields(request.extFieldsOrEmpty())
            .producerGroup();
    List<ClientChannelInfo> members = ctx.producers().members(group);
    if (members.isEmpty()) {
      return Responses.done(
          ResponseCode.SYSTEM_ERROR, "the producer group[" + group + "] not exist");
    }
    List<ConsumerConnection.Connection> list = new ArrayList<>();
    for (ClientChannelInfo c : members) {
      list.add(
          new ConsumerConnection.Connection(
              c.clientId(), c.remoteAddress(), c.language(), c.version()));
    }
    RemotingCommand response = Responses.success();
    response.setBody(BodyCodec.encode(new ProducerConnection(list)));
    return Responses.done(response);
  }
}
