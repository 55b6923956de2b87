package io.kitemq.broker.pop;

import io.kitemq.broker.processor.BrokerContext;
import io.kitemq.common.topic.TopicConfig;
import io.kitemq.remoting.netty.RequestProcessor;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.body.BatchAck;
import io.kitemq.remoting.protocol.body.BatchAckMessageRequestBody;
import io.kitemq.remoting.protocol.body.BodyCodec;
import io.kitemq.remoting.protocol.body.BodyCodecException;
import io.kitemq.remoting.protocol.header.AckMessageRequestHeader;
import io.kitemq.remoting.protocol.header.ChangeInvisibleTimeRequestHeader;
import io.kitemq.remoting.protocol.header.ChangeInvisibleTimeResponseHeader;
import io.kitemq.remoting.protocol.header.PopReceipt;
import io.netty.channel.Channel;
import java.util.BitSet;
import java.util.concurrent.CompletableFuture;

/**
 * ACK_MESSAGE (200051), BATCH_ACK_MESSAGE (200151) and CHANGE_MESSAGE_INVISIBLETIME (200053): they
 * name popped messages by topic, queue, offset and pop time (the receipt handle, or a batch entry's
 * start offset, bit set and pop time), and act on a lease only when that pop time is the lease's
 * current one (see the package comment). Answers TOPIC_NOT_EXIST, MESSAGE_ILLEGAL (queue out of
 * range), INVALID_PARAMETER (unreadable handle or invisible time) and NO_MESSAGE (offset not
 * stored, not leased, or handle stale) with a remark saying which. Thread-safe.
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
        switch (request.code()) {
          case RequestCode.CHANGE_MESSAGE_INVISIBLETIME ->
              changeInvisibleTime(
                  ChangeInvisibleTimeRequestHeader.fromExtFields(request.extFieldsOrEmpty()));
          case RequestCode.BATCH_ACK_MESSAGE -> batchAck(request.body());
          default -> ack(AckMessageRequestHeader.fromExtFields(request.extFieldsOrEmpty()));
        };
    return CompletableFuture.completedFuture(response);
  }

  /**
   * Acks every offset of every entry whose handle is current; answers SUCCESS when all were, else
   * NO_MESSAGE naming how many were not (the others are acked all the same).
   */
  private RemotingCommand batchAck(byte[] body) {
    BatchAckMessageRequestBody b;
    try {
      b = BodyCodec.decode(body, BatchAckMessageRequestBody.class);
    } catch (BodyCodecException e) {
      return RemotingCommand.createResponse(
          ResponseCode.INVALID_PARAMETER, "bad batch ack body: " + e.getMessage());
    }
    if (b.acks().isEmpty()) {
      return RemotingCommand.createResponse(ResponseCode.NO_MESSAGE, "the batch ack is empty");
    }
    int refused = 0;
    int total = 0;
    for (BatchAck a : b.acks()) {
      if (a.consumerGroup() == null || a.topic() == null) {
        return RemotingCommand.createResponse(
            ResponseCode.INVALID_PARAMETER, "a batch ack entry lacks its group or topic");
      }
      QueueLeases leases =
          "0".equals(a.retry()) ? table.find(a.consumerGroup(), a.topic(), a.queueId()) : null;
      BitSet bits = a.offsets();
      for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
        total++;
        if (leases == null
            || leases.ack(a.startOffset() + i, a.popTime()) != QueueLeases.Outcome.OK) {
          refused++;
        }
      }
      if (leases != null) {
        table.commit(a.consumerGroup(), a.topic(), a.queueId(), leases);
      }
    }
    if (refused > 0) {
      return RemotingCommand.createResponse(
          ResponseCode.NO_MESSAGE,
          refused + " of " + total + " offsets were not awaiting an ack with that handle");
    }
    return RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
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
