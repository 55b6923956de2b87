package io.kitemq.console.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Counting on the send and pull paths allocates nothing once a topic's and a group's label children
 * exist: measured with the JVM's per-thread allocation counter over many calls.
 */
@Timeout(60)
class BrokerMetricsAllocationTest {

  private static final int CALLS = 200_000;

  @Test
  void countingSendsPullsAndRequestsAllocatesNothingPerCall() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeTrue(threads.isThreadAllocatedMemorySupported(), "no per-thread allocation counter");
    threads.setThreadAllocatedMemoryEnabled(true);
    BrokerMetrics metrics =
        new BrokerMetrics(
            Labels.of("cluster", "c", "node_type", "broker", "node_id", "b"),
            new PrometheusRegistry());
    String topic = "Orders";
    String group = "billing";
    for (int i = 0; i < 5; i++) {
      run(metrics, topic, group, CALLS); // warm up: children created, code compiled
    }
    long tid = Thread.currentThread().getId();
    // The fewest bytes of several measured rounds: until the JIT has compiled the counting code
    // (late on a loaded machine) a round may allocate; once compiled, a round must not.
    long fewest = Long.MAX_VALUE;
    for (int round = 0; round < 20 && fewest >= CALLS / 4; round++) {
      long before = threads.getThreadAllocatedBytes(tid);
      run(metrics, topic, group, CALLS);
      fewest = Math.min(fewest, threads.getThreadAllocatedBytes(tid) - before);
    }
    // 3 calls per iteration; a single allocation per call would be >= 16 bytes * 600k.
    assertThat(fewest).isLessThan(CALLS / 4);
  }

  private static void run(BrokerMetrics m, String topic, String group, int n) {
    for (int i = 0; i < n; i++) {
      m.messagesIn(topic, 1, 100, false);
      m.messagesOut(topic, group, i & 7, i, 1, 180);
      m.requestDone(310, 0, 250_000);
    }
  }
}
