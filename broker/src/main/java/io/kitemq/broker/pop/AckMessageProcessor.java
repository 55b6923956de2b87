package io.kitemq.broker.pop;

import io.kitemq.broker.processor.BrokerContext;
import io.kitemq.common.topic.TopicConfig;
import io.kitemq.remoting.netty.RequestProcessor;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.header.AckMessageRequestHeader;
import io.kitemq.remoting.protocol.header.ChangeInvisibleTimeRequestHeader;
import io.kitemq.remoting.protocol.header.ChangeInvisibleTimeResponseHeader;
import io.kitemq.remoting.protocol.header.PopReceipt;
import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;

/**
 * ACK_MESSAGE (200051) and CHANGE_MESSAGE_INVISIBLETIME (200053): both name a popped message by
 * topic, queue, offset and receipt handle, and act on its lease only when the handle is the current
 * one (see the package comment). Answers TOPIC_NOT_EXIST, MESSAGE_ILLEGAL (queue out of range),
 * INVALID_PARAMETER (unreadable handle or invisible time) and NO_MESSAGE (offset not stored, not
 * leased, or handle stale) with a remark saying which. Thread-safe.
 */
final class AckMessageProcessor implements RequestProcessor {

  private final BrokerContext ctx;
  private final PopLeaseTable table;

  AckMessageProcessor(BrokerContext ctx, PopLeaseTable table) {
    this.ctx = ctx;
    this.table = table;
  }

  @Override
  public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request)
      throws Exception {
    RemotingCommand response =
        request.code() == RequestCode.CHANGE_MESSAGE_INVISIBLETIME
            ? changeInvisibleTime(
                ChangeInvisibleTimeRequestHeader.fromExtFields(request.extFieldsOrEmpty()))
            : ack(AckMessageRequestHeader.fromExtFields(request.extFieldsOrEmpty()));
    return CompletableFuture.completedFuture(response);
  }

  private RemotingCommand ack(AckMessageRequestHeader h) {
    Object found = lookUp(h.consumerGroup(), h.topic(), h.queueId(), h.extraInfo(), h.offset());
    if (found instanceof RemotingCommand error) {
      return error;
    }
    Target t = (Target) found;
    QueueLeases.Outcome o = t.leases().ack(h.offset(), t.receipt().popTime());
    if (o != QueueLeases.Outcome.OK) {
      return refused(o, h.consumerGroup(), h.topic(), h.queueId(), h.offset());
    }
    table.commit(h.consumerGroup(), h.topic(), h.queueId(), t.leases());
    return RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
  }

  private RemotingCommand changeInvisibleTime(ChangeInvisibleTimeRequestHeader h) {
    if (h.invisibleTime() <= 0) {
      return RemotingCommand.createResponse(
          ResponseCode.INVALID_PARAMETER,
          "invisibleTime [" + h.invisibleTime() + "] must be positive");
    }
    Object found = lookUp(h.consumerGroup(), h.topic(), h.queueId(), h.extraInfo(), h.offset());
    if (found instanceof RemotingCommand error) {
      return error;
    }
    Target t = (Target) found;
    QueueLeases.Renewal r =
        t.leases()
            .changeInvisibleTime(
                h.offset(), t.receipt().popTime(), ctx.clock().getAsLong(), h.invisibleTime());
    if (r.outcome() != QueueLeases.Outcome.OK) {
      return refused(r.outcome(), h.consumerGroup(), h.topic(), h.queueId(), h.offset());
    }
    RemotingCommand response = RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
    response.writeHeader(
        new ChangeInvisibleTimeResponseHeader(
            r.popTime(), h.invisibleTime(), PopMessageProcessor.REVIVE_QID));
    return response;
  }

  private record Target(PopReceipt receipt, QueueLeases leases) {}

  /** The handle and the queue's leases, or an error response. */
  private Object lookUp(String group, String topic, int queueId, String extraInfo, long offset) {
    TopicConfig tc = ctx.topics().get(topic);
    if (tc == null) {
      return RemotingCommand.createResponse(
          ResponseCode.TOPIC_NOT_EXIST, "topic[" + topic + "] not exist, apply first please!");
    }
    if (queueId < 0 || queueId >= tc.readQueueNums()) {
      return RemotingCommand.createResponse(
          ResponseCode.MESSAGE_ILLEGAL,
          String.format(
              "queueId[%d] is illegal, topic:[%s] topicConfig.readQueueNums:[%d] consumer:[%s]",
              queueId, topic, tc.readQueueNums(), group));
    }
    PopReceipt receipt;
    try {
      receipt = PopReceipt.parse(extraInfo);
    } catch (IllegalArgumentException e) {
      return RemotingCommand.createResponse(ResponseCode.INVALID_PARAMETER, e.getMessage());
    }
    long min = ctx.store().getMinOffset(topic, queueId);
    long max = ctx.store().getMaxOffset(topic, queueId);
    if (offset < min || offset >= max) {
      return RemotingCommand.createResponse(
          ResponseCode.NO_MESSAGE,
          String.format(
              "offset is illegal, key:%s@%d, offset:%d, store:%d~%d",
              topic, queueId, offset, min, max));
    }
    QueueLeases leases = table.find(group, topic, queueId);
    if (leases == null || !"0".equals(receipt.retry())) {
      return refused(QueueLeases.Outcome.NOT_LEASED, group, topic, queueId, offset);
    }
    return new Target(receipt, leases);
  }

  private static RemotingCommand refused(
      QueueLeases.Outcome o, String group, String topic, int queueId, long offset) {
    String where = topic + "@" + queueId + ":" + offset + " of group " + group;
    String remark =
        o == QueueLeases.Outcome.STALE_HANDLE
            ? "the receipt handle of "
                + where
                + " is stale: the message was popped again or its invisible time changed since"
            : "no popped message awaits an ack at "
                + where
                + " (acked already, or not popped since the broker started)";
    return RemotingCommand.createResponse(ResponseCode.NO_MESSAGE, remark);
  }
}
