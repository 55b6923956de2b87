package io.kitemq.client.internal;

import io.kitemq.remoting.protocol.body.ConsumerRunningInfo;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A push consumer's {@link TopicStats} by topic, and the task sampling them on the client
 * instance's scheduler: every {@value #SAMPLE_MILLIS} ms into the minute rings, every {@value
 * #HOUR_EVERY}th time also into the hour rings (every 10 min), as the official client samples.
 * Thread-safe.
 */
final class ConsumeStats {

  static final long SAMPLE_MILLIS = 10_000;
  static final int HOUR_EVERY = 60;

  private final Map<String, TopicStats> topics = new ConcurrentHashMap<>();
  private final LongSupplier clock;
  private ScheduledFuture<?> sampler;
  private long samples;

  ConsumeStats(LongSupplier clock) {
    this.clock = clock;
  }

  /** The counters of {@code topic}; look them up once per queue, not per message. */
  TopicStats topic(String topic) {
    return topics.computeIfAbsent(topic, t -> new TopicStats(clock.getAsLong()));
  }

  ConsumerRunningInfo.ConsumeStatus status(String topic) {
    return topic(topic).status(clock.getAsLong());
  }

  synchronized void start(ScheduledExecutorService scheduler) {
    sampler =
        scheduler.scheduleAtFixedRate(
            this::sample, SAMPLE_MILLIS, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
  }

  synchronized void stop() {
    if (sampler != null) {
      sampler.cancel(false);
    }
  }

  /** One sampling round; runs on the scheduler thread only. */
  void sample() {
    long now = clock.getAsLong();
    boolean hourToo = ++samples % HOUR_EVERY == 0;
    for (TopicStats t : topics.values()) {
      t.sample(now, hourToo);
    }
  }
}
