package io.kitemq.broker.stats;

import io.kitemq.remoting.protocol.body.BrokerStatsData;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Message counts per key — a topic, or a topic and a consumer group — with what Apache RocketMQ's
 * VIEW_BROKER_STATS_DATA reports for each: the sum and rate over the last minute, hour and day.
 *
 * <p>Keys are two strings looked up in nested maps, so counting a known key allocates nothing; a
 * key's counter is created on its first count and kept until the broker stops (a deleted topic's
 * counter stays, reading 0 once its windows pass). Each counter keeps three small rings: a sample a
 * second for the minute, a sample a minute for the hour, a sample an hour for the day (about 2.4
 * KiB a key).
 *
 * <p>Thread-safe: {@link #add} from any request thread, {@link #sample} from one scheduler thread
 * about once a second, reads from any thread.
 */
final class KeyedCounters {

  private static final long MINUTE = 60_000;
  private static final long HOUR = 3_600_000;

  private final Map<String, Map<String, Counter>> table = new ConcurrentHashMap<>();

  /** {@code n} messages were counted for {@code (first, second)}. */
  void add(String first, String second, long n) {
    Map<String, Counter> inner = table.get(first);
    if (inner == null) {
      inner = table.computeIfAbsent(first, k -> new ConcurrentHashMap<>());
    }
    Counter c = inner.get(second);
    if (c == null) {
      c = inner.computeIfAbsent(second, k -> new Counter());
    }
    c.count.add(n);
  }

  /** Takes this second's sample of every counter (and the minute's and hour's when due). */
  void sample(long millis) {
    for (Map<String, Counter> inner : table.values()) {
      for (Counter c : inner.values()) {
        c.sample(millis);
      }
    }
  }

  /** Messages per second over the last minute for the key, 0 when it was never counted. */
  double perSecondLastMinute(String first, String second) {
    Counter c = find(first, second);
    return c == null ? 0 : c.seconds.perSecond(60);
  }

  /** The key's minute, hour and day figures; empty when it was never counted. */
  Optional<BrokerStatsData> data(String first, String second) {
    Counter c = find(first, second);
    if (c == null) {
      return Optional.empty();
    }
    return Optional.of(
        new BrokerStatsData(
            item(c.seconds.increase(60), 60),
            item(c.minutes.increase(60), 3_600),
            item(c.hours.increase(24), 86_400)));
  }

  private static BrokerStatsData.Item item(long sum, long seconds) {
    return new BrokerStatsData.Item(sum, (double) sum / seconds, 0);
  }

  private Counter find(String first, String second) {
    Map<String, Counter> inner = table.get(first);
    return inner == null ? null : inner.get(second);
  }

  /** One key's counter and its three rings. */
  private static final class Counter {
    final LongAdder count = new LongAdder();
    final RateWindow seconds = new RateWindow(61);
    final RateWindow minutes = new RateWindow(61);
    final RateWindow hours = new RateWindow(25);
    long lastMinuteSample = Long.MIN_VALUE;
    long lastHourSample = Long.MIN_VALUE;

    /** Called by the sampling thread only, so the two timestamps need no lock. */
    void sample(long millis) {
      long value = count.sum();
      if (lastMinuteSample == Long.MIN_VALUE) {
        // The counter was created after the previous sampling round, so it read 0 then.
        long before = millis - 1_000;
        seconds.sample(before, 0);
        minutes.sample(before, 0);
        hours.sample(before, 0);
      }
      seconds.sample(millis, value);
      if (lastMinuteSample == Long.MIN_VALUE || millis - lastMinuteSample >= MINUTE) {
        minutes.sample(millis, value);
        lastMinuteSample = millis;
      }
      if (lastHourSample == Long.MIN_VALUE || millis - lastHourSample >= HOUR) {
        hours.sample(millis, value);
        lastHourSample = millis;
      }
    }
  }
}
