package io.kitemq.server;

import io.kitemq.broker.BrokerController;
import io.kitemq.console.ConsoleConfig;
import io.kitemq.console.ConsoleServer;
import io.kitemq.console.metrics.BrokerMetrics;
import io.kitemq.console.metrics.JvmMetricsInstaller;
import io.kitemq.console.metrics.NameServerMetrics;
import io.kitemq.console.web.WebConsole;
import io.kitemq.nameserver.NameServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The node's HTTP port ({@code /metrics}, the web console at {@code /} and its API at {@code
 * /api/}), started after the nodes it reports on. The broker's metrics are installed through {@link
 * #watch(BrokerController)} before the broker starts and the name server's through {@link
 * #watch(NameServerNode, String)} before it starts (their request processors are timed from the
 * first request); the name server's gauges are added once it has started. Not thread-safe; driven
 * by {@link Launcher}.
 */
final class HttpNode implements Node {

  private final ConsoleConfig config;
  private final String portHint;
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final CompletableFuture<Void> jvmMetrics;
  private Supplier<NameServer> nameServer;
  private String nameServerId;
  private BrokerMetrics brokerMetrics;
  private String cluster = "DefaultCluster";
  private Supplier<String> namesrvAddr;
  private ConsoleServer server;
  private WebConsole web;

  HttpNode(ConsoleConfig config, String portHint) {
    this.config = config;
    this.portHint = portHint;
    // The JVM metrics read a dozen platform MXBeans, whose first use loads a few hundred classes:
    // registered on a thread of their own while the nodes before this one start.
    this.jvmMetrics = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                JvmMetricsInstaller.install(registry);
                jvmMetrics.complete(null);
              } catch (RuntimeException | Error e) {
                jvmMetrics.completeExceptionally(e);
              }
            },
            "kite-jvm-metrics");
    t.setDaemon(true);
    t.start();
  }

  /** Counts what {@code broker} does; call before it starts. */
  void watch(BrokerController broker) {
    brokerMetrics = BrokerMetrics.install(broker, registry);
    cluster = broker.config().brokerClusterName();
    if (namesrvAddr == null) {
      String addr = String.join(";", broker.config().namesrvAddrs());
      namesrvAddr = () -> addr;
    }
  }

  /**
   * Reports on the name server {@code node} runs; call before it starts (its requests are timed).
   */
  void watch(NameServerNode node, String nodeId) {
    this.nameServer = node::server;
    this.nameServerId = nodeId;
    node.beforeStart(server -> NameServerMetrics.timeRequests(server, nodeId, registry));
    // The console asks this node's own name server.
    this.namesrvAddr = () -> "127.0.0.1:" + node.port();
  }

  @Override
  public String name() {
    return "http";
  }

  @Override
  public String start() {
    try {
      jvmMetrics.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    if (nameServer != null) {
      NameServerMetrics.install(nameServer.get(), nameServerId, registry);
    }
    server = new ConsoleServer(config, registry);
    web =
        new WebConsole(
            server,
            config.readOnly(),
            namesrvAddr,
            cluster,
            brokerMetrics == null ? null : brokerMetrics::totalMessagesIn,
            brokerMetrics == null ? null : brokerMetrics::totalMessagesOut);
    int port;
    try {
      port = server.start();
    } catch (UncheckedIOException e) {
      if (Preflight.isBindFailure(e)) {
        throw Preflight.bindFailure(config.bindAddress(), config.port(), "httpPort", portHint, e);
      }
      throw e;
    }
    web.start();
    String host = "0.0.0.0".equals(config.bindAddress()) ? "127.0.0.1" : config.bindAddress();
    return "http://" + host + ":" + port + "/";
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
    if (web != null) {
      web.close();
    }
  }
}
