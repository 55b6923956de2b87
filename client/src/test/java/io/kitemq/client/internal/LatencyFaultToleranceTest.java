package io.kitemq.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitemq.common.message.MessageQueue;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class LatencyFaultToleranceTest {

  private final AtomicLong now = new AtomicLong(1_000_000);
  private final LatencyFaultTolerance faults = new LatencyFaultTolerance(now::get);

  @Test
  void failedBrokerIsAvoidedForThirtySecondsThenUsableAgain() {
    faults.recordFailure("a");
    assertThat(faults.isAvailable("a")).isFalse();
    now.addAndGet(29_999);
    assertThat(faults.isAvailable("a")).isFalse();
    now.addAndGet(1);
    assertThat(faults.isAvailable("a")).isTrue();
  }

  @Test
  void slowAnswersBanInProportionAndFastOnesClearTheBan() {
    faults.recordLatency("a", 100);
    assertThat(faults.isAvailable("a")).isTrue();
    faults.recordLatency("a", 600);
    assertThat(faults.isAvailable("a")).isFalse();
    now.addAndGet(30_000);
    assertThat(faults.isAvailable("a")).isTrue();
    faults.recordLatency("a", 3_500);
    now.addAndGet(179_999);
    assertThat(faults.isAvailable("a")).isFalse();
    faults.recordLatency("a", 5);
    assertThat(faults.isAvailable("a")).isTrue();
  }

  @Test
  void chooserSkipsBannedBrokersAndTheLastFailedOneButNeverReturnsNothing() {
    List<MessageQueue> qs =
        List.of(
            new MessageQueue("T", "a", 0),
            new MessageQueue("T", "a", 1),
            new MessageQueue("T", "b", 0),
            new MessageQueue("T", "b", 1));
    QueueChooser chooser = new QueueChooser(faults);
    Set<MessageQueue> all = new HashSet<>();
    for (int i = 0; i < 8; i++) {
      all.add(chooser.choose(qs, null));
    }
    assertThat(all).containsExactlyInAnyOrderElementsOf(qs);
    faults.recordFailure("a");
    for (int i = 0; i < 8; i++) {
      assertThat(chooser.choose(qs, null).brokerName()).isEqualTo("b");
    }
    for (int i = 0; i < 8; i++) {
      assertThat(chooser.choose(qs, "b").brokerName()).isEqualTo("a");
    }
    faults.recordFailure("b");
    assertThat(chooser.choose(qs, null)).isIn(qs);
  }
}
