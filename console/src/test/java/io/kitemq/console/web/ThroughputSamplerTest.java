package io.kitemq.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ThroughputSamplerTest {

  @Test
  void keepsPerSecondDifferencesOfTheLast900SecondsOldestFirst() {
    AtomicLong in = new AtomicLong();
    AtomicLong out = new AtomicLong();
    ThroughputSampler s = new ThroughputSampler(in::get, out::get);
    s.sample(0); // baseline only
    assertThat(s.samples()).isEmpty();
    for (int sec = 1; sec <= 1000; sec++) {
      in.addAndGet(sec);
      out.addAndGet(2L * sec);
      s.sample(sec);
    }
    var samples = s.samples();
    assertThat(samples).hasSize(ThroughputSampler.SLOTS);
    assertThat(samples.get(0)).isEqualTo(new ThroughputSampler.Sample(101, 101, 202));
    assertThat(samples.get(samples.size() - 1))
        .isEqualTo(new ThroughputSampler.Sample(1000, 1000, 2000));
  }
}
