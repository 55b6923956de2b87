package io.kitemq.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's HTTP port: its URL in the ready line, /metrics served, and turned off. */
@Timeout(180)
class HttpPortProcessTest {

  private static final Duration START = Duration.ofSeconds(60);
  private static final Pattern URL = Pattern.compile("http (http://[^ ,]+/)");

  @TempDir Path work;

  private static String get(String url) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  private static String url(String ready) {
    Matcher m = URL.matcher(ready);
    assertThat(m.find()).as("http URL in: %s", ready).isTrue();
    return m.group(1);
  }

  @Test
  void standalonePrintsItsHttpUrlAndServesBrokerNameServerAndJvmMetrics() throws Exception {
    try (KiteProcess kite =
        KiteProcess.start(
            work,
            Map.of(),
            "standalone",
            "--nameserver-port",
            "0",
            "--broker-port",
            "0",
            "--http-port",
            "0")) {
      String metrics = get(url(kite.awaitReady(START)) + "metrics");
      assertThat(metrics)
          .contains("# TYPE rocketmq_topic_number gauge")
          .contains("# TYPE kitemq_namesrv_brokers gauge")
          .contains("# TYPE jvm_memory_used_bytes gauge");
      // The broker registered with the name server (REGISTER_BROKER, 103) before the ready line.
      assertThat(metrics.lines())
          .anyMatch(
              l ->
                  l.startsWith("rocketmq_rpc_latency_count{")
                      && l.contains("node_type=\"namesrv\"")
                      && l.contains("request_code=\"103\""));
      kite.terminate();
      assertThat(kite.awaitExit(Duration.ofSeconds(60))).isZero();
    }
  }

  @Test
  void nameServerTakesItsHttpPortFromTheEnvironmentAndMinusOneTurnsItOff() throws Exception {
    try (KiteProcess kite =
        KiteProcess.start(
            work, Map.of("KITE_NAMESRV_HTTP_PORT", "0"), "nameserver", "-port", "0")) {
      assertThat(get(url(kite.awaitReady(START)) + "metrics"))
          .contains("# TYPE kitemq_namesrv_topics gauge");
      kite.terminate();
      assertThat(kite.awaitExit(Duration.ofSeconds(60))).isZero();
    }
    try (KiteProcess kite =
        KiteProcess.start(work, Map.of(), "nameserver", "-port", "0", "--http-port", "-1")) {
      assertThat(kite.awaitReady(START)).doesNotContain("http");
      kite.terminate();
      assertThat(kite.awaitExit(Duration.ofSeconds(60))).isZero();
    }
  }
}
