package io.kitemq.it.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kitemq.client.ClientOptions;
import io.kitemq.client.consumer.ConsumeFromWhere;
import io.kitemq.client.consumer.ConsumeStatus;
import io.kitemq.client.consumer.PushConsumer;
import io.kitemq.client.producer.Producer;
import io.kitemq.common.message.Message;
import io.kitemq.it.client.SharedClusters;
import io.kitemq.it.client.TestCluster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code kite admin monitor} against our node and the Apache RocketMQ 5.5.0 one: the broker, a
 * topic's send rate while a producer sends, a group's lag; and the live view ending on SIGINT.
 */
@ExtendWith(SharedClusters.class)
@Timeout(240)
class MonitorCommandTest {

  private static final AtomicInteger IDS = new AtomicInteger();
  private static final long RUN = System.nanoTime();

  static Stream<TestCluster> clusters() {
    return SharedClusters.all().stream();
  }

  private static String unique(String prefix) {
    return prefix + "_" + Long.toHexString(RUN & 0xFFFFFF) + "_" + IDS.incrementAndGet();
  }

  private static ClientOptions options(TestCluster cluster) {
    return ClientOptions.builder()
        .namesrvAddr(cluster.namesrvAddr())
        .clientIp("127.0.0.1")
        .instanceName(unique("monitor-it"))
        .pollNameServerInterval(Duration.ofSeconds(1))
        .heartbeatInterval(Duration.ofSeconds(1))
        .rebalanceInterval(Duration.ofSeconds(1))
        .persistOffsetInterval(Duration.ofMillis(200))
        .build();
  }

  private static JsonNode broker(TestCluster cluster) {
    Admin.Run r = Admin.run(cluster.namesrvAddr(), "clusterList", "--json");
    assertThat(r.exit()).as(r.toString()).isZero();
    return r.json().get(0);
  }

  private static void createTopic(TestCluster cluster, String topic) {
    String n = cluster.namesrvAddr();
    String clusterName = broker(cluster).get("cluster").asText();
    Admin.Run r = Admin.run(n, "updateTopic", "-t", topic, "-c", clusterName, "-r", "2", "-w", "2");
    assertThat(r.exit()).as(r.toString()).isZero();
    await()
        .atMost(Duration.ofSeconds(40))
        .until(() -> Admin.run(n, "topicRoute", "-t", topic).exit() == 0);
  }

  private static Map<String, JsonNode> byKey(JsonNode rows, String key) {
    Map<String, JsonNode> out = new HashMap<>();
    rows.forEach(r -> out.put(r.get(key).asText(), r));
    return out;
  }

  private static void send(Producer producer, String topic, int count) throws Exception {
    for (int i = 0; i < count; i++) {
      producer.send(new Message(topic, ("m" + i).getBytes(StandardCharsets.UTF_8)));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void showsTheBrokerTheTopicsRateAndTheGroupsLag(TestCluster cluster) throws Exception {
    String n = cluster.namesrvAddr();
    String addr = broker(cluster).get("addr").asText();
    String topic = unique("MonitorTopic");
    String group = unique("monitor_group");
    createTopic(cluster, topic);
    int consumed = 8;
    int lag = 5;
    try (Producer producer =
        Producer.builder().clientOptions(options(cluster)).group(unique("monitor_pg")).build()) {
      send(producer, topic, consumed);
      Set<String> seen = ConcurrentHashMap.newKeySet();
      try (PushConsumer consumer =
          PushConsumer.builder()
              .clientOptions(options(cluster))
              .group(group)
              .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
              .subscribe(topic, "*")
              .listener(
                  (msgs, q) -> {
                    msgs.forEach(m -> seen.add(m.getMsgId()));
                    return ConsumeStatus.CONSUME_SUCCESS;
                  })
              .build()) {
        await().atMost(Duration.ofSeconds(60)).until(() -> seen.size() == consumed);
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () -> {
                  Admin.Run p = Admin.run(n, "consumerProgress", "-g", group, "--json");
                  assertThat(p.exit()).as(p.toString()).isZero();
                  assertThat(p.json().get("totalLag").asLong()).isZero();
                });
      }
      send(producer, topic, lag);

      // No producer running: the group's lag is what was sent after it stopped.
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                Admin.Run r =
                    Admin.run(
                        n, "monitor", "--once", "--json", "--interval", "0.5", "--top", "1000");
                assertThat(r.exit()).as(r.toString()).isZero();
                JsonNode report = r.json();
                assertThat(report.get("intervalSeconds").asDouble()).isGreaterThanOrEqualTo(0.5);
                JsonNode b = byKey(report.get("brokers"), "addr").get(addr);
                assertThat(b).as(r.out()).isNotNull();
                assertThat(b.get("role").asText()).isEqualTo("MASTER");
                assertThat(b.get("uptimeMillis").asLong()).isPositive();
                assertThat(b.get("diskUsedPercent").asDouble()).isBetween(0.0, 100.0);
                JsonNode t = byKey(report.get("topics"), "topic").get(topic);
                assertThat(t).as(r.out()).isNotNull();
                assertThat(t.get("messages").asLong()).isEqualTo(consumed + lag);
                assertThat(t.get("inPerSecond").asDouble()).isZero();
                JsonNode g = byKey(report.get("groups"), "group").get(group);
                assertThat(g).as(r.out()).isNotNull();
                assertThat(g.get("lag").asLong()).isEqualTo(lag);
              });
      Admin.Run top1 =
          Admin.run(n, "monitor", "--once", "--json", "--interval", "0.2", "--top", "1");
      assertThat(top1.exit()).as(top1.toString()).isZero();
      assertThat(top1.json().get("topics").size()).isLessThanOrEqualTo(1);
      assertThat(top1.json().get("groups").size()).isLessThanOrEqualTo(1);

      // A producer sending: the topic's rate, the broker's send TPS and bytes in are above 0.
      AtomicBoolean sending = new AtomicBoolean(true);
      Thread sender =
          new Thread(
              () -> {
                try {
                  while (sending.get()) {
                    send(producer, topic, 1);
                    TimeUnit.MILLISECONDS.sleep(10);
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              },
              "monitor-it-sender");
      sender.start();
      try {
        await()
            .atMost(Duration.ofSeconds(60))
            .untilAsserted(
                () -> {
                  Admin.Run r = Admin.run(n, "monitor", "--once", "--json", "--top", "1000");
                  assertThat(r.exit()).as(r.toString()).isZero();
                  JsonNode t = byKey(r.json().get("topics"), "topic").get(topic);
                  assertThat(t.get("inPerSecond").asDouble()).as(r.out()).isPositive();
                  JsonNode b = byKey(r.json().get("brokers"), "addr").get(addr);
                  assertThat(b.get("sendTps").asDouble()).as(r.out()).isPositive();
                  assertThat(b.get("bytesInPerSecond").asDouble()).as(r.out()).isPositive();
                });
        Admin.Run text = Admin.run(n, "monitor", "--once", "--top", "1000");
        assertThat(text.exit()).as(text.toString()).isZero();
        assertThat(text.out())
            .startsWith("kite admin monitor  " + n)
            .contains("#Send TPS")
            .contains(addr)
            .contains(topic)
            .contains("Largest lag")
            .contains(group);
        assertThat(text.out()).doesNotContain("\u001b[");
      } finally {
        sending.set(false);
        sender.join(10_000);
      }
    }
  }

  @Test
  void liveViewRedrawsUntilSigintAndExitsWithZero() throws Exception {
    TestCluster kite = SharedClusters.all().get(0);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "io.kitemq.tools.admin.AdminCommand",
                "monitor",
                "-n",
                kite.namesrvAddr(),
                "--interval",
                "0.3")
            .redirectErrorStream(true)
            .start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Thread reader = new Thread(() -> copy(p.getInputStream(), out), "monitor-it-reader");
    reader.start();
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> frames(out) >= 3);
      new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
      assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(text(out)).isZero();
      reader.join(5_000);
      assertThat(text(out))
          .contains("Ctrl-C quits")
          .contains("#Uptime")
          .doesNotContain("Exception");
    } finally {
      p.destroyForcibly();
    }
  }

  private static int frames(ByteArrayOutputStream out) {
    return text(out).split("Busiest topics", -1).length - 1;
  }

  private static String text(ByteArrayOutputStream out) {
    synchronized (out) {
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  private static void copy(InputStream in, ByteArrayOutputStream out) {
    byte[] buf = new byte[8192];
    try {
      int n;
      while ((n = in.read(buf)) > 0) {
        synchronized (out) {
          out.write(buf, 0, n);
        }
      }
    } catch (IOException e) {
      // The process ended and closed its stdout.
    }
  }
}
