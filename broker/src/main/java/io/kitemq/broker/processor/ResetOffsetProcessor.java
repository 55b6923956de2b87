package io.kitemq.broker.processor;

import io.kitemq.broker.client.ClientChannelInfo;
import io.kitemq.broker.client.ConsumerGroupInfo;
import io.kitemq.common.message.MessageQueue;
import io.kitemq.common.topic.TopicConfig;
import io.kitemq.remoting.netty.RemotingException;
import io.kitemq.remoting.netty.RemotingServer;
import io.kitemq.remoting.netty.RequestProcessor;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.body.BodyCodec;
import io.kitemq.remoting.protocol.body.ResetOffsetBody;
import io.kitemq.remoting.protocol.header.ResetOffsetRequestHeader;
import io.kitemq.remoting.protocol.header.RpcHeader;
import io.netty.channel.Channel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * INVOKE_BROKER_TO_RESET_OFFSET (222) from an admin: computes, for each write queue of the topic on
 * this broker, the offset to restart from (the first at or after {@code timestamp}, the queue's max
 * for {@code -1}; the group's committed offset instead when that is lower, unless {@code isForce})
 * and sends RESET_CONSUMER_CLIENT_OFFSET (220, oneway, the offsets in a {@link ResetOffsetBody}) to
 * every connected consumer of the group, which commit the new offsets themselves. Answers the
 * table; TOPIC_NOT_EXIST, SYSTEM_ERROR for a group without committed offsets and
 * CONSUMER_NOT_ONLINE when no consumer is connected, as the official broker does. Thread-safe.
 */
public final class ResetOffsetProcessor implements RequestProcessor {

  private static final Logger LOG = LoggerFactory.getLogger(ResetOffsetProcessor.class);
  private static final long WRITE_TIMEOUT_MILLIS = 5_000;

  private final BrokerContext ctx;
  private final Supplier<RemotingServer> server;

  public ResetOffsetProcessor(BrokerContext ctx, Supplier<RemotingServer> server) {
    this.ctx = ctx;
    this.server = server;
  }

  @Override
  public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request)
      throws Exception {
    ResetOffsetRequestHeader h = ResetOffsetRequestHeader.fromExtFields(request.extFieldsOrEmpty());
    TopicConfig topic = ctx.topics().get(h.topic());
    if (topic == null) {
      return Responses.done(
          ResponseCode.TOPIC_NOT_EXIST,
          "[reset-offset] reset offset failed, no topic in this broker. topic=" + h.topic());
    }
    Map<MessageQueue, Long> table = new HashMap<>();
    for (int q = 0; q < topic.writeQueueNums(); q++) {
      long committed = ctx.offsets().query(h.group(), h.topic(), q);
      if (committed < 0) {
        return Responses.done(
            ResponseCode.SYSTEM_ERROR,
            String.format("THe consumer group <%s> not exist", h.group()));
      }
      long target =
          h.timestamp() == -1
              ? ctx.store().getMaxOffset(h.topic(), q)
              : ctx.store().getOffsetByTime(h.topic(), q, h.timestamp());
      target = Math.max(0, target);
      table.put(
          new MessageQueue(h.topic(), ctx.config().brokerName(), q),
          h.isForce() || target < committed ? target : committed);
    }
    ConsumerGroupInfo group = ctx.consumers().group(h.group());
    List<ClientChannelInfo> members = group == null ? List.of() : group.members();
    if (members.isEmpty()) {
      return Responses.done(
          ResponseCode.CONSUMER_NOT_ONLINE,
          String.format(
              "Consumer not online, so can not reset offset, Group: %s Topic: %s Timestamp: %d",
              h.group(), h.topic(), h.timestamp()));
    }
    byte[] body = BodyCodec.encode(new ResetOffsetBody(table));
    for (ClientChannelInfo member : members) {
      RemotingCommand reset =
          RemotingCommand.createRequest(
              RequestCode.RESET_CONSUMER_CLIENT_OFFSET,
              new ResetOffsetRequestHeader(
                  h.group(), h.topic(), -1, null, h.timestamp(), h.isForce(), RpcHeader.NONE));
      reset.setBody(body);
      reset.markOneway();
      try {
        server.get().invokeOneway(member.channel(), reset, WRITE_TIMEOUT_MILLIS);
      } catch (RemotingException e) {
        LOG.warn(
            "reset of {} on {} not delivered to {}: {}",
            h.group(),
            h.topic(),
            member.clientId(),
            e.getMessage());
      }
    }
    RemotingCommand response = Responses.success();
    response.setBody(body);
    return Responses.done(response);
  }
}
