package io.kitemq.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitemq.remoting.netty.RemotingClient;
import io.kitemq.remoting.netty.RemotingClientConfig;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.ResponseCode;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code kite nameserver} as a real process: serve, SIGTERM, exit status, start failures. */
@Timeout(120)
class NameServerProcessTest {

  private static final Duration START = Duration.ofSeconds(30);

  @TempDir Path work;

  @Test
  void servesRoutesAndStopsCleanlyOnSigterm() throws Exception {
    try (KiteProcess kite = KiteProcess.start(work, Map.of(), "nameserver", "-port", "0");
        RemotingClient client = new RemotingClient(RemotingClientConfig.defaults())) {
      String ready = kite.awaitReady(START);
      int port = KiteProcess.port(ready, "name server");

      RemotingCommand answer =
          client.invokeSync(
              "127.0.0.1:" + port,
              RemotingCommand.createRequest(RequestCode.GET_BROKER_CLUSTER_INFO),
              5_000);
      assertThat(answer.code()).isEqualTo(ResponseCode.SUCCESS.code());
      assertThat(ready).contains("pid " + kite.pid()).contains("stop with Ctrl-C");
      // Embedded default: what the name server writes lives under ./data.
      assertThat(work.resolve("data/namesrv")).isDirectory();

      kite.terminate();

      assertThat(kite.awaitExit(Duration.ofSeconds(30))).isZero();
      assertThat(kite.log("nameserver"))
          .contains("ready in")
          .containsPattern("KiteMQ name server stopped in \\d+ ms");
    }
  }

  @Test
  void aPlainNodeCommandLineStartsWithoutTheFullCommandLineParser() throws Exception {
    Path classes = work.resolve("classes.log");
    try (KiteProcess kite =
        KiteProcess.start(
            work,
            List.of("-Xlog:class+load:file=" + classes),
            Map.of(),
            "nameserver",
            "--port=0",
            "--exit-after-ready")) {
      assertThat(kite.awaitExit(START)).as(kite.stderr()).isZero();
      assertThat(kite.stdout()).contains("ready in");
    }
    String loaded = Files.readString(classes);
    assertThat(loaded)
        .contains("io.kitemq.server.NodeFlags ")
        .doesNotContain("picocli.CommandLine ");

    // A line the start path's parser declines (here --help) is picocli's, as before.
    try (KiteProcess help =
        KiteProcess.start(work, List.of(), Map.of(), "nameserver", "--port", "0", "--help")) {
      assertThat(help.awaitExit(START)).isZero();
      assertThat(help.stdout()).contains("Usage: kite nameserver").contains("-port, --port");
    }
  }

  @Test
  void ctrlCStopsCleanlyToo() throws Exception {
    try (KiteProcess kite = KiteProcess.start(work, Map.of(), "nameserver", "-port", "0")) {
      kite.awaitReady(START);

      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(kite.pid())).start();
      assertThat(kill.waitFor()).isZero();

      assertThat(kite.awaitExit(Duration.ofSeconds(30))).isZero();
      assertThat(kite.log("nameserver")).contains("KiteMQ name server stopped in");
    }
  }

  @Test
  void portInUseExitsOneWithOneLineNamingThePort() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress("0.0.0.0", 0));
      int port = taken.getLocalPort();
      try (KiteProcess kite =
          KiteProcess.start(work, Map.of(), "nameserver", "--port", Integer.toString(port))) {

        assertThat(kite.awaitExit(START)).isEqualTo(1);
        assertThat(kite.stderr().strip())
            .doesNotContain("\n")
            .contains("port " + port + " is already in use")
            .contains("listenPort")
            .contains("choose another port with -port");
        assertThat(kite.stdout()).doesNotContain("ready in");
      }
    }
  }

  @Test
  void unwritableDirectoryExitsOneNamingThePath() throws Exception {
    Path blocker = Files.writeString(work.resolve("blocker"), "a file, not a directory");
    Path kv = blocker.resolve("namesrv").resolve("kvConfig.json");
    try (KiteProcess kite =
        KiteProcess.start(
            work,
            Map.of("KITE_NAMESRV_KV_CONFIG_PATH", kv.toString()),
            "nameserver",
            "-port",
            "0")) {

      assertThat(kite.awaitExit(START)).isEqualTo(1);
      assertThat(kite.stderr().strip())
          .doesNotContain("\n")
          .contains(blocker.resolve("namesrv").toString())
          .contains("kvConfigPath");
    }
  }

  @Test
  void configurationErrorExitsTwoBeforeStartingAnything() throws Exception {
    try (KiteProcess kite =
        KiteProcess.start(work, Map.of("KITE_NAMESRV_LISTEN_PORT", "-1"), "nameserver")) {

      assertThat(kite.awaitExit(START)).isEqualTo(2);
      assertThat(kite.stderr().strip())
          .doesNotContain("\n")
          .contains("listenPort (set by KITE_NAMESRV_LISTEN_PORT)");
      assertThat(work.resolve("data")).doesNotExist();
    }
  }

  @Test
  void apacheNamesrvConfStartsWithOneWarningAboutKeysNotImplemented() throws Exception {
    Path conf =
        Files.writeString(
            work.resolve("namesrv.conf"),
            "listenPort=0\n"
                + "kvConfigPath="
                + work.resolve("kv/kvConfig.json")
                + "\n"
                + "rocketmqHome=/opt/rocketmq\n"
                + "clusterTest=false\n");
    try (KiteProcess kite =
        KiteProcess.start(
            work, Map.of(), "nameserver", "-c", conf.toString(), "--exit-after-ready")) {

      assertThat(kite.awaitExit(START)).isZero();
      assertThat(kite.stdout())
          .contains("ready in")
          .containsOnlyOnce("ignoring Apache RocketMQ keys KiteMQ does not implement yet")
          .contains("clusterTest, rocketmqHome");
      assertThat(work.resolve("kv")).isDirectory();
    }
  }
}
