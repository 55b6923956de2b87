package io.kitemq.broker.pop;

import io.kitemq.broker.processor.BrokerContext;
import io.kitemq.common.message.BodyMode;
import io.kitemq.common.message.MessageConst;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.RecordDraft;
import io.kitemq.common.message.StoredMessageDecoder;
import io.kitemq.common.topic.SystemTopics;
import io.kitemq.common.topic.TopicPermission;
import io.kitemq.store.AppendRequest;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores a popped message that ran out of deliveries in {@code %DLQ%<group>} queue 0, with
 * RETRY_TOPIC = its topic and ORIGIN_MESSAGE_ID = its id, as the send-back path does; once stored,
 * its lease is removed and the group's offset may move past it. A failed write leaves the lease in
 * place, to be tried again when its hold ends. Thread-safe.
 */
final class DeadLetterWriter {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterWriter.class);

  private final BrokerContext ctx;
  private final PopLeaseTable table;

  DeadLetterWriter(BrokerContext ctx, PopLeaseTable table) {
    this.ctx = ctx;
    this.table = table;
  }

  /**
   * @param record a private copy of the stored record
   * @param reconsumeTimes the reconsume count the dead letter carries
   */
  void write(
      String group,
      String topic,
      int queueId,
      QueueLeases leases,
      long offset,
      byte[] record,
      int reconsumeTimes) {
    MessageExt msg = StoredMessageDecoder.decode(ByteBuffer.wrap(record), 0, BodyMode.RAW);
    if (msg.getProperty(MessageConst.PROPERTY_RETRY_TOPIC) == null) {
      msg.putProperty(MessageConst.PROPERTY_RETRY_TOPIC, topic);
    }
    if (msg.getProperty(MessageConst.PROPERTY_ORIGIN_MESSAGE_ID) == null) {
      msg.putProperty(MessageConst.PROPERTY_ORIGIN_MESSAGE_ID, msg.getMsgId());
    }
    String dlq = SystemTopics.dlqTopic(group);
    ctx.topics().createIfAbsent(dlq, 1, TopicPermission.READ_WRITE);
    RecordDraft draft =
        RecordDraft.builderFrom(msg)
            .topic(dlq)
            .queueId(0)
            .reconsumeTimes(reconsumeTimes)
            .storeHost(ctx.storeHost())
            .build();
    ctx.store()
        .append(AppendRequest.of(draft))
        .whenComplete(
            (r, e) -> {
              if (e == null && r.isStored()) {
                leases.remove(offset);
                table.commit(group, topic, queueId, leases);
                ctx.metrics().sentToDlq(group, topic);
              } else {
                LOG.warn(
                    "dead-lettering {}@{}:{} of group {} failed ({}); trying again later",
                    topic,
                    queueId,
                    offset,
                    group,
                    e != null ? e.toString() : r.status());
              }
            });
  }
}
