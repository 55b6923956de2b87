package io.kitemq.it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kitemq.client.admin.AdminClient;
import io.kitemq.client.consumer.ConsumeStatus;
import io.kitemq.client.consumer.OrderlyStatus;
import io.kitemq.client.consumer.PushConsumer;
import io.kitemq.client.producer.Producer;
import io.kitemq.client.producer.SelectMessageQueueByHash;
import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.MessageQueue;
import io.kitemq.remoting.protocol.body.ConsumeStats;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Ordering, group membership changes, redelivery and offset resumption. */
@ExtendWith(SharedClusters.class)
@Timeout(120)
class ConsumerGroupTest {

  static Stream<TestCluster> clusters() {
    return SharedClusters.all().stream();
  }

  private static String id(MessageExt m) {
    return m.getProperty("UNIQ_KEY");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void orderlyListenerSeesEachKeysMessagesInSendOrder(TestCluster cluster) throws Exception {
    String topic = Clients.unique("Orderly");
    int keys = 6;
    int perKey = 15;
    try (Producer producer = Clients.producer(cluster, Clients.unique("pg"))) {
      producer.send(new Message(topic, "x".getBytes(StandardCharsets.UTF_8)));
      for (int i = 0; i < perKey; i++) {
        for (int k = 0; k < keys; k++) {
          Message m =
              new Message(
                  topic, "T", "k" + k, Integer.toString(i).getBytes(StandardCharsets.UTF_8));
          producer.send(m, new SelectMessageQueueByHash(), "k" + k);
        }
      }
    }
    Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
    AtomicInteger suspended = new AtomicInteger();
    try (PushConsumer consumer =
        Clients.consumer(cluster, Clients.unique("cg"))
            .subscribe(topic, "T")
            .suspendTime(Duration.ofMillis(100))
            .orderlyListener(
                (msgs, q) -> {
                  MessageExt m = msgs.get(0);
                  int seq = Integer.parseInt(new String(m.getBody(), StandardCharsets.UTF_8));
                  // Suspend once in the middle: the same message must come again before later ones.
                  if (seq == 7 && m.getKeys().equals("k1") && suspended.getAndIncrement() == 0) {
                    return OrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
                  }
                  seen.computeIfAbsent(m.getKeys(), k -> new CopyOnWriteArrayList<>()).add(seq);
                  return OrderlyStatus.SUCCESS;
                })
            .build()) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> seen.values().stream().mapToInt(List::size).sum() >= keys * perKey);
    }
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < perKey; i++) {
      expected.add(i);
    }
    assertThat(seen).hasSize(keys);
    seen.values().forEach(list -> assertThat(list).isEqualTo(expected));
    assertThat(suspended.get()).isGreaterThanOrEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void groupGrowingAndShrinkingLosesNothingAndSharesQueuesExclusively(TestCluster cluster)
      throws Exception {
    String topic = Clients.unique("Grow");
    String group = Clients.unique("cg");
    Set<String> sent = ConcurrentHashMap.newKeySet();
    Set<String> got = ConcurrentHashMap.newKeySet();
    try (Producer producer = Clients.producer(cluster, Clients.unique("pg"))) {
      send(producer, topic, 20, sent);
      List<PushConsumer> members = new ArrayList<>();
      try {
        members.add(member(cluster, group, topic, got));
        await().atMost(Duration.ofSeconds(30)).until(() -> got.containsAll(sent));
        members.add(member(cluster, group, topic, got));
        members.add(member(cluster, group, topic, got));
        awaitExclusiveCover(members, 3);
        send(producer, topic, 30, sent);
        await().atMost(Duration.ofSeconds(30)).until(() -> got.containsAll(sent));
        members.remove(2).close();
        members.remove(1).close();
        awaitExclusiveCover(members, 1);
        send(producer, topic, 20, sent);
        await().atMost(Duration.ofSeconds(30)).until(() -> got.containsAll(sent));
      } finally {
        members.forEach(PushConsumer::close);
      }
    }
    assertThat(got).containsAll(sent);
  }

  private static void send(Producer producer, String topic, int n, Set<String> sent)
      throws Exception {
    for (int i = 0; i < n; i++) {
      Message m = new Message(topic, ("m" + i).getBytes(StandardCharsets.UTF_8));
      producer.send(m);
      sent.add(m.getUniqueId());
    }
  }

  private static PushConsumer member(
      TestCluster cluster, String group, String topic, Set<String> got) throws Exception {
    return Clients.consumer(cluster, group)
        .subscribe(topic, "*")
        .listener(
            (msgs, q) -> {
              msgs.forEach(m -> got.add(id(m)));
              return ConsumeStatus.CONSUME_SUCCESS;
            })
        .build();
  }

  /** Waits until the members' queues of the topic are disjoint and together cover all of them. */
  private static void awaitExclusiveCover(List<PushConsumer> members, int expectedMembers) {
    assertThat(members).hasSize(expectedMembers);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
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
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void reconsumeLaterBringsTheMessageBackThroughTheRetryTopic(TestCluster cluster)
      throws Exception {
    String topic = Clients.unique("Retry");
    String group = Clients.unique("cg");
    Message sent =
        new Message(topic, "TagR", "retry-key", "payload".getBytes(StandardCharsets.UTF_8));
    try (Producer producer = Clients.producer(cluster, Clients.unique("pg"))) {
      producer.send(sent);
    }
    List<MessageExt> deliveries = new CopyOnWriteArrayList<>();
    try (PushConsumer consumer =
        Clients.consumer(cluster, group)
            .subscribe(topic, "*")
            .listener(
                (msgs, q) -> {
                  deliveries.addAll(msgs);
                  return deliveries.size() == 1
                      ? ConsumeStatus.RECONSUME_LATER
                      : ConsumeStatus.CONSUME_SUCCESS;
                })
            .build()) {
      await().atMost(Duration.ofSeconds(60)).until(() -> deliveries.size() >= 2);
    }
    MessageExt again = deliveries.get(1);
    assertThat(again.getTopic()).isEqualTo(topic);
    assertThat(again.getReconsumeTimes()).isEqualTo(1);
    assertThat(again.getBody()).isEqualTo(sent.getBody());
    assertThat(again.getKeys()).isEqualTo("retry-key");
    assertThat(again.getProperty("RETRY_TOPIC")).isEqualTo(topic);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void restartedConsumerResumesFromCommittedOffsets(TestCluster cluster) throws Exception {
    String topic = Clients.unique("Resume");
    String group = Clients.unique("cg");
    Set<String> first = ConcurrentHashMap.newKeySet();
    Set<String> second = ConcurrentHashMap.newKeySet();
    try (Producer producer = Clients.producer(cluster, Clients.unique("pg"))) {
      Set<String> batch1 = new HashSet<>();
      send(producer, topic, 20, batch1);
      try (PushConsumer c = member(cluster, group, topic, first)) {
        await().atMost(Duration.ofSeconds(30)).until(() -> first.containsAll(batch1));
      }
      Set<String> batch2 = new HashSet<>();
      send(producer, topic, 20, batch2);
      try (PushConsumer c = member(cluster, group, topic, second)) {
        await().atMost(Duration.ofSeconds(30)).until(() -> second.containsAll(batch2));
      }
      assertThat(second).doesNotContainAnyElementsOf(batch1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void closeReturnsOnceTheBrokerHoldsEveryConsumedOffset(TestCluster cluster) throws Exception {
    String topic = Clients.unique("CloseCommit");
    String group = Clients.unique("cg");
    Set<String> sent = new HashSet<>();
    Set<String> seen = ConcurrentHashMap.newKeySet();
    try (Producer producer = Clients.producer(cluster, Clients.unique("pg"))) {
      send(producer, topic, 40, sent);
    }
    try (PushConsumer c = member(cluster, group, topic, seen)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> seen.containsAll(sent));
    }
    // Read once, right after close returned: no polling, the commit must already be there.
    try (AdminClient admin =
        AdminClient.builder().clientOptions(Clients.options(cluster)).build()) {
      Map<MessageQueue, ConsumeStats.OffsetWrapper> stats = admin.consumeStats(group, topic);
      assertThat(stats).isNotEmpty();
      assertThat(stats.values().stream().mapToLong(ConsumeStats.OffsetWrapper::brokerOffset).sum())
          .isEqualTo(40);
      stats.forEach(
          (q, o) -> assertThat(o.consumerOffset()).as("%s", q).isEqualTo(o.brokerOffset()));
    }
  }
}
