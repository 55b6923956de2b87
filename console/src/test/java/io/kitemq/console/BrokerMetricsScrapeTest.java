package io.kitemq.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kitemq.client.ClientOptions;
import io.kitemq.client.consumer.PullConsumer;
import io.kitemq.client.consumer.PullResult;
import io.kitemq.client.consumer.PullStatus;
import io.kitemq.client.producer.Producer;
import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageQueue;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics.MetricType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Sends and pulls through the real client, then reads the broker's counters over HTTP. */
@Timeout(90)
class BrokerMetricsScrapeTest {

  @TempDir Path dir;
  private TestNode node;

  @BeforeEach
  void start() {
    node = new TestNode(dir, false);
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private ClientOptions options(String instance) {
    return ClientOptions.builder()
        .namesrvAddr(node.namesrvAddr)
        .clientIp("127.0.0.1")
        .instanceName(instance)
        .pollNameServerInterval(Duration.ofSeconds(1))
        .heartbeatInterval(Duration.ofSeconds(1))
        .build();
  }

  @Test
  void countersSayWhatWasSentAndPulledAndLagIsProducedMinusCommitted() throws Exception {
    String topic = "MetricsTopic";
    String group = "metrics-group";
    int sent = 7;
    int pulled = 4;
    MessageQueue queue;
    long bodyBytes = 0;
    try (Producer producer =
        Producer.builder().clientOptions(options("p")).group("metrics-producer").build()) {
      byte[] first = "m0".getBytes(StandardCharsets.UTF_8);
      queue = producer.send(new Message(topic, "t", "k0", first)).queue();
      bodyBytes += first.length;
      for (int i = 1; i < sent; i++) {
        byte[] body = ("message-" + i).getBytes(StandardCharsets.UTF_8);
        bodyBytes += body.length;
        producer.send(new Message(topic, "t", "k" + i, body), (qs, m, a) -> queue, null);
      }
    }
    try (PullConsumer consumer =
        PullConsumer.builder().clientOptions(options("c")).group(group).build()) {
      long offset = 0;
      for (int i = 0; i < pulled; i++) {
        PullResult r = consumer.pull(queue, "*", offset, 1);
        assertThat(r.status()).isEqualTo(PullStatus.FOUND);
        offset = r.nextBeginOffset();
      }
      consumer.updateConsumeOffset(queue, offset);
      long committed = offset;
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> consumer.fetchConsumeOffset(queue) == committed);
    }

    Scrape s = Scrape.of(node.baseUrl());
    assertThat(s.counter("rocketmq_messages_in_total", "topic", topic, "cluster", "ConsoleCluster"))
        .isEqualTo(sent);
    assertThat(s.counter("rocketmq_throughput_in_total", "topic", topic)).isEqualTo(bodyBytes);
    assertThat(s.histogramCount("rocketmq_message_size", "topic", topic)).isEqualTo(sent);
    assertThat(s.counter("rocketmq_messages_out_total", "topic", topic, "consumer_group", group))
        .isEqualTo(pulled);
    assertThat(s.counter("rocketmq_throughput_out_total", "topic", topic, "consumer_group", group))
        .isGreaterThan(0);
    assertThat(s.gauge("rocketmq_consumer_lag_messages", "topic", topic, "consumer_group", group))
        .isEqualTo(sent - pulled);
    assertThat(s.gauge("rocketmq_consumer_ready_messages", "topic", topic, "consumer_group", group))
        .isEqualTo(sent - pulled);
    assertThat(s.gauge("rocketmq_consumer_lag_latency", "topic", topic, "consumer_group", group))
        .isGreaterThanOrEqualTo(0);
    assertThat(Scrape.typeOf(s, "rocketmq_rpc_latency")).isEqualTo(MetricType.HISTOGRAM);
    // Every send answered SUCCESS (request code 310 = SEND_MESSAGE_V2, response code 0).
    assertThat(
            s.histogramCount("rocketmq_rpc_latency", "request_code", "310", "response_code", "0"))
        .isEqualTo(sent);
    assertThat(s.gauge("rocketmq_topic_number")).isGreaterThanOrEqualTo(1);
    assertThat(s.families).containsKeys("jvm_memory_used_bytes", "process_open_fds");
  }

  @Test
  void metricsAreAlsoServedInTheTextFormat() throws Exception {
    java.net.http.HttpResponse<String> r =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(node.baseUrl() + "/metrics"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    assertThat(r.body()).contains("# TYPE rocketmq_topic_number gauge");
  }
}
