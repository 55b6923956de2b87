import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * KiteMQ against Apache RocketMQ 5.5.0 on this machine: starts one node at a time on the same
 * ports (KiteMQ's {@code kite standalone}, then Apache's name server and broker, alternating which
 * goes first), drives each with {@code kite bench --client apache} (the official client, so the
 * client is held constant), and prints a markdown table of medians and the median of the per-pair
 * KiteMQ/Apache ratios. Run by compare.sh, which resolves the class paths; a single-file program
 * ({@code java Compare.java ...}) using only the JDK.
 *
 * <p>Arguments: {@code --kite-home DIR --apache-cp FILE --bench-cp FILE --work DIR [--quick]
 * [--reps N] [--seconds S] [--warmup S] [--latency-warmup S] [--floor-src FILE] [--namesrv-port P] [--broker-port P] [--out FILE]}.
 */
public final class Compare {

  /** One measured cell: the load's arguments and which summary field is the figure. */
  record Row(String label, String topic, String field, String unit, List<String> args) {}

  private final Map<String, String> opts;
  private final boolean quick;
  private final int reps;
  private final int seconds;
  private final int warmup;
  private final int latencyWarmup;
  private final int nsPort;
  private final int brokerPort;
  private final Path work;
  private final StringBuilder log = new StringBuilder();

  /** label -> broker ("kite"/"apache") -> one figure per repetition. */
  private final Map<String, Map<String, List<Double>>> results = new LinkedHashMap<>();

  private final Map<String, String> units = new LinkedHashMap<>();

  /** Loopback floor label -> one figure per repetition. */
  private final Map<String, List<Double>> floor = new LinkedHashMap<>();

  /** Throughput label -> broker -> {broker, client} CPU microseconds per message, per repetition. */
  private final Map<String, Map<String, List<double[]>>> cpu = new LinkedHashMap<>();

  Compare(Map<String, String> opts) {
    this.opts = opts;
    this.quick = opts.containsKey("quick");
    this.reps = Integer.parseInt(opts.getOrDefault("reps", quick ? "1" : "3"));
    this.seconds = Integer.parseInt(opts.getOrDefault("seconds", quick ? "3" : "10"));
    // Each cell is a new bench JVM: with 2 s of warm-up its own JIT compilation (C2 busy on one of
    // the two cores for its first 6 to 8 s) was still in the measured seconds, a client cost that
    // squeezed both brokers alike and pulled the batch rows' ratios towards 1.
    this.warmup = Integer.parseInt(opts.getOrDefault("warmup", quick ? "1" : "8"));
    // At a fixed, modest rate the JIT takes far longer to finish the hot paths than at full
    // speed: C2 threads still took a third of a broker's CPU in the seconds after a 2 s warm-up.
    this.latencyWarmup = Integer.parseInt(opts.getOrDefault("latency-warmup", quick ? "2" : "20"));
    this.nsPort = Integer.parseInt(opts.getOrDefault("namesrv-port", "29876"));
    this.brokerPort = Integer.parseInt(opts.getOrDefault("broker-port", "30911"));
    this.work = Path.of(required("work"));
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + a);
      }
      String key = a.substring(2);
      if (key.equals("quick")) {
        opts.put(key, "true");
      } else {
        opts.put(key, args[++i]);
      }
    }
    new Compare(opts).run();
  }

  private String required(String key) {
    String v = opts.get(key);
    if (v == null) {
      throw new IllegalArgumentException("--" + key + " is required");
    }
    return v;
  }

  void run() throws Exception {
    Files.createDirectories(work);
    String[] brokers = {"kite", "apache"};
    say("# throughput, drain, time to ready, RSS: " + reps + " pair(s), " + seconds + " s a cell");
    for (int rep = 0; rep < reps; rep++) {
      for (int k = 0; k < 2; k++) {
        String broker = brokers[(rep + k) % 2];
        throughputPass(broker, rep);
      }
    }
    double rate =
        Math.floor(
            0.5
                * Math.min(
                    median(results.get(SYNC8).get("kite")),
                    median(results.get(SYNC8).get("apache"))));
    say("# latency at 50 % of the slower broker's sync (8 threads, 128 B) rate: " + rate + " msg/s");
    for (int rep = 0; rep < reps; rep++) {
      floorPass((int) rate);
      for (int k = 0; k < 2; k++) {
        String broker = brokers[(rep + k) % 2];
        latencyPass(broker, rep, (int) rate);
      }
    }
    String table = table() + "\n" + cpuTable() + "\n" + floorTable();
    String defaults = defaultsSection();
    String report =
        "## KiteMQ vs Apache RocketMQ 5.5.0\n\n"
            + machine()
            + "\n"
            + table
            + "\n"
            + defaults;
    System.out.println();
    System.out.println(report);
    Path out = Path.of(opts.getOrDefault("out", work.resolve("results.md").toString()));
    Files.writeString(out, report, StandardCharsets.UTF_8);
    Files.writeString(work.resolve("runs.log"), log, StandardCharsets.UTF_8);
    say("table written to " + out + ", every run's JSON to " + work.resolve("runs.log"));
  }

  private static final String SYNC8 = "sync, 8 threads, 128 B (msg/s)";

  private List<Row> throughputRows() {
    List<Row> rows = new ArrayList<>();
    for (int size : new int[] {128, 1024}) {
      String s = size == 128 ? "128 B" : "1 KiB";
      for (int t : new int[] {1, 8, 32}) {
        rows.add(
            new Row(
                "sync, " + t + (t == 1 ? " thread, " : " threads, ") + s + " (msg/s)",
                "sync" + t + "_" + size,
                "msgPerSec",
                "msg/s",
                List.of("sync", "--threads", "" + t, "--size", "" + size)));
      }
      rows.add(
          new Row(
              "async, 1024 in flight, " + s + " (msg/s)",
              "async_" + size,
              "msgPerSec",
              "msg/s",
              List.of("async", "--in-flight", "1024", "--size", "" + size)));
    }
    rows.add(
        new Row(
            "batch 64 x 128 B, 8 threads (msg/s)",
            "batch64_128",
            "msgPerSec",
            "msg/s",
            List.of("batch", "--batch", "64", "--threads", "8", "--size", "128")));
    rows.add(
        new Row(
            "batch 64 x 128 B, 8 threads, KiteMQ's client (msg/s)",
            "batch64_128",
            "msgPerSec",
            "msg/s",
            List.of(
                "batch", "--batch", "64", "--threads", "8", "--size", "128", "--client", "kite")));
    // The drains read the same 3 M messages (fillForDrain): the first group after the start from
    // its first message, JIT compilation of both sides' pull paths included; then a second group,
    // measured from 2 s after its first message, once those paths are compiled. The official push
    // consumer hands every message to its consume pool on its own, which costs it 5 to 13 us of CPU
    // a message against 1.3 to 6 us for either broker: on two cores those rows measure mostly the
    // client. A third group reads with KiteMQ's client (same client against both brokers), which
    // leaves the brokers' pull paths the larger share.
    rows.add(
        new Row(
            "consumer drain, 128 B, first group after start (msg/s)",
            "drain_128",
            "msgPerSec",
            "msg/s",
            List.of("drain", "--threads", "8", "--size", "128", "--warmup", "0")));
    rows.add(
        new Row(
            "consumer drain, 128 B, second group (msg/s)",
            "drain_128",
            "msgPerSec",
            "msg/s",
            List.of("drain", "--threads", "8", "--size", "128", "--warmup", quick ? "1" : "2")));
    rows.add(
        new Row(
            "consumer drain, 128 B, third group, KiteMQ's client (msg/s)",
            "drain_128",
            "msgPerSec",
            "msg/s",
            List.of(
                "drain",
                "--threads",
                "8",
                "--size",
                "128",
                // its own JVM's compilation of the client takes the first seconds
                "--warmup",
                quick ? "1" : "3",
                "--client",
                "kite")));
    return rows;
  }

  private void throughputPass(String broker, int rep) throws Exception {
    Path dir = work.resolve("run-" + rep + "-" + broker);
    Node node = Node.start(broker, false, dir, this);
    Set<String> filled = new HashSet<>();
    try {
      record(broker, "time to ready, start to first send (ms)", node.readyMillis);
      for (Row row : throughputRows()) {
        boolean drain = row.args().get(0).equals("drain");
        if (drain && filled.add(row.topic())) {
          fillForDrain(row.topic(), dir, node);
        }
        List<String> args = new ArrayList<>(row.args());
        // A drain's duration bounds how long it may take to pass its warm-up and read; --quick's
        // 3 s would end the second drain inside its warm-up.
        int duration = drain ? Math.max(seconds, 10) : seconds;
        args.addAll(List.of("--topic", row.topic(), "--duration", "" + duration));
        if (!args.contains("--warmup")) {
          args.addAll(List.of("--warmup", "" + warmup));
        }
        Map<String, Double> s = bench(args, dir, node);
        record(broker, row.label(), s.get(row.field()));
        recordCpu(broker, row.label(), s);
      }
      record(broker, "broker RSS after the run (MiB)", node.brokerRssMiB());
    } finally {
      node.stop();
      deleteTree(dir.resolve("store"));
    }
  }

  /**
   * Stores the drains' messages, not measured: a fixed count, so that both brokers' drains read as
   * many (a topic filled by a timed row would give the faster broker the longer drain) and each
   * drain outlasts its warm-up. Sent in batches by KiteMQ's client, the fastest way in to both
   * brokers; each message is stored as its own record either way.
   */
  private void fillForDrain(String topic, Path dir, Node node) throws Exception {
    // Enough that the KiteMQ-client drain, the fastest, still reads for seconds after its warm-up.
    int count = quick ? 1_000_000 : 3_000_000;
    Map<String, Double> s =
        bench(
            List.of(
                "batch", "--batch", "64", "--threads", "8", "--size", "128", "--client", "kite",
                "--topic", topic, "--count", "" + count, "--duration", "600"),
            dir,
            node);
    Double errors = s.get("errors");
    if (errors == null || errors > 0) {
      throw new IllegalStateException(
          "filling "
              + topic
              + " for the drains: "
              + (errors == null ? "no summary" : errors.longValue() + " sends failed")
              + "; see "
              + dir.resolve("bench.err"));
    }
  }

  private void latencyPass(String broker, int rep, int rate) throws Exception {
    Path dir = work.resolve("lat-" + rep + "-" + broker);
    Node node = Node.start(broker, false, dir, this);
    try {
      Map<String, Double> s =
          bench(
              List.of(
                  "sync", "--threads", "8", "--size", "128", "--rate", "" + rate, "--topic",
                  "lat_128", "--duration", "" + seconds, "--warmup", "" + latencyWarmup),
              dir,
              node);
      String at = " at " + rate + " msg/s, 8 threads (ms)";
      record(broker, "sync send p50" + at, s.get("p50Micros") / 1000);
      record(broker, "sync send p99" + at, s.get("p99Micros") / 1000);
      record(broker, "sync send p99.9" + at, s.get("p999Micros") / 1000);
      Map<String, Double> e =
          bench(
              List.of(
                  "e2e", "--rate", "1000", "--size", "128", "--threads", "4", "--topic",
                  "e2e_128", "--duration", "" + seconds, "--warmup", "" + latencyWarmup),
              dir,
              node);
      record(broker, "end-to-end p99 at 1000 msg/s (ms)", e.get("p99Micros") / 1000);
    } finally {
      node.stop();
      deleteTree(dir.resolve("store"));
    }
  }

  /**
   * Issue 7's figures: each node with its own start scripts' default JVM options, time to the first
   * send, RSS once idle and after a minute of load (a shorter load with --quick).
   */
  private String defaultsSection() throws Exception {
    int loadSeconds = quick ? 10 : 60;
    Map<String, double[]> figures = new LinkedHashMap<>();
    for (String broker : new String[] {"kite", "apache"}) {
      Path dir = work.resolve("defaults-" + broker);
      Node node = Node.start(broker, true, dir, this);
      try {
        double ready = node.readyMillis;
        TimeUnit.SECONDS.sleep(5);
        double idle = node.brokerRssMiB();
        bench(
            List.of(
                "async", "--size", "128", "--topic", "load_128", "--duration", "" + loadSeconds),
            dir,
            node);
        figures.put(broker, new double[] {ready, idle, node.brokerRssMiB()});
      } finally {
        node.stop();
        deleteTree(dir.resolve("store"));
      }
    }
    String[] labels = {
      "time to first send (ms)",
      "RSS idle, 5 s after ready (MiB)",
      "RSS after " + loadSeconds + " s of async 128 B load (MiB)"
    };
    StringBuilder sb = new StringBuilder();
    sb.append("### Default JVM options (`kite standalone` vs Apache's runserver.sh/runbroker.sh)\n\n");
    sb.append("| | KiteMQ | Apache RocketMQ | KiteMQ/Apache |\n| --- | ---: | ---: | ---: |\n");
    for (int i = 0; i < labels.length; i++) {
      double k = figures.get("kite")[i];
      double a = figures.get("apache")[i];
      sb.append(
          String.format(Locale.ROOT, "| %s | %s | %s | %.2f |%n", labels[i], fmt(k), fmt(a), k / a));
    }
    return sb.toString();
  }

  /** Runs kite bench with the official client; the summary's numeric fields. */
  Map<String, Double> bench(List<String> args, Path dir, Node node) throws Exception {
    List<String> cmd = new ArrayList<>(benchJava());
    cmd.addAll(args);
    if (!args.contains("--client")) {
      cmd.addAll(List.of("--client", "apache"));
    }
    cmd.addAll(
        List.of(
            "--namesrv", "127.0.0.1:" + nsPort, "--broker-pid", "" + node.broker.pid(), "--json"));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("bench.err").toFile()));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    p.waitFor();
    Map<String, Double> m = parse(out);
    log.append(String.join(" ", args)).append(" -> ").append(out).append('\n');
    say("  " + String.join(" ", args) + " -> " + brief(m));
    return m;
  }

  List<String> benchJava() throws IOException {
    String cp = Files.readString(Path.of(required("bench-cp"))).strip();
    return List.of(
        javaBin(), "-Xmx512m", "-XX:+UseSerialGC", "-cp", cp, "io.kitemq.tools.bench.BenchCommand");
  }

  static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String brief(Map<String, Double> m) {
    if (m.isEmpty()) {
      return "no summary (see bench.err)";
    }
    return String.format(
        Locale.ROOT,
        "%.0f msg/s, p99 %.3f ms, errors %.0f",
        m.getOrDefault("msgPerSec", 0.0),
        m.getOrDefault("p99Micros", 0.0) / 1000,
        m.getOrDefault("errors", 0.0));
  }

  private static final Pattern NUMBER = Pattern.compile("\"(\\w+)\":(-?[0-9.Ee+-]+)");

  static Map<String, Double> parse(String json) {
    Map<String, Double> m = new LinkedHashMap<>();
    Matcher x = NUMBER.matcher(json);
    while (x.find()) {
      m.put(x.group(1), Double.parseDouble(x.group(2)));
    }
    return m;
  }

  private void record(String broker, String label, Double value) {
    results
        .computeIfAbsent(label, l -> new LinkedHashMap<>())
        .computeIfAbsent(broker, b -> new ArrayList<>())
        .add(value == null ? Double.NaN : value);
  }

  /**
   * The machine's request/response floor at the latency rows' loads: {@code LoopbackFloor.java}'s
   * echo server and client, two plain processes and no broker (skipped without {@code
   * --floor-src}).
   */
  private void floorPass(int rate) throws Exception {
    String src = opts.get("floor-src");
    if (src == null) {
      return;
    }
    Process server = new ProcessBuilder(javaBin(), "-Xmx64m", src, "server").start();
    try {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      String port = in.readLine();
      if (port == null) {
        throw new IllegalStateException("the loopback echo server did not start");
      }
      for (int[] load : new int[][] {{rate, 8}, {1000, 1}}) {
        Process client =
            new ProcessBuilder(
                    javaBin(), "-Xmx512m", "-XX:+UseSerialGC", src, "client", port.strip(),
                    "" + load[0], "" + load[1], "" + seconds, "" + warmup, "128")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out =
            new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        client.waitFor();
        Map<String, Double> m = parse(out);
        log.append("loopback floor ").append(Arrays.toString(load)).append(" -> ").append(out);
        log.append('\n');
        String at = " at " + load[0] + " msg/s, " + load[1] + (load[1] == 1 ? " thread" : " threads");
        say("  loopback floor" + at + " -> p99 " + fmt(m.getOrDefault("p99Micros", 0.0) / 1000) + " ms");
        for (String p : new String[] {"p50", "p99", "p999"}) {
          floor
              .computeIfAbsent(
                  "round trip " + p.replace("p999", "p99.9") + at + " (ms)",
                  k -> new ArrayList<>())
              .add(m.getOrDefault(p + "Micros", Double.NaN) / 1000);
        }
      }
    } finally {
      server.destroyForcibly();
      server.waitFor();
    }
  }

  private String floorTable() {
    if (floor.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    sb.append("### Loopback floor: an echo over 127.0.0.1, no broker (medians)\n\n");
    sb.append("| row | ms |\n| --- | ---: |\n");
    for (Map.Entry<String, List<Double>> e : floor.entrySet()) {
      sb.append(String.format(Locale.ROOT, "| %s | %s |%n", e.getKey(), fmt(median(e.getValue()))));
    }
    sb.append(
        "\nTwo JVMs, a connection per sending thread, 128-byte frames written straight back:"
            + " what the machine's loopback and scheduler cost a round trip before any broker"
            + " work.\n");
    return sb.toString();
  }

  private void recordCpu(String broker, String label, Map<String, Double> s) {
    double count = s.getOrDefault("count", 0.0);
    if (count <= 0 || !s.containsKey("brokerCpuSeconds") || !s.containsKey("clientCpuSeconds")) {
      return;
    }
    cpu.computeIfAbsent(label, l -> new LinkedHashMap<>())
        .computeIfAbsent(broker, b -> new ArrayList<>())
        .add(
            new double[] {
              s.get("brokerCpuSeconds") * 1e6 / count, s.get("clientCpuSeconds") * 1e6 / count
            });
  }

  /**
   * Where each throughput row's cores went: the broker's and the client's CPU per message, and the
   * rate the client alone would allow if the broker cost nothing (all cores / client CPU).
   */
  private String cpuTable() {
    int cores = Runtime.getRuntime().availableProcessors();
    StringBuilder sb = new StringBuilder();
    sb.append("### CPU per message (medians, microseconds)\n\n");
    sb.append(
        "| row | KiteMQ broker | Apache broker | client, against KiteMQ | client, against Apache |"
            + " client-bound ceiling on "
            + cores
            + " cores (msg/s) |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
    for (Map.Entry<String, Map<String, List<double[]>>> e : cpu.entrySet()) {
      double kb = median(column(e.getValue().get("kite"), 0));
      double ab = median(column(e.getValue().get("apache"), 0));
      double kc = median(column(e.getValue().get("kite"), 1));
      double ac = median(column(e.getValue().get("apache"), 1));
      double client = Double.isNaN(kc) ? ac : Double.isNaN(ac) ? kc : Math.min(kc, ac);
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s |%n",
              e.getKey().replace(" (msg/s)", ""),
              fmt(kb),
              fmt(ab),
              fmt(kc),
              fmt(ac),
              fmt(cores * 1e6 / client)));
    }
    sb.append(
        "\nCPU time of the broker process (`--broker-pid`) and of the bench's JVM over each measured"
            + " span, divided by the messages of that span.\n");
    return sb.toString();
  }

  private static List<Double> column(List<double[]> rows, int i) {
    return rows == null ? List.of() : rows.stream().map(r -> r[i]).toList();
  }

  private String table() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        "| row | KiteMQ (median) | Apache RocketMQ (median) | KiteMQ/Apache (median of "
            + reps
            + " pair ratios) |\n| --- | ---: | ---: | ---: |\n");
    for (Map.Entry<String, Map<String, List<Double>>> e : results.entrySet()) {
      List<Double> k = e.getValue().getOrDefault("kite", List.of());
      List<Double> a = e.getValue().getOrDefault("apache", List.of());
      List<Double> ratios = new ArrayList<>();
      for (int i = 0; i < Math.min(k.size(), a.size()); i++) {
        ratios.add(k.get(i) / a.get(i));
      }
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %.2f |%n",
              e.getKey(),
              fmt(median(k)),
              fmt(median(a)),
              median(ratios)));
    }
    sb.append(
        "\nThroughput rows: higher is better. Latency, time and RSS rows: lower is better."
            + " Every load is `kite bench --client apache` (the official 5.5.0 client) but the row"
            + " that names KiteMQ's client.\n");
    return sb.toString();
  }

  static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    return Math.abs(v) >= 100
        ? String.format(Locale.ROOT, "%,.0f", v)
        : String.format(Locale.ROOT, "%.3f", v);
  }

  static double median(List<Double> values) {
    List<Double> v = values.stream().filter(d -> !Double.isNaN(d)).sorted().toList();
    if (v.isEmpty()) {
      return Double.NaN;
    }
    int n = v.size();
    return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
  }

  private String machine() throws IOException {
    String cpu = "unknown CPU";
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      cpu =
          lines
              .filter(l -> l.startsWith("model name"))
              .findFirst()
              .map(l -> l.substring(l.indexOf(':') + 1).strip())
              .orElse(cpu);
    }
    return String.format(
        Locale.ROOT,
        "Machine: %d cores (%s), Java %s, %s. %d repetition(s) of each pair, %d s a cell after"
            + " %d s of warm-up (%d s before the latency rows).%n",
        Runtime.getRuntime().availableProcessors(),
        cpu,
        System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        reps,
        seconds,
        warmup,
        latencyWarmup);
  }

  void say(String line) {
    System.out.println(line);
    System.out.flush();
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    }
  }

  /** A running node: KiteMQ standalone, or Apache's name server and broker. */
  static final class Node {
    final List<Process> processes = new ArrayList<>();
    Process broker;
    double readyMillis;

    /**
     * Starts a ready probe (a bench that retries one send), then the node; returns once the probe
     * succeeded, with the time from starting the node's first process to that send.
     */
    static Node start(String which, boolean defaults, Path dir, Compare c) throws Exception {
      Files.createDirectories(dir);
      Node node = new Node();
      List<String> probeCmd = new ArrayList<>(c.benchJava());
      probeCmd.addAll(
          List.of(
              "ready", "--topic", "ready_probe", "--duration", "120", "--namesrv",
              "127.0.0.1:" + c.nsPort, "--client", "apache", "--json"));
      Process probe =
          new ProcessBuilder(probeCmd)
              .redirectError(ProcessBuilder.Redirect.PIPE)
              .start();
      BufferedReader err =
          new BufferedReader(new InputStreamReader(probe.getErrorStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = err.readLine()) != null && !line.startsWith("ready probe:")) {
        // the probe's JVM is starting; wait for its loop
      }
      CompletableFuture.runAsync(() -> drain(err));
      long startMillis = System.currentTimeMillis();
      try {
        if (which.equals("kite")) {
          node.startKite(defaults, dir, c);
        } else {
          node.startApache(defaults, dir, c);
        }
        String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        probe.waitFor();
        Map<String, Double> s = parse(out);
        if (s.getOrDefault("count", 0.0) < 1) {
          throw new IllegalStateException(which + " never accepted a send; logs in " + dir);
        }
        node.readyMillis = s.get("endEpochMillis") - startMillis;
        c.say(
            "- " + which + (defaults ? " (default JVM options)" : "") + " ready in "
                + fmt(node.readyMillis) + " ms");
        return node;
      } catch (Exception | Error e) {
        probe.destroyForcibly();
        node.stop();
        throw e;
      }
    }

    private static void drain(BufferedReader r) {
      try {
        while (r.readLine() != null) {
          // discard: the probe's retries log nothing useful
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void startKite(boolean defaults, Path dir, Compare c) throws IOException {
      Path kite = Path.of(c.required("kite-home"), "bin", "kite");
      ProcessBuilder pb =
          new ProcessBuilder(
              kite.toString(),
              "standalone",
              "--nameserver-port",
              "" + c.nsPort,
              "--broker-port",
              "" + c.brokerPort,
              "-store",
              dir.resolve("store").toString());
      pb.environment().put("KITE_LOG_DIR", dir.resolve("logs").toString());
      if (!defaults) {
        pb.environment().put("KITE_HEAP", "1g");
        pb.environment().put("KITE_DIRECT_MEMORY", "1g");
      }
      pb.redirectErrorStream(true).redirectOutput(dir.resolve("kite.out").toFile());
      broker = pb.start();
      processes.add(broker);
    }

    private void startApache(boolean defaults, Path dir, Compare c) throws Exception {
      Path home = dir.resolve("home");
      Files.createDirectories(home);
      String cp = Files.readString(Path.of(c.required("apache-cp"))).strip();
      Path store = dir.resolve("store");
      Files.writeString(dir.resolve("namesrv.conf"), "listenPort=" + c.nsPort + "\n");
      Files.writeString(
          dir.resolve("broker.conf"),
          String.join(
              "\n",
              "brokerClusterName=DefaultCluster",
              "brokerName=broker-a",
              "brokerId=0",
              "namesrvAddr=127.0.0.1:" + c.nsPort,
              "listenPort=" + c.brokerPort,
              "brokerIP1=127.0.0.1",
              "storePathRootDir=" + store,
              "storePathCommitLog=" + store.resolve("commitlog"),
              "flushDiskType=ASYNC_FLUSH",
              "autoCreateTopicEnable=true",
              "autoCreateSubscriptionGroup=true",
              ""));
      List<String> ns = defaults ? runserverDefaults() : sameHeap();
      processes.add(
          apache(ns, cp, home, "org.apache.rocketmq.namesrv.NamesrvStartup", dir, "namesrv"));
      awaitPort(c.nsPort, dir);
      List<String> br = defaults ? runbrokerDefaults() : sameHeap();
      broker = apache(br, cp, home, "org.apache.rocketmq.broker.BrokerStartup", dir, "broker");
      processes.add(broker);
    }

    /** The options KiteMQ's bin/kite gives a 1 GiB heap, for both Apache processes. */
    private static List<String> sameHeap() {
      return List.of("-Xmx1g", "-XX:MaxDirectMemorySize=1g", "-XX:+UseG1GC");
    }

    /** distribution/bin/runserver.sh's options on Java 9 and later (its GC log left out). */
    private static List<String> runserverDefaults() {
      return List.of(
          "-server", "-Xms4g", "-Xmx4g", "-XX:MetaspaceSize=128m", "-XX:MaxMetaspaceSize=320m",
          "-XX:+UseG1GC", "-XX:G1HeapRegionSize=16m", "-XX:G1ReservePercent=25",
          "-XX:InitiatingHeapOccupancyPercent=30", "-XX:SoftRefLRUPolicyMSPerMB=0",
          "-XX:-OmitStackTraceInFastThrow", "-XX:-UseLargePages");
    }

    /** distribution/bin/runbroker.sh's options on Java 9 and later (its GC log left out). */
    private static List<String> runbrokerDefaults() {
      return List.of(
          "-XX:+UseG1GC", "-XX:G1HeapRegionSize=16m", "-XX:G1ReservePercent=25",
          "-XX:InitiatingHeapOccupancyPercent=30", "-XX:SoftRefLRUPolicyMSPerMB=0", "-server",
          "-Xms8g", "-Xmx8g", "-XX:-OmitStackTraceInFastThrow", "-XX:+AlwaysPreTouch",
          "-XX:MaxDirectMemorySize=15g", "-XX:-UseLargePages");
    }

    private static Process apache(
        List<String> jvm, String cp, Path home, String main, Path dir, String name)
        throws IOException {
      List<String> cmd = new ArrayList<>();
      cmd.add(javaBin());
      cmd.addAll(jvm);
      cmd.addAll(List.of("-Drocketmq.home.dir=" + home, "-Duser.home=" + home, "-cp", cp, main));
      cmd.addAll(List.of("-c", dir.resolve(name + ".conf").toString()));
      ProcessBuilder pb = new ProcessBuilder(cmd);
      pb.environment().put("ROCKETMQ_HOME", home.toString());
      pb.redirectErrorStream(true).redirectOutput(dir.resolve(name + ".out").toFile());
      return pb.start();
    }

    private void awaitPort(int port, Path dir) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline) {
        for (Process p : processes) {
          if (!p.isAlive()) {
            throw new IllegalStateException("a node process exited; see " + dir);
          }
        }
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress("127.0.0.1", port), 200);
          return;
        } catch (IOException e) {
          TimeUnit.MILLISECONDS.sleep(10);
        }
      }
      throw new IllegalStateException("port " + port + " never opened; see " + dir);
    }

    /** VmRSS of the broker process (KiteMQ: the standalone process, name server included). */
    double brokerRssMiB() throws IOException {
      for (String l : Files.readAllLines(Path.of("/proc/" + broker.pid() + "/status"))) {
        if (l.startsWith("VmRSS:")) {
          return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
      return Double.NaN;
    }

    void stop() throws InterruptedException {
      for (int i = processes.size() - 1; i >= 0; i--) {
        Process p = processes.get(i);
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
      processes.clear();
    }
  }
}
