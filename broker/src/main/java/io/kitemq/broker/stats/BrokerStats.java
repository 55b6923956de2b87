package io.kitemq.broker.stats;

import io.kitemq.common.topic.SystemTopics;
import io.kitemq.remoting.protocol.body.BrokerStatsData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Counts the messages a broker stores (send path) and hands to consumers (pull path), keeps their
 * per-second samples for the 10 s / 60 s / 600 s rates, and the totals at the last two local
 * midnights, and writes them under Apache RocketMQ's GET_BROKER_RUNTIME_INFO keys ({@code putTps},
 * {@code getTransferredTps}, {@code msgPutTotalTodayNow}, {@code msgPutTotalTodayMorning}, ...).
 *
 * <p>Counting is a {@link LongAdder} increment per request (no allocation), callable from any
 * request thread. {@link #sample()} is called by one scheduler thread about once a second; it also
 * rolls the day totals when the local date has changed since the last sample. The day totals, like
 * Apache's, leave out system topics ({@code RMQ_SYS_*}, the schedule topic, ...); the rates count
 * everything stored or pulled. Thread-safe.
 */
public final class BrokerStats {

  /** Samples kept: one a second for the longest window (600 s) plus its starting point. */
  private static final int SAMPLES = 601;

  private static final int[] WINDOWS = {10, 60, 600};

  private final LongSupplier clock;
  private final ZoneId zone;
  private final LongAdder put = new LongAdder();
  private final LongAdder got = new LongAdder();
  private final LongAdder putUser = new LongAdder();
  private final LongAdder gotUser = new LongAdder();
  private final RateWindow putRate = new RateWindow(SAMPLES);
  private final RateWindow getRate = new RateWindow(SAMPLES);
  private final KeyedCounters topicPuts = new KeyedCounters();
  private final KeyedCounters groupGets = new KeyedCounters();
  private final Object dayLock = new Object();
  private LocalDate today;
  private long putTodayMorning;
  private long getTodayMorning;
  private long putYesterdayMorning;
  private long getYesterdayMorning;

  /**
   * @param clock epoch millis (tests step it)
   * @param zone where midnight is
   */
  public BrokerStats(LongSupplier clock, ZoneId zone) {
    this.clock = clock;
    this.zone = zone;
    this.today = dateOf(clock.getAsLong());
  }

  /** {@code messages} messages were stored in {@code topic}. */
  public void stored(String topic, int messages) {
    put.add(messages);
    topicPuts.add(topic, "", messages);
    if (!SystemTopics.isSystemTopic(topic)) {
      putUser.add(messages);
    }
  }

  /** {@code messages} messages of {@code topic} were handed to a consumer of {@code group}. */
  public void pulled(String topic, String group, int messages) {
    got.add(messages);
    groupGets.add(topic, group, messages);
    if (!SystemTopics.isSystemTopic(topic)) {
      gotUser.add(messages);
    }
  }

  /** Takes this second's sample of both counters and rolls the day totals past midnight. */
  public void sample() {
    long now = clock.getAsLong();
    putRate.sample(now, put.sum());
    topicPuts.sample(now);
    groupGets.sample(now);
    getRate.sample(now, got.sum());
    LocalDate date = dateOf(now);
    synchronized (dayLock) {
      if (!date.equals(today)) {
        today = date;
        putYesterdayMorning = putTodayMorning;
        getYesterdayMorning = getTodayMorning;
        putTodayMorning = putUser.sum();
        getTodayMorning = gotUser.sum();
      }
    }
  }

  /** Messages stored in non-system topics since start. */
  public long putTotal() {
    return putUser.sum();
  }

  /** Messages of non-system topics pulled since start. */
  public long getTotal() {
    return gotUser.sum();
  }

  /** Messages per second stored in {@code topic} over the last minute. */
  public double topicPutTps(String topic) {
    return topicPuts.perSecondLastMinute(topic, "");
  }

  /** Messages per second of {@code topic} handed to {@code group} over the last minute. */
  public double groupGetTps(String topic, String group) {
    return groupGets.perSecondLastMinute(topic, group);
  }

  /**
   * VIEW_BROKER_STATS_DATA's item {@code statsName} for {@code statsKey}, under Apache RocketMQ's
   * names: {@code TOPIC_PUT_NUMS} keyed by topic, {@code GROUP_GET_NUMS} keyed by {@code
   * topic@group}; empty for other names and for keys never counted.
   */
  public Optional<BrokerStatsData> statsData(String statsName, String statsKey) {
    return switch (statsName) {
      case "TOPIC_PUT_NUMS" -> topicPuts.data(statsKey, "");
      case "GROUP_GET_NUMS" -> {
        int at = statsKey.indexOf('@');
        yield at < 0
            ? Optional.empty()
            : groupGets.data(statsKey.substring(0, at), statsKey.substring(at + 1));
      }
      default -> Optional.empty();
    };
  }

  /** Adds the traffic keys of GET_BROKER_RUNTIME_INFO to {@code info}. */
  public void describe(Map<String, String> info) {
    info.put("putTps", rates(putRate));
    info.put("getTransferredTps", rates(getRate));
    info.put("msgPutTotalTodayNow", Long.toString(putUser.sum()));
    info.put("msgGetTotalTodayNow", Long.toString(gotUser.sum()));
    synchronized (dayLock) {
      info.put("msgPutTotalTodayMorning", Long.toString(putTodayMorning));
      info.put("msgGetTotalTodayMorning", Long.toString(getTodayMorning));
      info.put("msgPutTotalYesterdayMorning", Long.toString(putYesterdayMorning));
      info.put("msgGetTotalYesterdayMorning", Long.toString(getYesterdayMorning));
    }
  }

  /** "a b c": the rates over the 10, 60 and 600 s windows, two decimals each. */
  private static String rates(RateWindow window) {
    StringBuilder b = new StringBuilder();
    for (int w : WINDOWS) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(String.format(Locale.ROOT, "%.2f", window.perSecond(w)));
    }
    return b.toString();
  }

  private LocalDate dateOf(long millis) {
    return Instant.ofEpochMilli(millis).atZone(zone).toLocalDate();
  }
}
