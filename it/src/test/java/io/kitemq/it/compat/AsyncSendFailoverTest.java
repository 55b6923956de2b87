package io.kitemq.it.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kitemq.client.ClientException;
import io.kitemq.client.ClientOptions;
import io.kitemq.client.admin.AdminClient;
import io.kitemq.client.producer.Producer;
import io.kitemq.client.producer.SendResult;
import io.kitemq.common.message.Message;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Asynchronous sends retry on another broker: two KiteMQ brokers (child JVMs) serve a topic, one is
 * killed with SIGKILL, and a burst of asynchronous sends fired at once right after (while the
 * producers still route to both brokers) all succeed on the survivor. A producer with {@code
 * retries(0)} firing the same burst sees failures, which shows the burst did hit the dead broker.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AsyncSendFailoverTest {

  private static final String TOPIC = "AsyncFailoverTopic";
  private static final int BURST = 16;

  @TempDir Path dir;
  private TwoBrokerCluster brokers;

  @AfterEach
  void stop() throws InterruptedException {
    if (brokers != null) {
      brokers.close();
    }
  }

  @Test
  void asyncSendsRetryOnTheSurvivorWhenABrokerDies() throws Exception {
    brokers = TwoBrokerCluster.start(dir, "AsyncFailoverCluster", Map.of());
    String namesrv = brokers.namesrvAddr();
    try (AdminClient admin =
        AdminClient.builder().clientOptions(options(namesrv, "admin")).build()) {
      await()
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .until(
              () -> {
                admin.createTopic("AsyncFailoverCluster", TOPIC, 4);
                return admin.topicRoute(TOPIC).brokerDatas().size() == 2;
              });
    }
    // One client instance (one route cache, polled rarely so it keeps routing to the dead broker)
    // shared by both producers; each producer has its own fault table.
    ClientOptions options = options(namesrv, "producers");
    try (Producer retrying = producer(options, "async-retrying", 2);
        Producer once = producer(options, "async-once", 0)) {
      warmUp(retrying);
      warmUp(once);
      brokers.a().kill();

      List<CompletableFuture<SendResult>> retried = burst(retrying, "r");
      List<CompletableFuture<SendResult>> single = burst(once, "o");

      Set<String> brokers = new HashSet<>();
      for (CompletableFuture<SendResult> f : retried) {
        brokers.add(f.get(20, TimeUnit.SECONDS).queue().brokerName());
      }
      assertThat(brokers).containsOnly("broker-b");
      int failed = 0;
      for (CompletableFuture<SendResult> f : single) {
        try {
          assertThat(f.get(20, TimeUnit.SECONDS).queue().brokerName()).isEqualTo("broker-b");
        } catch (ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(ClientException.class);
          failed++;
        }
      }
      assertThat(failed).as("sends without retries that hit the dead broker").isPositive();
    }
  }

  private static ClientOptions options(String namesrv, String name) {
    return ClientOptions.builder()
        .namesrvAddr(namesrv)
        .clientIp("127.0.0.1")
        .instanceName("async-failover-" + name + "-" + System.nanoTime())
        .pollNameServerInterval(Duration.ofMinutes(5))
        .build();
  }

  private static Producer producer(ClientOptions options, String group, int retries) {
    return Producer.builder()
        .clientOptions(options)
        .group(group)
        .sendTimeout(Duration.ofSeconds(5))
        .retries(retries)
        .build();
  }

  /** Sends until both brokers took a message, so connections and routes to both are warm. */
  private static void warmUp(Producer producer) {
    Set<String> seen = new HashSet<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () -> {
              seen.add(producer.send(message("warm")).queue().brokerName());
              return seen.size() == 2;
            });
  }

  /** Fires every send before any answer, so the round robin reaches the dead broker's queues. */
  private static List<CompletableFuture<SendResult>> burst(Producer producer, String prefix) {
    List<CompletableFuture<SendResult>> futures = new ArrayList<>();
    for (int i = 0; i < BURST; i++) {
      futures.add(producer.sendAsync(message(prefix + i)));
    }
    return futures;
  }

  private static Message message(String body) {
    return new Message(TOPIC, body.getBytes(StandardCharsets.UTF_8));
  }
}
