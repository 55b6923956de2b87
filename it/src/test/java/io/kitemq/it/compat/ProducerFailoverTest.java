package io.kitemq.it.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kitemq.client.ClientException;
import io.kitemq.client.ClientOptions;
import io.kitemq.client.admin.AdminClient;
import io.kitemq.client.consumer.PullConsumer;
import io.kitemq.client.consumer.PullResult;
import io.kitemq.client.consumer.PullStatus;
import io.kitemq.client.producer.Producer;
import io.kitemq.client.producer.SendResult;
import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.MessageQueue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * KiteMQ's producer with two KiteMQ brokers (child JVMs, SYNC_FLUSH) behind one name server: one
 * broker is killed with SIGKILL while the producer sends in a loop. Every send after the kill
 * either succeeds on the survivor or fails with a ClientException (the topic is created on both
 * brokers first, with four queues each); within {@link #RECOVERY} of the kill, sends only succeed,
 * on the survivor. Nothing acknowledged is lost: the killed broker is restarted on its store and
 * both brokers are read back to the end.
 *
 * <p>KiteMQ brokers only: two more Apache broker JVMs (about 15 s each to start on this two-core
 * machine, plus a restart) would take this test well past a minute.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class ProducerFailoverTest {

  private static final String TOPIC = "FailoverTopic";
  private static final Duration RECOVERY = Duration.ofSeconds(20);

  @TempDir Path dir;
  private TwoBrokerCluster brokers;

  @AfterEach
  void stop() throws InterruptedException {
    if (brokers != null) {
      brokers.close();
    }
  }

  private record Ack(String body, String broker, long atNanos) {}

  private record Failure(Exception error, long atNanos) {}

  @Test
  void sendsMoveToTheSurvivorAndNothingAcknowledgedIsLost() throws Exception {
    brokers = TwoBrokerCluster.start(dir, "FailoverCluster", Map.of("flushDiskType", "SYNC_FLUSH"));
    String namesrv = brokers.namesrvAddr();
    int portA = brokers.a().port();
    ClientOptions options =
        ClientOptions.builder()
            .namesrvAddr(namesrv)
            .clientIp("127.0.0.1")
            .instanceName("failover-" + System.nanoTime())
            .pollNameServerInterval(Duration.ofMillis(500))
            .build();
    List<Ack> acks = new CopyOnWriteArrayList<>();
    List<Failure> failures = new CopyOnWriteArrayList<>();
    AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);
    try (Producer producer =
        Producer.builder()
            .clientOptions(options)
            .group("failover-producer")
            .sendTimeout(Duration.ofSeconds(3))
            .build()) {
      try (AdminClient admin =
          AdminClient.builder()
              .clientOptions(
                  ClientOptions.builder()
                      .namesrvAddr(namesrv)
                      .clientIp("127.0.0.1")
                      .instanceName("failover-admin-" + System.nanoTime())
                      .build())
              .build()) {
        await()
            .atMost(Duration.ofSeconds(30))
            .ignoreExceptions()
            .until(
                () -> {
                  admin.createTopic("FailoverCluster", TOPIC, 4);
                  return admin.topicRoute(TOPIC).brokerDatas().size() == 2;
                });
      }
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                send(producer, "warm-" + System.nanoTime(), acks, failures);
                return acks.stream().map(Ack::broker).distinct().count() == 2;
              });
      AtomicBoolean sending = new AtomicBoolean(true);
      Thread sender =
          new Thread(
              () -> {
                for (int i = 0; sending.get(); i++) {
                  send(producer, "s-" + i, acks, failures);
                }
              },
              "failover-sender");
      sender.start();
      try {
        await().atMost(Duration.ofSeconds(30)).until(() -> acks.size() > 200);
        killedAt.set(System.nanoTime());
        brokers.a().kill();
        // Sends keep going until the survivor has taken a good run of them after the recovery
        // window.
        long recoveryEnd = killedAt.get() + RECOVERY.toNanos();
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> acks.stream().filter(k -> k.atNanos() > recoveryEnd).count() > 200);
      } finally {
        sending.set(false);
        sender.join(TimeUnit.SECONDS.toMillis(20));
      }
    }
    long recoveryEnd = killedAt.get() + RECOVERY.toNanos();
    long lastFailure = failures.stream().mapToLong(Failure::atNanos).max().orElse(killedAt.get());
    System.out.printf(
        "failover: %d acks (%d on broker-a before the kill), %d failed sends, last failure %d ms"
            + " after the kill%n",
        acks.size(),
        acks.stream().filter(k -> k.broker().equals("broker-a")).count(),
        failures.size(),
        TimeUnit.NANOSECONDS.toMillis(lastFailure - killedAt.get()));
    assertThat(acks.stream().filter(k -> k.atNanos() < killedAt.get()).map(Ack::broker))
        .contains("broker-a", "broker-b");
    assertThat(failures)
        .allSatisfy(
            f -> {
              assertThat(f.atNanos()).isGreaterThan(killedAt.get()).isLessThan(recoveryEnd);
              assertThat(f.error())
                  .isInstanceOf(ClientException.class)
                  .hasMessageNotContaining("null");
            });
    assertThat(acks.stream().filter(k -> k.atNanos() > recoveryEnd).map(Ack::broker))
        .containsOnly("broker-b");

    // Both stores read back: the killed broker on its old port and store.
    brokers.restartA(portA);
    Set<String> stored = readAll(options);
    Set<String> acknowledged = new HashSet<>();
    acks.forEach(k -> acknowledged.add(k.body()));
    assertThat(stored).containsAll(acknowledged);
  }

  private static void send(Producer producer, String body, List<Ack> acks, List<Failure> failures) {
    try {
      SendResult r = producer.send(new Message(TOPIC, body.getBytes(StandardCharsets.UTF_8)));
      acks.add(new Ack(body, r.queue().brokerName(), System.nanoTime()));
    } catch (ClientException e) {
      failures.add(new Failure(e, System.nanoTime()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Set<String> readAll(ClientOptions base) throws Exception {
    Set<String> bodies = ConcurrentHashMap.newKeySet();
    try (PullConsumer consumer =
        PullConsumer.builder()
            .clientOptions(
                ClientOptions.builder()
                    .namesrvAddr(base.namesrvAddr())
                    .clientIp("127.0.0.1")
                    .instanceName("failover-reader-" + System.nanoTime())
                    .pollNameServerInterval(Duration.ofMillis(500))
                    .build())
            .group("failover-reader")
            .build()) {
      await()
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .until(
              () ->
                  consumer.fetchSubscribeMessageQueues(TOPIC).stream()
                          .map(MessageQueue::brokerName)
                          .distinct()
                          .count()
                      == 2);
      for (MessageQueue q : consumer.fetchSubscribeMessageQueues(TOPIC)) {
        long offset = 0;
        PullResult r;
        do {
          r = consumer.pull(q, "*", offset, 32);
          for (MessageExt m : r.messages()) {
            bodies.add(new String(m.getBody(), StandardCharsets.UTF_8));
          }
          offset = r.nextBeginOffset();
        } while (r.status() == PullStatus.FOUND);
      }
    }
    return bodies;
  }
}
