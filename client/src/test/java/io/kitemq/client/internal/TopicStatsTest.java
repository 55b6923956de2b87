package io.kitemq.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kitemq.remoting.protocol.body.ConsumerRunningInfo.ConsumeStatus;
import org.junit.jupiter.api.Test;

class TopicStatsTest {

  private static final long T0 = 1_000_000;

  @Test
  void ratesRunFromTheStartWhileTheConsumerIsYoung() {
    TopicStats stats = new TopicStats(T0);
    stats.pulled(30, 8);
    stats.pulled(10, 2);
    stats.consumed(4);
    stats.consumed(6);
    stats.outcome(8, 0);
    stats.outcome(0, 2);

    ConsumeStatus s = stats.status(T0 + 2_000);

    assertThat(s.pullRT()).isEqualTo(20.0);
    assertThat(s.pullTPS()).isEqualTo(5.0);
    assertThat(s.consumeRT()).isEqualTo(5.0);
    assertThat(s.consumeOKTPS()).isEqualTo(4.0);
    assertThat(s.consumeFailedTPS()).isEqualTo(1.0);
    assertThat(s.consumeFailedMsgs()).isEqualTo(2);
  }

  @Test
  void theMinuteForgetsWhatTheHourStillCounts() {
    TopicStats stats = new TopicStats(T0);
    stats.consumed(50);
    stats.outcome(0, 3);
    long now = T0;
    // Ten-second samples for 80 s; the hour ring only has its first sample.
    for (int i = 1; i <= 8; i++) {
      now = T0 + i * 10_000L;
      stats.sample(now, false);
    }
    stats.outcome(6, 0);

    ConsumeStatus s = stats.status(now + 5_000);

    // The minute runs from the oldest kept sample (T0 + 20 s) to now (T0 + 85 s).
    assertThat(s.consumeOKTPS()).isCloseTo(6 * 1000.0 / 65_000, within(1e-9));
    assertThat(s.consumeFailedTPS()).isZero();
    assertThat(s.pullTPS()).isZero();
    // No call in the minute: the mean comes from the hour, as the official client does.
    assertThat(s.consumeRT()).isEqualTo(50.0);
    assertThat(s.consumeFailedMsgs()).isEqualTo(3);
  }

  @Test
  void theHourForgetsFailuresOlderThanItsSamples() {
    TopicStats stats = new TopicStats(T0);
    stats.outcome(0, 5);
    long now = T0;
    for (int i = 1; i <= 7; i++) {
      now = T0 + i * 600_000L;
      stats.sample(now, true);
    }
    stats.outcome(0, 1);

    assertThat(stats.status(now + 1).consumeFailedMsgs()).isEqualTo(1);
  }

  @Test
  void consumeStatsSampleEveryTopicAndTheHourEverySixtiethRound() {
    long[] clock = {T0};
    ConsumeStats all = new ConsumeStats(() -> clock[0]);
    all.topic("A").outcome(0, 4);
    for (int i = 1; i <= ConsumeStats.HOUR_EVERY * TopicStats.RING; i++) {
      clock[0] = T0 + i * ConsumeStats.SAMPLE_MILLIS;
      all.sample();
    }
    // Seven hour samples taken after the failures: they left both windows.
    assertThat(all.status("A").consumeFailedMsgs()).isZero();
    assertThat(all.status("B").consumeOKTPS()).isZero();
  }
}
