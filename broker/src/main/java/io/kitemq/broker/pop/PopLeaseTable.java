package io.kitemq.broker.pop;

import io.kitemq.broker.config.ConsumerOffsetManager;
import io.kitemq.remoting.protocol.header.PopMessageRequestHeader;
import io.kitemq.store.MessageStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All {@link QueueLeases} of the broker, keyed {@code group@topic@queueId}, created on the first
 * pop of a queue from the group's committed offset (or the queue's min / max offset by the pop's
 * init mode). Writes each queue's committable offset back to the consumer offset table.
 * Thread-safe.
 */
final class PopLeaseTable {

  private final Map<String, QueueLeases> table = new ConcurrentHashMap<>();
  private final MessageStore store;
  private final ConsumerOffsetManager offsets;

  PopLeaseTable(MessageStore store, ConsumerOffsetManager offsets) {
    this.store = store;
    this.offsets = offsets;
  }

  private static String key(String group, String topic, int queueId) {
    return group + '@' + topic + '@' + queueId;
  }

  /** The leases of a queue, created at the group's start offset if absent. */
  QueueLeases get(String group, String topic, int queueId, int initMode) {
    return table.computeIfAbsent(
        key(group, topic, queueId),
        k -> new QueueLeases(startOffset(group, topic, queueId, initMode)));
  }

  /** The leases of a queue, or null when the group never popped it since the broker started. */
  QueueLeases find(String group, String topic, int queueId) {
    return table.get(key(group, topic, queueId));
  }

  private long startOffset(String group, String topic, int queueId, int initMode) {
    long committed = offsets.query(group, topic, queueId);
    long min = store.getMinOffset(topic, queueId);
    if (committed >= 0) {
      return Math.max(committed, min);
    }
    return initMode == PopMessageRequestHeader.INIT_MODE_MAX
        ? store.getMaxOffset(topic, queueId)
        : min;
  }

  /** Stores the queue's committable offset as the group's consumer offset. */
  void commit(String group, String topic, int queueId, QueueLeases leases) {
    offsets.commit(group, topic, queueId, leases.committableOffset());
  }
}
