package io.kitemq.broker.processor;

import io.kitemq.broker.client.ClientChannelInfo;
import io.kitemq.broker.client.ConsumerGroupInfo;
import io.kitemq.common.message.OffsetMessageId;
import io.kitemq.remoting.netty.RemotingServer;
import io.kitemq.remoting.netty.RemotingTimeoutException;
import io.kitemq.remoting.netty.RequestProcessor;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.header.ConsumeMessageDirectlyResultRequestHeader;
import io.kitemq.remoting.protocol.header.GetConsumerRunningInfoRequestHeader;
import io.kitemq.store.MessageSlice;
import io.netty.channel.Channel;
import java.util.HashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * GET_CONSUMER_RUNNING_INFO (307) and CONSUME_MESSAGE_DIRECTLY (309) from an admin: forwarded, with
 * the same header keys, to the named client of the consumer group on its connection, and the
 * client's answer passed back. For 309 the broker adds {@code brokerName} and puts the stored
 * record named by {@code msgId} (an offset message id) in the body. A client not connected is
 * answered SYSTEM_ERROR; one that does not answer within {@value #CALL_TIMEOUT_MILLIS} ms
 * CONSUME_MSG_TIMEOUT. Thread-safe.
 */
public final class ConsumerCallProcessor implements RequestProcessor {

  static final long CALL_TIMEOUT_MILLIS = 10_000;

  private final BrokerContext ctx;
  private final Supplier<RemotingServer> server;

  public ConsumerCallProcessor(BrokerContext ctx, Supplier<RemotingServer> server) {
    this.ctx = ctx;
    this.server = server;
  }

  @Override
  public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request)
      throws Exception {
    HashMap<String, String> ext = new HashMap<>(request.extFieldsOrEmpty());
    String group;
    String clientId;
    byte[] body = request.body();
    if (request.code() == RequestCode.GET_CONSUMER_RUNNING_INFO) {
      GetConsumerRunningInfoRequestHeader h =
          GetConsumerRunningInfoRequestHeader.fromExtFields(ext);
      group = h.consumerGroup();
      clientId = h.clientId();
    } else {
      ConsumeMessageDirectlyResultRequestHeader h =
          ConsumeMessageDirectlyResultRequestHeader.fromExtFields(ext);
      group = h.consumerGroup();
      clientId = h.clientId();
      ext.put("brokerName", ctx.config().brokerName());
      body = h.msgId() == null ? null : record(h.msgId());
      if (body == null) {
        return Responses.done(
            ResponseCode.SYSTEM_ERROR, "no message with offset id " + h.msgId() + " here");
      }
    }
    Channel client = find(group, clientId);
    if (client == null) {
      return Responses.done(
          ResponseCode.SYSTEM_ERROR,
          String.format("The Consumer <%s> <%s> not online", group, clientId));
    }
    RemotingCommand call = RemotingCommand.createRequest(request.code());
    call.setExtFields(ext);
    if (body != null) {
      call.setBody(body);
    }
    return server
        .get()
        .invokeAsync(client, call, CALL_TIMEOUT_MILLIS)
        .handle(
            (response, error) -> {
              if (error == null) {
                return response;
              }
              Throwable cause = error instanceof CompletionException ? error.getCause() : error;
              return cause instanceof RemotingTimeoutException
                  ? Responses.of(
                      ResponseCode.CONSUME_MSG_TIMEOUT,
                      String.format("consumer <%s> <%s> Timeout: %s", group, clientId, cause))
                  : Responses.of(
                      ResponseCode.SYSTEM_ERROR,
                      String.format(
                          "invoke consumer <%s> <%s> Exception: %s", group, clientId, cause));
            });
  }

  private Channel find(String group, String clientId) {
    ConsumerGroupInfo info = ctx.consumers().group(group);
    if (info == null || clientId == null) {
      return null;
    }
    for (ClientChannelInfo member : info.members()) {
      if (member.clientId().equals(clientId) && member.channel().isActive()) {
        return member.channel();
      }
    }
    return null;
  }

  private byte[] record(String offsetMsgId) {
    long offset;
    try {
      offset = OffsetMessageId.decode(offsetMsgId).commitLogOffset();
    } catch (IllegalArgumentException e) {
      return null;
    }
    MessageSlice slice = ctx.store().lookMessageByOffset(offset);
    if (slice == null) {
      return null;
    }
    try {
      byte[] out = new byte[slice.size()];
      slice.buffer().get(0, out);
      return out;
    } finally {
      slice.release();
    }
  }
}
