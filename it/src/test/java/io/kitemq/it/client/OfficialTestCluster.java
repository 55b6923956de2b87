package io.kitemq.it.client;

import io.kitemq.remoting.netty.RemotingClient;
import io.kitemq.remoting.netty.RemotingClientConfig;
import io.kitemq.remoting.netty.RemotingTimeoutException;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.header.GetRouteInfoRequestHeader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * Apache RocketMQ 5.5.0's own name server and broker, each in a child JVM started from this test
 * classpath, so their static state, logging setup and System.exit calls stay out of the test JVM.
 * Ports are probed free on 127.0.0.1 (the broker also binds listenPort-2 and listenPort+1); the
 * store, ROCKETMQ_HOME and user.home (their log directory) live in a temporary directory. Closing
 * destroys both processes (forcibly after a deadline).
 */
final class OfficialTestCluster implements TestCluster {

  /** Every delay level one second, so retried messages come back fast. */
  static final String FAST_DELAY_LEVELS = String.join(" ", java.util.Collections.nCopies(18, "1s"));

  /** Transaction check-backs come within seconds: a scan every second ... */
  static final long TRANSACTION_CHECK_INTERVAL_MILLIS = 1000;

  /** ... of halves older than two seconds. */
  static final long TRANSACTION_TIMEOUT_MILLIS = 2000;

  private final List<Process> processes = new ArrayList<>();
  private final String namesrvAddr;
  private final Path dir;

  OfficialTestCluster(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
      int namesrvPort = freePort(0, 0);
      int brokerPort = freePort(2, 1);
      namesrvAddr = "127.0.0.1:" + namesrvPort;
      Path nsConf = write("namesrv.conf", "listenPort=" + namesrvPort + "\n");
      start("namesrv", "org.apache.rocketmq.namesrv.NamesrvStartup", nsConf);
      awaitPort(namesrvPort);
      Path store = dir.resolve("store");
      String brokerConf =
          String.join(
                  "\n",
                  "brokerClusterName=OfficialClientCluster",
                  "brokerName=rmq-broker-a",
                  "brokerId=0",
                  "namesrvAddr=" + namesrvAddr,
                  "listenPort=" + brokerPort,
                  "brokerIP1=127.0.0.1",
                  "storePathRootDir=" + store,
                  "storePathCommitLog=" + store.resolve("commitlog"),
                  "mappedFileSizeCommitLog=" + 64 * 1024 * 1024,
                  "mappedFileSizeConsumeQueue=" + 20 * 10_000,
                  "autoCreateTopicEnable=true",
                  "autoCreateSubscriptionGroup=true",
                  "flushDiskType=ASYNC_FLUSH",
                  "messageDelayLevel=" + FAST_DELAY_LEVELS,
                  "waitTimeMillsInSendQueue=5000",
                  "osPageCacheBusyTimeOutMills=5000",
                  "maxMessageSize=" + 8 * 1024 * 1024,
                  "transactionCheckInterval=" + TRANSACTION_CHECK_INTERVAL_MILLIS,
                  "transactionTimeOut=" + TRANSACTION_TIMEOUT_MILLIS,
                  "traceTopicEnable=true",
                  "enablePropertyFilter=true",
                  "")
              .replace("\\", "/");
      start("broker", "org.apache.rocketmq.broker.BrokerStartup", write("broker.conf", brokerConf));
      awaitPort(brokerPort);
      awaitRegistered();
    } catch (IOException e) {
      stop();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private void start(String name, String mainClass, Path conf) throws IOException {
    Path home = dir.resolve("home");
    Files.createDirectories(home);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-Xmx512m",
            "-XX:+UseSerialGC",
            "-Drocketmq.home.dir=" + home,
            "-Duser.home=" + home,
            "-cp",
            System.getProperty("java.class.path"),
            mainClass,
            "-c",
            conf.toString());
    pb.environment().put("ROCKETMQ_HOME", home.toString());
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve(name + ".out").toFile());
    processes.add(pb.start());
  }

  /** A port p with p-below .. p+above all free (best effort: another process may take it). */
  private static int freePort(int below, int above) throws IOException {
    for (int attempt = 0; attempt < 200; attempt++) {
      int p = ThreadLocalRandom.current().nextInt(20_000, 40_000);
      boolean free = true;
      for (int q = p - below; q <= p + above && free; q++) {
        try (ServerSocket s = new ServerSocket()) {
          s.bind(new InetSocketAddress("0.0.0.0", q));
        } catch (IOException e) {
          free = false;
        }
      }
      if (free) {
        return p;
      }
    }
    throw new IOException("no free port range found");
  }

  private void awaitPort(int port) {
    Awaitility.await("port " + port + " of the official cluster (logs in " + dir + ")")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              for (Process p : processes) {
                if (!p.isAlive()) {
                  throw new IllegalStateException(
                      "official process exited with " + p.exitValue() + ", see " + dir);
                }
              }
              try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return true;
              } catch (IOException e) {
                return false;
              }
            });
  }

  /** The broker is usable once the name server serves the route of TBW102 (its registration). */
  private void awaitRegistered() {
    try (RemotingClient client = new RemotingClient(RemotingClientConfig.defaults())) {
      Awaitility.await("registration of the official broker (logs in " + dir + ")")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          // A name server still warming up on a busy machine may answer late: ask again.
          .ignoreException(RemotingTimeoutException.class)
          .until(
              () ->
                  client
                          .invokeSync(
                              namesrvAddr,
                              RemotingCommand.createRequest(
                                  RequestCode.GET_ROUTEINFO_BY_TOPIC,
                                  new GetRouteInfoRequestHeader("TBW102", null)),
                              3000)
                          .code()
                      == 0);
    }
  }

  @Override
  public String name() {
    return "rocketmq-5.5.0";
  }

  @Override
  public String namesrvAddr() {
    return namesrvAddr;
  }

  @Override
  public boolean isKite() {
    return false;
  }

  @Override
  public void stop() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process p = processes.get(i);
      p.destroy();
      try {
        if (!p.waitFor(15, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    processes.clear();
  }

  @Override
  public String toString() {
    return name();
  }
}
