package io.kitemq.it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kitemq.client.consumer.ConsumeFromWhere;
import io.kitemq.client.consumer.LitePullConsumer;
import io.kitemq.client.producer.Producer;
import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.MessageQueue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The lite pull consumer against both brokers. */
@ExtendWith(SharedClusters.class)
@Timeout(90)
class LitePullConsumerTest {

  static Stream<TestCluster> clusters() {
    return SharedClusters.all().stream();
  }

  private static LitePullConsumer consumer(TestCluster cluster, String group) {
    return LitePullConsumer.builder()
        .clientOptions(Clients.options(cluster))
        .group(group)
        .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
        .build();
  }

  private static String text(MessageExt m) {
    return new String(m.getBody(), StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void assignedQueueIsPolledInOrderSeekRewindsAndCommitIsStored(TestCluster cluster)
      throws Exception {
    String topic = Clients.unique("Lite");
    String group = Clients.unique("lite");
    MessageQueue queue;
    try (Producer producer = Clients.producer(cluster, Clients.unique("pg"))) {
      queue = producer.send(new Message(topic, "m0".getBytes(StandardCharsets.UTF_8))).queue();
      MessageQueue target = queue;
      for (int i = 1; i < 8; i++) {
        producer.send(
            new Message(topic, ("m" + i).getBytes(StandardCharsets.UTF_8)),
            (qs, m, a) -> target,
            null);
      }
    }
    try (LitePullConsumer c = consumer(cluster, group)) {
      c.assign(List.of(queue), "*");
      List<String> got = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> {
                c.poll(Duration.ofMillis(200)).forEach(m -> got.add(text(m)));
                return got.size() >= 8;
              });
      assertThat(got).containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7");
      assertThat(c.position(queue)).isEqualTo(8);
      c.seek(queue, 5);
      assertThat(c.poll(Duration.ofSeconds(5)))
          .extracting(LitePullConsumerTest::text)
          .containsExactly("m5", "m6", "m7");
      c.seek(queue, 6);
      c.commit();
      await().atMost(Duration.ofSeconds(10)).until(() -> c.committed(queue) == 6);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void subscribedMembersShareTheQueuesAndTogetherReadEverything(TestCluster cluster)
      throws Exception {
    String topic = Clients.unique("LiteSub");
    String group = Clients.unique("lite");
    Set<String> sent = new HashSet<>();
    try (Producer producer = Clients.producer(cluster, Clients.unique("pg"))) {
      for (int i = 0; i < 24; i++) {
        Message m = new Message(topic, ("s" + i).getBytes(StandardCharsets.UTF_8));
        producer.send(m);
        sent.add(m.getUniqueId());
      }
    }
    Set<String> got = new HashSet<>();
    try (LitePullConsumer a = consumer(cluster, group);
        LitePullConsumer b = consumer(cluster, group)) {
      a.subscribe(topic, "*");
      b.subscribe(topic, "*");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                a.poll(Duration.ofMillis(100)).forEach(m -> got.add(m.getProperty("UNIQ_KEY")));
                b.poll(Duration.ofMillis(100)).forEach(m -> got.add(m.getProperty("UNIQ_KEY")));
                Set<MessageQueue> both = new HashSet<>(a.assignment());
                both.retainAll(b.assignment());
                return got.containsAll(sent)
                    && both.isEmpty()
                    && !a.assignment().isEmpty()
                    && !b.assignment().isEmpty();
              });
    }
    assertThat(got).containsAll(sent);
  }
}
