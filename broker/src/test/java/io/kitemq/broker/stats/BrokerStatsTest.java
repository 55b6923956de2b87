package io.kitemq.broker.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Rates and day totals with a stepped clock. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class BrokerStatsTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

  private static long at(int day, int hour, int minute, int second) {
    return LocalDateTime.of(2026, 12, day, hour, minute, second)
        .atZone(ZONE)
        .toInstant()
        .toEpochMilli();
  }

  private static Map<String, String> info(BrokerStats stats) {
    Map<String, String> m = new HashMap<>();
    stats.describe(m);
    return m;
  }

  @Test
  void ratesCoverTheLastTenSixtyAndSixHundredSeconds() {
    AtomicLong now = new AtomicLong(at(2, 10, 0, 0));
    BrokerStats stats = new BrokerStats(now::get, ZONE);
    stats.sample();
    // 600 s: the first 540 s quiet, then 60 s at 5 msg/s of which the last 10 s at 20 msg/s.
    for (int s = 1; s <= 600; s++) {
      now.addAndGet(1000);
      if (s > 590) {
        stats.stored("Orders", 20);
      } else if (s > 540) {
        stats.stored("Orders", 5);
      }
      stats.sample();
    }
    long total = 50 * 5 + 10 * 20;
    assertThat(info(stats).get("putTps"))
        .isEqualTo(String.format("20.00 %.2f %.2f", total / 60.0, total / 600.0));
    assertThat(info(stats).get("getTransferredTps")).isEqualTo("0.00 0.00 0.00");
  }

  @Test
  void aYoungBrokerReportsItsRateSinceStart() {
    AtomicLong now = new AtomicLong(at(2, 10, 0, 0));
    BrokerStats stats = new BrokerStats(now::get, ZONE);
    assertThat(info(stats).get("putTps")).isEqualTo("0.00 0.00 0.00");
    stats.sample();
    now.addAndGet(4000);
    stats.pulled("Orders", "g", 6);
    stats.sample();
    assertThat(info(stats).get("getTransferredTps")).isEqualTo("1.50 1.50 1.50");
  }

  @Test
  void dayTotalsRollAtLocalMidnightAndLeaveOutSystemTopics() {
    AtomicLong now = new AtomicLong(at(2, 23, 59, 58));
    BrokerStats stats = new BrokerStats(now::get, ZONE);
    stats.stored("Orders", 7);
    stats.stored("RMQ_SYS_TRACE_TOPIC", 100);
    stats.pulled("Orders", "g", 3);
    stats.sample();
    assertThat(info(stats))
        .containsEntry("msgPutTotalTodayNow", "7")
        .containsEntry("msgGetTotalTodayNow", "3")
        .containsEntry("msgPutTotalTodayMorning", "0");

    now.set(at(3, 0, 0, 1));
    stats.sample();
    stats.stored("Orders", 2);
    assertThat(info(stats))
        .containsEntry("msgPutTotalTodayNow", "9")
        .containsEntry("msgPutTotalTodayMorning", "7")
        .containsEntry("msgGetTotalTodayMorning", "3")
        .containsEntry("msgPutTotalYesterdayMorning", "0");

    now.set(at(4, 0, 0, 2));
    stats.sample();
    assertThat(info(stats))
        .containsEntry("msgPutTotalTodayMorning", "9")
        .containsEntry("msgPutTotalYesterdayMorning", "7")
        .containsEntry("msgGetTotalYesterdayMorning", "3");
  }

  @Test
  void formatsFollowApacheRocketMq() {
    assertThat(RuntimeFormats.bytes(0)).isEqualTo("0 B");
    assertThat(RuntimeFormats.bytes(1023)).isEqualTo("1023 B");
    assertThat(RuntimeFormats.bytes(1536)).isEqualTo("1.5 KiB");
    assertThat(RuntimeFormats.bytes(3L << 30)).isEqualTo("3.0 GiB");
    assertThat(RuntimeFormats.uptime(((2 * 24 + 3) * 3600 + 4 * 60 + 5) * 1000L + 999))
        .isEqualTo("[ 2 days, 3 hours, 4 minutes, 5 seconds ]");
  }
}
