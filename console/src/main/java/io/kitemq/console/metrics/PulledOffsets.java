package io.kitemq.console.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The next offset each consumer group will pull, per topic and queue, as last seen on the pull
 * path: what tells in-flight messages (pulled, not yet committed) from ready ones (not yet pulled).
 * Recording a pull of a known (topic, group) allocates nothing; a queue id beyond the array grows
 * it (copy on write). Thread-safe; concurrent pulls of one queue keep the larger offset.
 */
final class PulledOffsets {

  private static final int INITIAL_QUEUES = 16;

  private final Map<String, Map<String, AtomicLongArray>> byTopic = new ConcurrentHashMap<>();

  void record(String topic, String group, int queueId, long nextOffset) {
    if (queueId < 0) {
      return;
    }
    Map<String, AtomicLongArray> groups = byTopic.get(topic);
    if (groups == null) {
      groups = byTopic.computeIfAbsent(topic, t -> new ConcurrentHashMap<>());
    }
    AtomicLongArray offsets = groups.get(group);
    if (offsets == null || offsets.length() <= queueId) {
      offsets = grow(groups, group, queueId);
    }
    long prev;
    do {
      prev = offsets.get(queueId);
    } while (nextOffset > prev && !offsets.compareAndSet(queueId, prev, nextOffset));
  }

  private static synchronized AtomicLongArray grow(
      Map<String, AtomicLongArray> groups, String group, int queueId) {
    AtomicLongArray old = groups.get(group);
    if (old != null && old.length() > queueId) {
      return old;
    }
    int n = Math.max(INITIAL_QUEUES, Integer.highestOneBit(queueId) << 1);
    AtomicLongArray grown = new AtomicLongArray(n);
    for (int i = 0; i < n; i++) {
      grown.set(i, old != null && i < old.length() ? old.get(i) : -1);
    }
    groups.put(group, grown);
    return grown;
  }

  /** The next offset {@code group} pulls from the queue, or -1 when no pull was seen. */
  long pulled(String topic, String group, int queueId) {
    Map<String, AtomicLongArray> groups = byTopic.get(topic);
    AtomicLongArray offsets = groups == null ? null : groups.get(group);
    return offsets == null || queueId >= offsets.length() ? -1 : offsets.get(queueId);
  }
}
