package io.kitemq.client.internal;

import io.kitemq.common.message.MessageQueue;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Round-robin queue choice that skips brokers the fault table bans and, on a retry, the broker that
 * just failed; when every candidate is excluded it falls back to plain round robin. Thread-safe.
 */
public final class QueueChooser {

  private final AtomicInteger index = new AtomicInteger();
  private final LatencyFaultTolerance faults;

  public QueueChooser(LatencyFaultTolerance faults) {
    this.faults = faults;
  }

  /**
   * @param queues non-empty candidates
   * @param lastFailedBroker broker of the previous failed attempt, or null
   */
  public MessageQueue choose(List<MessageQueue> queues, String lastFailedBroker) {
    int n = queues.size();
    int start = index.getAndIncrement();
    for (int i = 0; i < n; i++) {
      MessageQueue q = queues.get(Math.floorMod(start + i, n));
      if (faults.isAvailable(q.brokerName()) && !q.brokerName().equals(lastFailedBroker)) {
        return q;
      }
    }
    for (int i = 0; i < n; i++) {
      MessageQueue q = queues.get(Math.floorMod(start + i, n));
      if (!q.brokerName().equals(lastFailedBroker)) {
        return q;
      }
    }
    return queues.get(Math.floorMod(start, n));
  }

  public LatencyFaultTolerance faults() {
    return faults;
  }
}
