package io.kitemq.it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kitemq.client.consumer.OrderlyStatus;
import io.kitemq.client.consumer.PushConsumer;
import io.kitemq.client.producer.Producer;
import io.kitemq.client.producer.SelectMessageQueueByHash;
import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.MessageQueue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An orderly group while it grows from one member to three and shrinks back, with keyed messages
 * (SelectMessageQueueByHash) still being sent: for every key the first deliveries come in send
 * order. A message already delivered may come again after its queue moved to another member (its
 * offset was not committed yet); a message delivered before an earlier one of its key, or never,
 * fails the test.
 */
@ExtendWith(SharedClusters.class)
@Timeout(300)
class OrderlyRebalanceTest {

  private static final int KEYS = 8;
  private static final int BURST = 400;

  /**
   * Well below the broker's 60 s lock lifetime, so a lock a leaving member failed to release fails
   * the test instead of merely slowing it.
   */
  private static final int COVER_SECONDS = 30;

  static Stream<TestCluster> clusters() {
    return SharedClusters.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void firstDeliveriesStayInKeyOrderWhileMembersJoinAndLeave(TestCluster cluster) throws Exception {
    String topic = Clients.unique("OrderlyRebalance");
    String group = Clients.unique("cg");
    Deliveries deliveries = new Deliveries();
    Semaphore permits = new Semaphore(0);
    AtomicInteger sent = new AtomicInteger();
    ExecutorService sender = Executors.newSingleThreadExecutor();
    List<PushConsumer> members = new ArrayList<>();
    try (Producer producer = Clients.producer(cluster, Clients.unique("pg"))) {
      // Create the topic before the first member subscribes.
      producer.send(new Message(topic, "x", "warmup", bytes("-1")));
      Future<?> sending = sender.submit(() -> sendKeyed(producer, topic, permits, sent));
      members.add(member(cluster, group, topic, deliveries));
      permits.release(BURST);
      await().atMost(Duration.ofSeconds(60)).until(() -> deliveries.firsts() >= BURST / 2);

      permits.release(BURST);
      members.add(member(cluster, group, topic, deliveries));
      members.add(member(cluster, group, topic, deliveries));
      awaitExclusiveCover(members);
      int before = deliveries.firsts();
      permits.release(BURST);
      await().atMost(Duration.ofSeconds(60)).until(() -> deliveries.firsts() > before + BURST / 2);

      permits.release(BURST);
      members.remove(2).close();
      members.remove(1).close();
      awaitExclusiveCover(members);
      permits.release(BURST);
      await().atMost(Duration.ofSeconds(30)).until(() -> sent.get() == 5 * BURST);
      sending.get(10, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(90)).until(() -> deliveries.firsts() == 5 * BURST);
    } finally {
      sender.shutdownNow();
      members.forEach(PushConsumer::close);
    }
    assertThat(deliveries.violations()).isEmpty();
    for (int k = 0; k < KEYS; k++) {
      assertThat(deliveries.highest("k" + k)).isEqualTo(5 * BURST / KEYS - 1);
    }
  }

  /** Sends message i with key k(i % KEYS) and body = its sequence within the key, per permit. */
  private static Void sendKeyed(
      Producer producer, String topic, Semaphore permits, AtomicInteger sent) throws Exception {
    int[] seq = new int[KEYS];
    for (int i = 0; i < 5 * BURST; i++) {
      permits.acquire();
      int k = i % KEYS;
      Message m = new Message(topic, "T", "k" + k, bytes(Integer.toString(seq[k]++)));
      producer.send(m, new SelectMessageQueueByHash(), "k" + k);
      sent.incrementAndGet();
    }
    return null;
  }

  private static PushConsumer member(
      TestCluster cluster, String group, String topic, Deliveries deliveries) throws Exception {
    return Clients.consumer(cluster, group)
        .subscribe(topic, "T")
        .orderlyListener(
            (msgs, q) -> {
              for (MessageExt m : msgs) {
                deliveries.record(
                    m.getKeys(), Integer.parseInt(new String(m.getBody(), StandardCharsets.UTF_8)));
              }
              return OrderlyStatus.SUCCESS;
            })
        .build();
  }

  /** Waits until the members' queues of the topic are disjoint and together cover all of them. */
  private static void awaitExclusiveCover(List<PushConsumer> members) {
    try {
      await().atMost(Duration.ofSeconds(COVER_SECONDS)).until(() -> exclusiveCover(members));
    } catch (ConditionTimeoutException e) {
      List<Set<MessageQueue>> owned = members.stream().map(PushConsumer::assignedQueues).toList();
      throw new AssertionError("members own " + owned, e);
    }
  }

  private static boolean exclusiveCover(List<PushConsumer> members) {
    Set<MessageQueue> union = new HashSet<>();
    int total = 0;
    for (PushConsumer c : members) {
      Set<MessageQueue> own = new HashSet<>(c.assignedQueues());
      own.removeIf(q -> q.topic().startsWith("%RETRY%"));
      if (own.isEmpty()) {
        return false;
      }
      total += own.size();
      union.addAll(own);
    }
    return total == union.size() && union.size() == 4;
  }

  /**
   * Per key, the highest sequence delivered so far; a delivery above it must be exactly the next
   * one (a first delivery in order), one at or below it is a re-delivery. Thread-safe.
   */
  private static final class Deliveries {
    private final Map<String, Integer> highest = new ConcurrentHashMap<>();
    private final List<String> violations = new ArrayList<>();
    private final AtomicInteger firsts = new AtomicInteger();

    synchronized void record(String key, int seq) {
      int top = highest.getOrDefault(key, -1);
      if (seq == top + 1) {
        highest.put(key, seq);
        firsts.incrementAndGet();
      } else if (seq > top + 1) {
        violations.add(key + ": " + seq + " delivered before " + (top + 1));
        highest.put(key, seq);
      }
    }

    int firsts() {
      return firsts.get();
    }

    int highest(String key) {
      return highest.getOrDefault(key, -1);
    }

    synchronized List<String> violations() {
      return List.copyOf(violations);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
