package io.kitemq.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kitemq.broker.BrokerConfig;
import io.kitemq.broker.BrokerController;
import io.kitemq.client.admin.AdminClient;
import io.kitemq.nameserver.NameServer;
import io.kitemq.nameserver.NameServerConfig;
import io.kitemq.remoting.protocol.body.TopicStatsTable;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code kite bench} against a name server and broker in this JVM: what each mode reports must be
 * what the broker stored. Each test uses its own topic.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class BenchCommandTest {

  @TempDir static Path dir;

  private static NameServer nameServer;
  private static BrokerController broker;
  private static String namesrv;

  @BeforeAll
  static void startNode() {
    nameServer =
        new NameServer(
            NameServerConfig.builder()
                .bindAddress("127.0.0.1")
                .listenPort(0)
                .kvConfigPath(dir.resolve("kvConfig.json"))
                .build());
    namesrv = "127.0.0.1:" + nameServer.start();
    Properties p = new Properties();
    p.setProperty("brokerClusterName", "BenchCluster");
    p.setProperty("brokerName", "bench-broker");
    p.setProperty("namesrvAddr", namesrv);
    p.setProperty("listenPort", "0");
    p.setProperty("brokerIP1", "127.0.0.1");
    p.setProperty("storePathRootDir", dir.resolve("store").toString());
    p.setProperty("mappedFileSizeCommitLog", Integer.toString(32 * 1024 * 1024));
    p.setProperty("mappedFileSizeConsumeQueue", Integer.toString(20 * 10_000));
    p.setProperty("maxHashSlotNum", "10000");
    p.setProperty("maxIndexNum", "40000");
    broker = new BrokerController(BrokerConfig.fromProperties(p));
    broker.start();
  }

  @AfterAll
  static void stopNode() {
    try {
      if (broker != null) {
        broker.shutdown();
      }
    } finally {
      if (nameServer != null) {
        nameServer.close();
      }
    }
  }

  @Test
  void syncRunReportsExactlyTheMessagesTheBrokerStored() throws Exception {
    Summary s = bench("sync", "BenchSync", "--count", "300", "--threads", "3", "--queues", "3");
    assertThat(s.count()).isEqualTo(300);
    assertThat(s.errors()).isZero();
    assertThat(s.p50Micros()).isPositive().isLessThanOrEqualTo(s.p99Micros());
    assertThat(stored("BenchSync")).isEqualTo(300);
    assertThat(queues("BenchSync")).isEqualTo(3);
  }

  @Test
  void warmUpSendsAreStoredButNotCounted() throws Exception {
    Summary s = bench("sync", "BenchWarm", "--count", "100", "--warmup", "1");
    assertThat(s.count()).isEqualTo(100);
    assertThat(stored("BenchWarm")).isGreaterThan(100);
  }

  @Test
  void asyncRunWaitsForEveryAnswerBeforeItsSummary() throws Exception {
    Summary s = bench("async", "BenchAsync", "--count", "2000", "--in-flight", "64");
    assertThat(s.count()).isEqualTo(2000);
    assertThat(s.errors()).isZero();
    assertThat(stored("BenchAsync")).isEqualTo(2000);
  }

  @Test
  void onewayRunSendsEveryMessageItCounts() throws Exception {
    Summary s = bench("oneway", "BenchOneway", "--count", "500", "--threads", "2");
    assertThat(s.count()).isEqualTo(500);
    await().atMost(Duration.ofSeconds(20)).until(() -> stored("BenchOneway") == 500);
  }

  @Test
  void batchRunCountsMessagesNotRequestsAndSendsAPartialLastBatch() throws Exception {
    Summary s = bench("batch", "BenchBatch", "--count", "330", "--batch", "32", "--size", "100");
    assertThat(s.count()).isEqualTo(330);
    assertThat(s.errors()).isZero();
    assertThat(stored("BenchBatch")).isEqualTo(330);
  }

  @Test
  void drainReadsEveryStoredMessage() throws Exception {
    bench("batch", "BenchDrain", "--count", "1000", "--batch", "50");
    Summary s = bench("drain", "BenchDrain", "--count", "1000", "--threads", "4");
    assertThat(s.count()).isEqualTo(stored("BenchDrain")).isEqualTo(1000);
    assertThat(s.msgPerSec()).isPositive();
  }

  @Test
  void drainWarmUpLeavesOutWhatArrivedInItsFirstSeconds() throws Exception {
    bench("batch", "BenchDrainWarm", "--count", "200", "--batch", "50");
    CompletableFuture<Summary> trickle =
        CompletableFuture.supplyAsync(
            () -> benchUnchecked("sync", "BenchDrainWarm", "--rate", "100", "--duration", "5"));
    Summary s =
        bench("drain", "BenchDrainWarm", "--warmup", "2", "--duration", "6", "--threads", "2");
    assertThat(trickle.get(1, TimeUnit.MINUTES).errors()).isZero();
    // The 200 stored before the drain arrive at once, within the warm-up; the trickle goes on.
    assertThat(s.count()).isPositive().isLessThan(stored("BenchDrainWarm") - 200);
    assertThat(s.errors()).isZero();
  }

  @Test
  void drainThatEndsWithinItsWarmUpSaysSo() throws Exception {
    bench("batch", "BenchDrainShort", "--count", "100", "--batch", "50");
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new BenchCommand());
    cl.setErr(new PrintWriter(err));
    cl.setOut(new PrintWriter(new StringWriter()));
    int status =
        cl.execute(
            "drain",
            "--topic",
            "BenchDrainShort",
            "--warmup",
            "30",
            "--duration",
            "60",
            "--namesrv",
            namesrv);
    assertThat(status).isEqualTo(1);
    assertThat(err.toString())
        .contains("the drain ended within its warm-up: 100 messages received in the")
        .contains("shorten --warmup");
  }

  @Test
  void endToEndMeasuresOnlyMessagesOfItsRunSentAfterTheWarmUp() throws Exception {
    bench("sync", "BenchE2e", "--count", "50");
    Summary s =
        bench(
            "e2e", "BenchE2e", "--duration", "2", "--warmup", "1", "--rate", "200", "--size", "64");
    assertThat(s.errors()).isZero();
    assertThat(s.count()).isPositive().isLessThan(stored("BenchE2e") - 50);
    assertThat(s.p99Micros()).isPositive();
  }

  @Test
  void officialClientRunsTheSameLoad() throws Exception {
    Summary s = bench("sync", "BenchApache", "--count", "200", "--client", "apache");
    assertThat(s.client()).isEqualTo("apache");
    assertThat(s.count()).isEqualTo(200);
    assertThat(stored("BenchApache")).isEqualTo(200);
  }

  @Test
  void readyProbeStopsAtTheFirstStoredMessage() throws Exception {
    Summary s = bench("ready", "BenchReady", "--duration", "30");
    assertThat(s.count()).isEqualTo(1);
    assertThat(s.errors()).isZero();
    assertThat(stored("BenchReady")).isEqualTo(1);
  }

  @Test
  void officialClientsReadyProbeWarmsUpAgainstItsOwnResponderNotTheBroker() throws Exception {
    Summary s = bench("ready", "BenchReadyApache", "--duration", "30", "--client", "apache");
    assertThat(s.count()).isEqualTo(1);
    assertThat(s.errors()).isZero();
    assertThat(stored("BenchReadyApache")).isEqualTo(1);
  }

  @Test
  void readyProbeGivesUpAfterItsDurationWithAnError() throws Exception {
    Summary s = bench("ready", "BenchNowhere", "--duration", "1", "--namesrv", "127.0.0.1:1");
    assertThat(s.count()).isZero();
    assertThat(s.errors()).isEqualTo(1);
  }

  @Test
  void unknownClientIsOneLineAndStatusOne() {
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new BenchCommand());
    cl.setErr(new PrintWriter(err));
    cl.setOut(new PrintWriter(new StringWriter()));
    int status = cl.execute("sync", "--namesrv", namesrv, "--client", "nope", "--count", "1");
    assertThat(status).isEqualTo(1);
    assertThat(err.toString().strip())
        .startsWith("kite bench: unknown --client 'nope'")
        .doesNotContain("\n");
  }

  @Test
  void brokerPidAddsTheCpuTimeOfThatProcessOverTheMeasurement() throws Exception {
    Process busy = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
    Process idle = new ProcessBuilder("sleep", "60").start();
    try {
      Summary spinning =
          bench("sync", "BenchCpu", "--duration", "2", "--broker-pid", "" + busy.pid());
      Summary sleeping =
          bench("sync", "BenchCpu", "--duration", "2", "--broker-pid", "" + idle.pid());

      assertThat(spinning.brokerCpuSeconds()).isGreaterThan(0.5);
      assertThat(sleeping.brokerCpuSeconds()).isLessThan(0.1);
      assertThat(spinning.clientCpuSeconds()).isPositive();
      assertThat(bench("sync", "BenchCpu", "--count", "10").brokerCpuSeconds()).isNull();
    } finally {
      busy.destroyForcibly();
      idle.destroyForcibly();
    }
  }

  @Test
  void brokerPidOfNoProcessIsRefused() {
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new BenchCommand());
    cl.setErr(new PrintWriter(err));
    int status =
        cl.execute("sync", "--count", "1", "--namesrv", namesrv, "--broker-pid", "2147483646");
    assertThat(status).isEqualTo(1);
    assertThat(err.toString()).contains("--broker-pid 2147483646: no such process");
  }

  @Test
  void badOptionNamesTheOption() {
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new BenchCommand());
    cl.setErr(new PrintWriter(err));
    int status = cl.execute("e2e", "--size", "8", "--namesrv", namesrv);
    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("--size must be at least 16");
  }

  private static Summary bench(String mode, String topic, String... more) throws Exception {
    List<String> args = new ArrayList<>(List.of(mode, "--topic", topic, "--json"));
    args.addAll(List.of(more));
    if (!args.contains("--namesrv")) {
      args.addAll(List.of("--namesrv", namesrv));
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new BenchCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    cl.execute(args.toArray(String[]::new));
    assertThat(out.toString().lines().count()).as("stdout: %s, stderr: %s", out, err).isEqualTo(1);
    return Json.read(out.toString().strip());
  }

  private static Summary benchUnchecked(String mode, String topic, String... more) {
    try {
      return bench(mode, topic, more);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static long stored(String topic) throws Exception {
    try (AdminClient admin = AdminClient.builder().namesrvAddr(namesrv).build()) {
      long sum = 0;
      for (TopicStatsTable.TopicOffset o : admin.topicStats(topic).values()) {
        sum += o.maxOffset() - o.minOffset();
      }
      return sum;
    }
  }

  private static int queues(String topic) throws Exception {
    try (AdminClient admin = AdminClient.builder().namesrvAddr(namesrv).build()) {
      return admin.topicStats(topic).size();
    }
  }
}
