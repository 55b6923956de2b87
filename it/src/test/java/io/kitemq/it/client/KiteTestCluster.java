package io.kitemq.it.client;

import io.kitemq.broker.BrokerConfig;
import io.kitemq.broker.BrokerController;
import io.kitemq.nameserver.NameServer;
import io.kitemq.nameserver.NameServerConfig;
import java.nio.file.Path;
import java.util.Properties;

/** Our name server and broker in this JVM on 127.0.0.1, ports picked by the OS. */
public final class KiteTestCluster implements TestCluster {

  private final NameServer nameServer;
  private final String namesrvAddr;
  private final BrokerController broker;

  public KiteTestCluster(Path dir) {
    this(dir, new Properties());
  }

  /** A cluster whose broker.conf is the shared one with {@code overrides} applied last. */
  public KiteTestCluster(Path dir, Properties overrides) {
    nameServer =
        new NameServer(
            NameServerConfig.builder()
                .bindAddress("127.0.0.1")
                .listenPort(0)
                .kvConfigPath(dir.resolve("kvConfig.json"))
                .build());
    namesrvAddr = "127.0.0.1:" + nameServer.start();
    Properties p = new Properties();
    p.setProperty("brokerClusterName", "KiteClientCluster");
    p.setProperty("brokerName", "kite-broker-a");
    p.setProperty("namesrvAddr", namesrvAddr);
    p.setProperty("listenPort", "0");
    p.setProperty("brokerIP1", "127.0.0.1");
    p.setProperty("storePathRootDir", dir.resolve("store").toString());
    p.setProperty("mappedFileSizeCommitLog", Integer.toString(64 * 1024 * 1024));
    p.setProperty("mappedFileSizeConsumeQueue", Integer.toString(20 * 10_000));
    p.setProperty("maxHashSlotNum", "10000");
    p.setProperty("maxIndexNum", "40000");
    p.setProperty("flushConsumerOffsetInterval", "200");
    p.setProperty("maxMessageSize", Integer.toString(8 * 1024 * 1024));
    p.setProperty("messageDelayLevel", OfficialTestCluster.FAST_DELAY_LEVELS);
    p.setProperty(
        "transactionCheckInterval",
        Long.toString(OfficialTestCluster.TRANSACTION_CHECK_INTERVAL_MILLIS));
    p.setProperty("traceTopicEnable", "true");
    p.setProperty("enablePropertyFilter", "true");
    p.setProperty(
        "transactionTimeOut", Long.toString(OfficialTestCluster.TRANSACTION_TIMEOUT_MILLIS));
    p.putAll(overrides);
    broker = new BrokerController(BrokerConfig.fromProperties(p));
    try {
      broker.start();
    } catch (RuntimeException e) {
      nameServer.close();
      throw e;
    }
  }

  @Override
  public String name() {
    return "kitemq";
  }

  @Override
  public String namesrvAddr() {
    return namesrvAddr;
  }

  @Override
  public boolean isKite() {
    return true;
  }

  @Override
  public void stop() {
    try {
      broker.shutdown();
    } finally {
      nameServer.close();
    }
  }

  /** The broker, for reading its counters. */
  public BrokerController broker() {
    return broker;
  }

  @Override
  public String toString() {
    return name();
  }
}
