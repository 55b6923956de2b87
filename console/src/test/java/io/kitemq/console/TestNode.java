package io.kitemq.console;

import io.kitemq.broker.BrokerConfig;
import io.kitemq.broker.BrokerController;
import io.kitemq.console.metrics.BrokerMetrics;
import io.kitemq.console.metrics.JvmMetricsInstaller;
import io.kitemq.console.web.WebConsole;
import io.kitemq.nameserver.NameServer;
import io.kitemq.nameserver.NameServerConfig;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A name server and a broker in this JVM on 127.0.0.1 (ports picked by the OS) with the broker's
 * metrics and an HTTP port, as the launcher wires them for a standalone node.
 */
final class TestNode implements AutoCloseable {

  final NameServer nameServer;
  final BrokerController broker;
  final ConsoleServer http;
  final WebConsole web;
  final String namesrvAddr;
  final PrometheusRegistry registry = new PrometheusRegistry();

  TestNode(Path dir, boolean readOnly) {
    nameServer =
        new NameServer(
            NameServerConfig.builder()
                .bindAddress("127.0.0.1")
                .listenPort(0)
                .kvConfigPath(dir.resolve("kvConfig.json"))
                .build());
    namesrvAddr = "127.0.0.1:" + nameServer.start();
    Properties p = new Properties();
    p.setProperty("brokerClusterName", "ConsoleCluster");
    p.setProperty("brokerName", "console-broker");
    p.setProperty("namesrvAddr", namesrvAddr);
    p.setProperty("listenPort", "0");
    p.setProperty("brokerIP1", "127.0.0.1");
    p.setProperty("storePathRootDir", dir.resolve("store").toString());
    p.setProperty("mappedFileSizeCommitLog", Integer.toString(16 * 1024 * 1024));
    p.setProperty("mappedFileSizeConsumeQueue", Integer.toString(20 * 10_000));
    p.setProperty("maxHashSlotNum", "10000");
    p.setProperty("maxIndexNum", "40000");
    p.setProperty("flushConsumerOffsetInterval", "200");
    p.setProperty("traceTopicEnable", "true");
    // Retries come back within a second, so a dead letter takes moments, not minutes.
    p.setProperty("messageDelayLevel", "1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s");
    broker = new BrokerController(BrokerConfig.fromProperties(p));
    JvmMetricsInstaller.install(registry);
    BrokerMetrics metrics = BrokerMetrics.install(broker, registry);
    http = new ConsoleServer(new ConsoleConfig(0, "127.0.0.1", readOnly), registry);
    web =
        new WebConsole(
            http,
            readOnly,
            () -> namesrvAddr,
            "ConsoleCluster",
            metrics::totalMessagesIn,
            metrics::totalMessagesOut);
    try {
      broker.start();
      http.start();
      web.start();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + http.port();
  }

  @Override
  public void close() {
    try {
      http.close();
      web.close();
      broker.shutdown();
    } finally {
      nameServer.close();
    }
  }
}
