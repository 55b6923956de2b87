package io.kitemq.tools.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Rates, ordering and unknown values of the monitor's report, from two hand-made samples. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class MonitorReportTest {

  private static final long T0 = 1_000_000_000L;
  private static final long BOOT = 1_796_000_000_000L;

  private static MonitorSample.Broker broker(String addr, long maxOffset) {
    return new MonitorSample.Broker(
        "C",
        "broker-a",
        0,
        addr,
        Map.of(
            "commitLogMaxOffset", Long.toString(maxOffset),
            "putTps", "12.50 3.00 0.30",
            "getTransferredTps", "4.00 1.00 0.10",
            "commitLogDiskRatio", "0.42",
            "bootTimestamp", Long.toString(BOOT)),
        null);
  }

  @Test
  void ratesAreGrowthOverTheTimeBetweenSamples() {
    MonitorSample before =
        new MonitorSample(
            T0,
            BOOT + 60_000,
            List.of(broker("a:1", 1000)),
            Map.of(
                "Orders",
                new MonitorSample.Topic(100, 100),
                "Quiet",
                new MonitorSample.Topic(5, 5)),
            Map.of("billing", new MonitorSample.Group(10, 90)));
    MonitorSample after =
        new MonitorSample(
            T0 + 2_000_000_000L,
            BOOT + 62_000,
            List.of(
                broker("a:1", 5096),
                new MonitorSample.Broker("C", "broker-b", 0, "b:1", Map.of(), "timed out")),
            Map.of(
                "Orders", new MonitorSample.Topic(160, 150),
                "Quiet", new MonitorSample.Topic(5, 5),
                "Fresh", new MonitorSample.Topic(7, 7)),
            Map.of(
                "billing", new MonitorSample.Group(30, 130),
                "audit", new MonitorSample.Group(3, 0)));
    MonitorReport r = MonitorReport.of(before, after, 2);

    assertThat(r.intervalSeconds()).isEqualTo(2.0);
    MonitorReport.BrokerRow a = r.brokers().get(0);
    assertThat(a.sendTps()).isEqualTo(12.5);
    assertThat(a.pullTps()).isEqualTo(4.0);
    assertThat(a.bytesInPerSecond()).isEqualTo(2048.0);
    assertThat(a.diskUsedPercent()).isEqualTo(42.0);
    assertThat(a.uptimeMillis()).isEqualTo(62_000);
    MonitorReport.BrokerRow b = r.brokers().get(1);
    assertThat(b.error()).isEqualTo("timed out");
    assertThat(b.sendTps()).isNull();
    assertThat(b.bytesInPerSecond()).isNull();

    // Top 2 by rate: Orders 30/s, then Quiet (0/s) before Fresh (seen once: rate unknown).
    assertThat(r.topics())
        .containsExactly(
            new MonitorReport.TopicRow("Orders", 30.0, 150),
            new MonitorReport.TopicRow("Quiet", 0.0, 5));
    assertThat(r.groups())
        .containsExactly(
            new MonitorReport.GroupRow("billing", 30, 20.0),
            new MonitorReport.GroupRow("audit", 3, null));

    StringWriter text = new StringWriter();
    r.print(new PrintWriter(text));
    assertThat(text.toString())
        .contains("2.0 KiB")
        .contains("42.0%")
        .contains("00:01:02")
        .contains("no answer")
        .contains("Orders  30.00");
  }
}
