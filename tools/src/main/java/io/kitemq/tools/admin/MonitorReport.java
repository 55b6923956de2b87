package io.kitemq.tools.admin;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code monitor} shows, computed from two {@link MonitorSample}s: per broker its send and
 * pull TPS (the broker's own 10 s rates), bytes stored per second (growth of the commit log's max
 * offset between the samples), disk use and uptime; the {@code top} topics by messages stored per
 * second (growth of their max offsets) and the {@code top} groups by lag. A value that cannot be
 * known (a broker that did not answer, a key an older broker lacks, a topic seen only once) is
 * null, printed "-". Immutable; serialised as is for {@code --json}.
 */
record MonitorReport(
    long timestamp,
    double intervalSeconds,
    List<BrokerRow> brokers,
    List<TopicRow> topics,
    List<GroupRow> groups) {

  record BrokerRow(
      String cluster,
      String broker,
      String role,
      String addr,
      Double sendTps,
      Double pullTps,
      Double bytesInPerSecond,
      Double diskUsedPercent,
      Long uptimeMillis,
      String error) {}

  record TopicRow(String topic, Double inPerSecond, long messages) {}

  record GroupRow(String group, long lag, Double consumedPerSecond) {}

  static MonitorReport of(MonitorSample before, MonitorSample now, int top) {
    double seconds = (now.nanos() - before.nanos()) / 1e9;
    return new MonitorReport(
        now.millis(),
        Math.round(seconds * 1000) / 1000.0,
        brokers(before, now, seconds),
        topics(before, now, seconds, top),
        groups(before, now, seconds, top));
  }

  private static List<BrokerRow> brokers(MonitorSample before, MonitorSample now, double seconds) {
    Map<String, Map<String, String>> earlier = new HashMap<>();
    before.brokers().forEach(b -> earlier.put(b.addr(), b.info()));
    List<BrokerRow> rows = new ArrayList<>();
    for (MonitorSample.Broker b : now.brokers()) {
      Map<String, String> info = b.info();
      Long maxNow = parseLong(info.get("commitLogMaxOffset"));
      Long maxBefore =
          parseLong(earlier.getOrDefault(b.addr(), Map.of()).get("commitLogMaxOffset"));
      Double bytesIn =
          maxNow == null || maxBefore == null || maxNow < maxBefore
              ? null
              : rate(maxNow - maxBefore, seconds);
      Double disk = parseDouble(info.get("commitLogDiskRatio"));
      Long boot = parseLong(info.get("bootTimestamp"));
      rows.add(
          new BrokerRow(
              b.cluster(),
              b.name(),
              b.brokerId() == 0 ? "MASTER" : "SLAVE",
              b.addr(),
              tenSecondRate(info.get("putTps")),
              tenSecondRate(info.get("getTransferredTps")),
              bytesIn,
              disk == null || disk < 0 ? null : Math.round(disk * 1000) / 10.0,
              boot == null || boot <= 0 ? null : Math.max(0, now.millis() - boot),
              b.error()));
    }
    return rows;
  }

  private static List<TopicRow> topics(
      MonitorSample before, MonitorSample now, double seconds, int top) {
    List<TopicRow> rows = new ArrayList<>();
    now.topics()
        .forEach(
            (name, t) -> {
              MonitorSample.Topic earlier = before.topics().get(name);
              Double in =
                  earlier == null || t.maxOffsets() < earlier.maxOffsets()
                      ? null
                      : rate(t.maxOffsets() - earlier.maxOffsets(), seconds);
              rows.add(new TopicRow(name, in, t.messages()));
            });
    rows.sort(
        Comparator.comparing((TopicRow r) -> r.inPerSecond() == null ? -1 : r.inPerSecond())
            .reversed()
            .thenComparing(Comparator.comparingLong(TopicRow::messages).reversed())
            .thenComparing(TopicRow::topic));
    return List.copyOf(rows.subList(0, Math.min(top, rows.size())));
  }

  private static List<GroupRow> groups(
      MonitorSample before, MonitorSample now, double seconds, int top) {
    List<GroupRow> rows = new ArrayList<>();
    now.groups()
        .forEach(
            (name, g) -> {
              MonitorSample.Group earlier = before.groups().get(name);
              Double consumed =
                  earlier == null || g.consumerOffsets() < earlier.consumerOffsets()
                      ? null
                      : rate(g.consumerOffsets() - earlier.consumerOffsets(), seconds);
              rows.add(new GroupRow(name, g.lag(), consumed));
            });
    rows.sort(Comparator.comparingLong(GroupRow::lag).reversed().thenComparing(GroupRow::group));
    return List.copyOf(rows.subList(0, Math.min(top, rows.size())));
  }

  /** Prints the three tables, each under a title line. */
  void print(PrintWriter out) {
    Table b =
        new Table(
            "#Cluster",
            "#Broker",
            "#Role",
            "#Addr",
            "#Send TPS",
            "#Pull TPS",
            "#Bytes In/s",
            "#Disk",
            "#Uptime");
    for (BrokerRow r : brokers) {
      if (r.error() != null) {
        b.row(r.cluster(), r.broker(), r.role(), r.addr(), "-", "-", "-", "-", "no answer");
        continue;
      }
      b.row(
          r.cluster(),
          r.broker(),
          r.role(),
          r.addr(),
          decimal(r.sendTps()),
          decimal(r.pullTps()),
          r.bytesInPerSecond() == null ? null : bytes(r.bytesInPerSecond()),
          r.diskUsedPercent() == null ? null : r.diskUsedPercent() + "%",
          r.uptimeMillis() == null ? null : uptime(r.uptimeMillis()));
    }
    b.print(out);
    out.println();
    out.println("Busiest topics");
    Table t = new Table("#Topic", "#In/s", "#Messages");
    topics.forEach(r -> t.row(r.topic(), decimal(r.inPerSecond()), r.messages()));
    t.print(out);
    out.println();
    out.println("Largest lag");
    Table g = new Table("#Group", "#Lag", "#Consumed/s");
    groups.forEach(r -> g.row(r.group(), r.lag(), decimal(r.consumedPerSecond())));
    g.print(out);
  }

  private static double rate(long delta, double seconds) {
    return seconds <= 0 ? 0 : Math.round(delta / seconds * 100) / 100.0;
  }

  /** The first of a broker's "10s 60s 600s" rates; null when absent or blank (a young Apache). */
  private static Double tenSecondRate(String rates) {
    if (rates == null || rates.isBlank()) {
      return null;
    }
    Double rate = parseDouble(rates.strip().split("\\s+")[0]);
    return rate == null ? null : Math.round(rate * 100) / 100.0;
  }

  private static Long parseLong(String s) {
    try {
      return s == null ? null : Long.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Double parseDouble(String s) {
    try {
      return s == null ? null : Double.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String decimal(Double d) {
    return d == null ? null : String.format(Locale.ROOT, "%.2f", d);
  }

  private static String bytes(double perSecond) {
    if (perSecond < 1024) {
      return String.format(Locale.ROOT, "%.0f B", perSecond);
    }
    String units = "KMGTPE";
    int exp = Math.min(units.length(), (int) (Math.log(perSecond) / Math.log(1024)));
    return String.format(
        Locale.ROOT, "%.1f %ciB", perSecond / Math.pow(1024, exp), units.charAt(exp - 1));
  }

  private static String uptime(long millis) {
    long s = millis / 1000;
    String hms =
        String.format(Locale.ROOT, "%02d:%02d:%02d", s % 86_400 / 3600, s % 3600 / 60, s % 60);
    return s >= 86_400 ? s / 86_400 + "d " + hms : hms;
  }
}
