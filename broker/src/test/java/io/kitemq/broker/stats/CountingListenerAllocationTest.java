package io.kitemq.broker.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kitemq.broker.metrics.BrokerMetricsListener;
import java.lang.management.ManagementFactory;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Counting sends and pulls for the runtime statistics allocates nothing per call. */
@Timeout(60)
class CountingListenerAllocationTest {

  private static final int CALLS = 200_000;

  @Test
  void countingAllocatesNothingPerCall() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeTrue(threads.isThreadAllocatedMemorySupported(), "no per-thread allocation counter");
    threads.setThreadAllocatedMemoryEnabled(true);
    BrokerStats stats = new BrokerStats(System::currentTimeMillis, ZoneId.systemDefault());
    CountingListener counting = new CountingListener(stats, BrokerMetricsListener.NONE);
    long rounds = 0;
    for (int i = 0; i < 5; i++, rounds++) {
      run(counting, CALLS); // warm up: code compiled
    }
    long tid = Thread.currentThread().getId();
    // The fewest bytes of several rounds: a round may allocate until the JIT has compiled it.
    long fewest = Long.MAX_VALUE;
    for (int round = 0; round < 20 && fewest >= CALLS / 4; round++, rounds++) {
      long before = threads.getThreadAllocatedBytes(tid);
      run(counting, CALLS);
      fewest = Math.min(fewest, threads.getThreadAllocatedBytes(tid) - before);
    }
    assertThat(fewest).isLessThan(CALLS / 4);
    assertThat(stats.putTotal()).isEqualTo(rounds * CALLS);
    assertThat(stats.getTotal()).isEqualTo(rounds * CALLS);
  }

  private static void run(BrokerMetricsListener l, int n) {
    for (int i = 0; i < n; i++) {
      l.messagesIn("Orders", 1, 100, false);
      l.messagesOut("Orders", "billing", i & 7, i, 1, 180);
    }
  }
}
