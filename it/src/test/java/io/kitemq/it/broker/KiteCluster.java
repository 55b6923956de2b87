package io.kitemq.it.broker;

import io.kitemq.broker.BrokerConfig;
import io.kitemq.broker.BrokerController;
import io.kitemq.nameserver.NameServer;
import io.kitemq.nameserver.NameServerConfig;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.ClientConfig;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;

/**
 * Our name server and one broker in this JVM on 127.0.0.1 (ports picked by the OS), the broker's
 * store in a caller-owned directory with small files, plus factories of official clients tuned for
 * fast tests. {@link #restartBroker()} stops the broker cleanly and starts it again on the same
 * port and store.
 */
final class KiteCluster implements AutoCloseable {

  static final String CLUSTER = "KiteCluster";
  static final String BROKER = "broker-a";
  private static final AtomicInteger INSTANCES = new AtomicInteger();
  private static final long RUN = System.nanoTime();

  private final Path storeDir;
  private final NameServer nameServer;
  private final String nameServerAddr;
  private BrokerController broker;

  KiteCluster(Path storeDir) {
    this.storeDir = storeDir;
    this.nameServer =
        new NameServer(
            NameServerConfig.builder()
                .bindAddress("127.0.0.1")
                .listenPort(0)
                .kvConfigPath(storeDir.resolve("kvConfig.json"))
                .build());
    this.nameServerAddr = "127.0.0.1:" + nameServer.start();
    this.broker = startBroker(0);
  }

  private BrokerController startBroker(int port) {
    Properties p = new Properties();
    p.setProperty("brokerClusterName", CLUSTER);
    p.setProperty("brokerName", BROKER);
    p.setProperty("namesrvAddr", nameServerAddr);
    p.setProperty("listenPort", Integer.toString(port));
    p.setProperty("brokerIP1", "127.0.0.1");
    p.setProperty("storePathRootDir", storeDir.resolve("store").toString());
    p.setProperty("mappedFileSizeCommitLog", Integer.toString(64 * 1024 * 1024));
    p.setProperty("mappedFileSizeConsumeQueue", Integer.toString(20 * 10_000));
    p.setProperty("maxHashSlotNum", "10000");
    p.setProperty("maxIndexNum", "40000");
    p.setProperty("flushConsumerOffsetInterval", "200");
    // Room for a 4 MiB body plus its record header (the client's own limit is 4 MiB of body).
    p.setProperty("maxMessageSize", Integer.toString(8 * 1024 * 1024));
    // Transaction check-backs within seconds.
    p.setProperty("transactionCheckInterval", "500");
    p.setProperty("transactionTimeOut", "1500");
    BrokerController b = new BrokerController(BrokerConfig.fromProperties(p));
    b.start();
    return b;
  }

  String nameServerAddr() {
    return nameServerAddr;
  }

  BrokerController broker() {
    return broker;
  }

  /** Clean stop, then a start on the same port and store. */
  void restartBroker() {
    int port = broker.port();
    broker.shutdown();
    broker = startBroker(port);
  }

  private static <T extends ClientConfig> T tune(T c, String nameServerAddr) {
    c.setNamesrvAddr(nameServerAddr);
    // Unique per JVM run: broadcasting consumers keep offsets in local files named by client id.
    c.setInstanceName("kite-it-" + RUN + "-" + INSTANCES.incrementAndGet());
    c.setPollNameServerInterval(500);
    c.setHeartbeatBrokerInterval(1000);
    c.setPersistConsumerOffsetInterval(200);
    return c;
  }

  DefaultMQProducer producer(String group) {
    DefaultMQProducer p = tune(new DefaultMQProducer(group), nameServerAddr);
    p.setSendMsgTimeout(10_000);
    return p;
  }

  DefaultMQPushConsumer pushConsumer(String group) {
    DefaultMQPushConsumer c = tune(new DefaultMQPushConsumer(group), nameServerAddr);
    c.setPullInterval(0);
    return c;
  }

  <T extends ClientConfig> T tuneClient(T c) {
    return tune(c, nameServerAddr);
  }

  @Override
  public void close() {
    try {
      if (broker != null) {
        broker.shutdown();
      }
    } finally {
      nameServer.close();
    }
  }
}
