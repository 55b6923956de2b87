package io.kitemq.store.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The next queue offset of every topic and queue id, assigned at append time. Guarded by the
 * commit-log writer lock: every method must be called while holding it. Lookups allocate nothing (a
 * topic's counters are an array indexed by queue id).
 */
final class QueueOffsetTable {

  private final Map<String, long[]> table = new HashMap<>();

  long next(String topic, int queueId) {
    long[] q = table.get(topic);
    return q == null || queueId >= q.length ? 0 : q[queueId];
  }

  void set(String topic, int queueId, long next) {
    long[] q = table.get(topic);
    if (q == null || queueId >= q.length) {
      long[] grown = q == null ? new long[Math.max(8, queueId + 1)] : Arrays.copyOf(q, queueId + 1);
      table.put(topic, grown);
      q = grown;
    }
    q[queueId] = next;
  }

  void remove(String topic) {
    table.remove(topic);
  }
}
