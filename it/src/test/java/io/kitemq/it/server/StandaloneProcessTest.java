package io.kitemq.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kite standalone} and {@code kite broker} as real processes: the official 5.5.0 producer
 * sends through the embedded name server, SIGTERM stops everything cleanly, start failures leave
 * nothing running.
 */
@Timeout(180)
class StandaloneProcessTest {

  private static final Duration START = Duration.ofSeconds(60);

  @TempDir Path work;

  @Test
  void officialProducerSendsAndSigtermStopsBrokerThenNameServer() throws Exception {
    Path store = work.resolve("data/store");
    try (KiteProcess kite =
        KiteProcess.start(
            work, Map.of(), "standalone", "--nameserver-port", "0", "--broker-port", "0")) {
      String ready = kite.awaitReady(START);
      int nameServerPort = KiteProcess.port(ready, "name server");
      KiteProcess.port(ready, "broker");
      assertThat(ready).contains("store data/store");
      assertThat(store.resolve("abort")).exists();

      DefaultMQProducer producer = new DefaultMQProducer("kite-standalone-it");
      producer.setNamesrvAddr("127.0.0.1:" + nameServerPort);
      producer.setInstanceName("kite-standalone-it-" + System.nanoTime());
      producer.setSendMsgTimeout(10_000);
      producer.start();
      try {
        // A topic nobody created: standalone creates it on the first send.
        SendResult sent =
            producer.send(
                new Message("StandaloneItTopic", "hello".getBytes(StandardCharsets.UTF_8)));
        assertThat(sent.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
      } finally {
        producer.shutdown();
      }

      kite.terminate();

      assertThat(kite.awaitExit(Duration.ofSeconds(60))).isZero();
      assertThat(store.resolve("abort")).doesNotExist();
      assertThat(store.resolve("commitlog")).isNotEmptyDirectory();
      assertThat(kite.log("standalone"))
          .containsPattern(
              "KiteMQ standalone stopped in \\d+ ms \\(http \\d+ ms, broker \\d+ ms, name server \\d+ ms\\)");
    }
  }

  @Test
  void brokerPortInUseStopsTheStartedNameServerAndExitsOne() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress("0.0.0.0", 0));
      int port = taken.getLocalPort();
      try (KiteProcess kite =
          KiteProcess.start(
              work,
              Map.of(),
              "standalone",
              "--nameserver-port",
              "0",
              "--broker-port",
              Integer.toString(port))) {

        assertThat(kite.awaitExit(START)).isEqualTo(1);
        assertThat(kite.stderr().strip())
            .doesNotContain("\n")
            .contains("port " + port + " is already in use")
            .contains("--broker-port");
        assertThat(kite.log("standalone"))
            .contains("start failed; stopped what had started")
            .contains("name server");
        assertThat(work.resolve("data/store/abort")).doesNotExist();
      }
    }
  }

  @Test
  void unwritableStoreExitsOneNamingThePath() throws Exception {
    Path blocker = Files.writeString(work.resolve("blocker"), "a file, not a directory");
    Path store = blocker.resolve("store");
    try (KiteProcess kite =
        KiteProcess.start(
            work,
            Map.of(),
            "standalone",
            "--nameserver-port",
            "0",
            "--broker-port",
            "0",
            "-store",
            store.toString())) {

      assertThat(kite.awaitExit(START)).isEqualTo(1);
      assertThat(kite.stderr().strip())
          .doesNotContain("\n")
          .contains(store.toString())
          .contains("storePathRootDir")
          .contains("-store");
    }
  }

  @Test
  void apacheBrokerConfRunsWithOneWarningNamingTheKeysNotImplemented() throws Exception {
    Path conf =
        Files.writeString(
            work.resolve("broker.conf"),
            String.join(
                "\n",
                "brokerClusterName = DefaultCluster",
                "brokerName = broker-a",
                "brokerId = 0",
                "deleteWhen = 04",
                "fileReservedTime = 48",
                "brokerRole = ASYNC_MASTER",
                "flushDiskType = ASYNC_FLUSH",
                "listenPort = 0",
                "storePathRootDir = " + work.resolve("apache-store"),
                ""));
    try (KiteProcess kite =
        KiteProcess.start(work, Map.of(), "broker", "-c", conf.toString(), "--exit-after-ready")) {

      assertThat(kite.awaitExit(START)).isZero();
      assertThat(kite.stdout())
          .contains("ready in")
          .containsOnlyOnce("ignoring Apache RocketMQ keys KiteMQ does not implement yet")
          .contains("brokerRole");
      assertThat(work.resolve("apache-store/commitlog")).isDirectory();
      assertThat(work.resolve("apache-store/abort")).doesNotExist();
    }
  }

  @Test
  void unknownBrokerConfKeyExitsTwoNamingIt() throws Exception {
    Path conf = Files.writeString(work.resolve("broker.conf"), "brokerName=a\nbrokerNmae=b\n");
    try (KiteProcess kite = KiteProcess.start(work, Map.of(), "broker", "-c", conf.toString())) {

      assertThat(kite.awaitExit(START)).isEqualTo(2);
      assertThat(kite.stderr().strip())
          .doesNotContain("\n")
          .contains("unknown broker key 'brokerNmae'")
          .contains("did you mean 'brokerName'");
      assertThat(work.resolve("data")).doesNotExist();
    }
  }
}
