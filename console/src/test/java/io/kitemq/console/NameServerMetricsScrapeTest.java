package io.kitemq.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitemq.broker.BrokerConfig;
import io.kitemq.broker.BrokerController;
import io.kitemq.console.metrics.BrokerMetrics;
import io.kitemq.console.metrics.NameServerMetrics;
import io.kitemq.nameserver.NameServer;
import io.kitemq.nameserver.NameServerConfig;
import io.kitemq.remoting.netty.RemotingClient;
import io.kitemq.remoting.netty.RemotingClientConfig;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.header.GetRouteInfoRequestHeader;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A name server's request latency in {@code rocketmq_rpc_latency}, scraped over HTTP, alone and
 * beside a broker's in one registry as a standalone node serves them.
 */
@Timeout(60)
class NameServerMetricsScrapeTest {

  @TempDir Path dir;
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private NameServer nameServer;
  private BrokerController broker;
  private ConsoleServer http;
  private RemotingClient client;

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (http != null) {
      http.close();
    }
    if (broker != null) {
      broker.shutdown();
    }
    if (nameServer != null) {
      nameServer.close();
    }
  }

  private String startNameServer() {
    nameServer =
        new NameServer(
            NameServerConfig.builder()
                .bindAddress("127.0.0.1")
                .listenPort(0)
                .kvConfigPath(dir.resolve("kvConfig.json"))
                .build());
    NameServerMetrics.timeRequests(nameServer, "127.0.0.1:0", registry);
    String addr = "127.0.0.1:" + nameServer.start();
    NameServerMetrics.install(nameServer, "127.0.0.1:0", registry);
    return addr;
  }

  private String startHttp() {
    http = new ConsoleServer(new ConsoleConfig(0, "127.0.0.1", true), registry);
    return "http://127.0.0.1:" + http.start();
  }

  private void askRoutes(String namesrv, String topic, int times) throws Exception {
    client = new RemotingClient(RemotingClientConfig.defaults());
    for (int i = 0; i < times; i++) {
      RemotingCommand r =
          client.invokeSync(
              namesrv,
              RemotingCommand.createRequest(
                  RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader(topic, null)),
              5000);
      assertThat(r.code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST.code());
    }
  }

  @Test
  void everyRouteLookupIsOneObservationOfCode105() throws Exception {
    String namesrv = startNameServer();
    String base = startHttp();
    int lookups = 9;
    askRoutes(namesrv, "NoSuchTopic", lookups);
    Scrape s = Scrape.of(base);
    assertThat(
            s.histogramCount(
                "rocketmq_rpc_latency",
                "request_code",
                Integer.toString(RequestCode.GET_ROUTEINFO_BY_TOPIC),
                "response_code",
                Integer.toString(ResponseCode.TOPIC_NOT_EXIST.code()),
                "node_type",
                "namesrv"))
        .isEqualTo(lookups);
    assertThat(s.gauge("kitemq_namesrv_topics")).isZero();
  }

  @Test
  void aStandaloneNodeServesTheNameServersAndTheBrokersLatencyTogether() throws Exception {
    String namesrv = startNameServer();
    Properties p = new Properties();
    p.setProperty("brokerClusterName", "MetricsCluster");
    p.setProperty("brokerName", "metrics-broker");
    p.setProperty("namesrvAddr", namesrv);
    p.setProperty("listenPort", "0");
    p.setProperty("brokerIP1", "127.0.0.1");
    p.setProperty("storePathRootDir", dir.resolve("store").toString());
    p.setProperty("mappedFileSizeCommitLog", Integer.toString(16 * 1024 * 1024));
    p.setProperty("maxHashSlotNum", "1000");
    p.setProperty("maxIndexNum", "4000");
    broker = new BrokerController(BrokerConfig.fromProperties(p));
    BrokerMetrics.install(broker, registry);
    broker.start();
    String base = startHttp();
    askRoutes(namesrv, "StillNoSuchTopic", 4);
    RemotingCommand info =
        client.invokeSync(
            "127.0.0.1:" + broker.port(),
            RemotingCommand.createRequest(RequestCode.GET_BROKER_RUNTIME_INFO),
            5000);
    assertThat(info.code()).isZero();
    Scrape s = Scrape.of(base);
    assertThat(
            s.histogramCount("rocketmq_rpc_latency", "request_code", "28", "node_type", "broker"))
        .isEqualTo(1);
    // The broker registered itself (REGISTER_BROKER, 103) with the name server at start.
    assertThat(
            s.histogramCount("rocketmq_rpc_latency", "request_code", "103", "node_type", "namesrv"))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            s.histogramCount(
                "rocketmq_rpc_latency",
                "request_code",
                "105",
                "response_code",
                Integer.toString(ResponseCode.TOPIC_NOT_EXIST.code()),
                "node_type",
                "namesrv"))
        .isEqualTo(4);
    assertThat(s.gauge("kitemq_namesrv_brokers", "cluster", "MetricsCluster")).isEqualTo(1);
    // One family in the text format too: a second TYPE line would make Prometheus reject it.
    String text =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/metrics"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(text.lines().filter(l -> l.equals("# TYPE rocketmq_rpc_latency histogram")))
        .hasSize(1);
  }
}
