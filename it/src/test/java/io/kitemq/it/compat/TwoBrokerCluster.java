package io.kitemq.it.compat;

import io.kitemq.nameserver.NameServer;
import io.kitemq.nameserver.NameServerConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An in-process name server and two KiteMQ brokers, {@code broker-a} and {@code broker-b}, in child
 * JVMs with small stores under one directory: what the failover tests kill and restart. {@link
 * #close()} stops the brokers still running, then the name server.
 */
final class TwoBrokerCluster implements AutoCloseable {

  private static final Duration READY_WITHIN = Duration.ofSeconds(60);

  private final Path dir;
  private final String cluster;
  private final Map<String, String> extra;
  private final NameServer nameServer;
  private final String namesrvAddr;
  private ChildBroker a;
  private ChildBroker b;

  private TwoBrokerCluster(Path dir, String cluster, Map<String, String> extra) {
    this.dir = dir;
    this.cluster = cluster;
    this.extra = Map.copyOf(extra);
    this.nameServer =
        new NameServer(
            NameServerConfig.builder()
                .bindAddress("127.0.0.1")
                .listenPort(0)
                .kvConfigPath(dir.resolve("kvConfig.json"))
                .build());
    this.namesrvAddr = "127.0.0.1:" + nameServer.start();
  }

  /**
   * Starts the name server and both brokers (registering every second).
   *
   * @param extra broker.conf keys both brokers get on top of the small-store defaults
   */
  static TwoBrokerCluster start(Path dir, String cluster, Map<String, String> extra)
      throws IOException, InterruptedException {
    TwoBrokerCluster c = new TwoBrokerCluster(dir, cluster, extra);
    try {
      c.a = ChildBroker.start(c.conf("broker-a", 0), READY_WITHIN);
      c.b = ChildBroker.start(c.conf("broker-b", 0), READY_WITHIN);
    } catch (IOException | InterruptedException | RuntimeException e) {
      c.close();
      throw e;
    }
    return c;
  }

  String namesrvAddr() {
    return namesrvAddr;
  }

  ChildBroker a() {
    return a;
  }

  ChildBroker b() {
    return b;
  }

  /** Starts {@code broker-a} again on its store, listening on {@code port}. */
  ChildBroker restartA(int port) throws IOException, InterruptedException {
    a = ChildBroker.start(conf("broker-a", port), READY_WITHIN);
    return a;
  }

  /**
   * Disk ratios high enough that housekeeping deletes no segment under a test that reads every
   * acknowledged message back: with the defaults (75 % / 85 %) a busy host disk would have it
   * delete the oldest small segments mid-test.
   */
  static void keepSegmentsOnABusyDisk(Map<String, String> conf) {
    conf.put("diskMaxUsedSpaceRatio", "95");
    conf.put("diskSpaceWarningLevelRatio", "0.98");
    conf.put("diskSpaceCleanForciblyRatio", "0.97");
  }

  private Map<String, String> conf(String name, int port) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("brokerClusterName", cluster);
    c.put("brokerName", name);
    c.put("namesrvAddr", namesrvAddr);
    c.put("listenPort", Integer.toString(port));
    c.put("brokerIP1", "127.0.0.1");
    c.put("storePathRootDir", dir.resolve(name).toString());
    c.put("mappedFileSizeCommitLog", Integer.toString(8 * 1024 * 1024));
    c.put("mappedFileSizeConsumeQueue", Integer.toString(20 * 10_000));
    c.put("maxHashSlotNum", "10000");
    c.put("maxIndexNum", "40000");
    c.put("registerNameServerPeriod", "1000");
    keepSegmentsOnABusyDisk(c);
    c.putAll(extra);
    return c;
  }

  @Override
  public void close() throws InterruptedException {
    try {
      for (ChildBroker c : new ChildBroker[] {a, b}) {
        if (c != null) {
          c.close();
        }
      }
    } finally {
      nameServer.close();
    }
  }
}
