package io.kitemq.it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kitemq.client.BrokerException;
import io.kitemq.client.admin.AdminClient;
import io.kitemq.client.consumer.PullConsumer;
import io.kitemq.client.consumer.SimpleConsumer;
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

/**
 * The simple (POP) consumer against both brokers. Apache's broker revives unacked messages through
 * its revive topic, which takes several seconds more than the invisible time: redeliveries are
 * awaited for up to a minute.
 */
@ExtendWith(SharedClusters.class)
@Timeout(150)
class SimpleConsumerTest {

  private static final Duration SHORT = Duration.ofSeconds(2);

  static Stream<TestCluster> clusters() {
    return SharedClusters.all().stream();
  }

  private static SimpleConsumer consumer(TestCluster cluster, String group, String topic) {
    try {
      return SimpleConsumer.builder()
          .clientOptions(Clients.options(cluster))
          .group(group)
          .subscribe(topic, "*")
          .awaitDuration(Duration.ofSeconds(1))
          .build();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void send(TestCluster cluster, String topic, int n) throws Exception {
    try (Producer producer = Clients.producer(cluster, Clients.unique("pg"))) {
      for (int i = 0; i < n; i++) {
        producer.send(new Message(topic, "T", "k" + i, bytes("m" + i)));
      }
    }
  }

  /** Receives until {@code n} messages arrived (the topic's route may appear late). */
  private static List<MessageExt> receive(SimpleConsumer c, int n, Duration invisible) {
    List<MessageExt> got = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () -> {
              got.addAll(c.receive(32, invisible));
              return got.size() >= n;
            });
    return got;
  }

  /** Receives for {@code period}, returning whatever came (the caller expects nothing). */
  private static List<MessageExt> receiveDuring(SimpleConsumer c, Duration period)
      throws Exception {
    List<MessageExt> got = new ArrayList<>();
    long end = System.nanoTime() + period.toNanos();
    while (System.nanoTime() < end) {
      got.addAll(c.receive(32, SHORT));
    }
    return got;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void ackedMessagesAreNotDeliveredAgain(TestCluster cluster) throws Exception {
    String topic = Clients.unique("Simple");
    send(cluster, topic, 3);
    try (SimpleConsumer c = consumer(cluster, Clients.unique("simple"), topic)) {
      List<MessageExt> got = receive(c, 3, SHORT);
      assertThat(got)
          .extracting(SimpleConsumerTest::text)
          .containsExactlyInAnyOrder("m0", "m1", "m2");
      assertThat(got).allSatisfy(m -> assertThat(m.getTopic()).isEqualTo(topic));
      for (MessageExt m : got) {
        c.ack(m);
      }
      assertThat(receiveDuring(c, SHORT.multipliedBy(4))).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void anUnackedMessageComesBackAfterItsInvisibleTime(TestCluster cluster) throws Exception {
    String topic = Clients.unique("Simple");
    send(cluster, topic, 1);
    try (SimpleConsumer c = consumer(cluster, Clients.unique("simple"), topic)) {
      List<MessageExt> firsts = new ArrayList<>();
      long[] askedAt = new long[1];
      await()
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .until(
              () -> {
                askedAt[0] = System.nanoTime();
                firsts.addAll(c.receive(32, SHORT));
                return !firsts.isEmpty();
              });
      assertThat(firsts.get(0).getReconsumeTimes()).isZero();
      List<MessageExt> again = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                again.addAll(c.receive(32, Duration.ofSeconds(30)));
                return !again.isEmpty();
              });
      // The broker made it invisible no earlier than the receive call that got it began.
      assertThat(Duration.ofNanos(System.nanoTime() - askedAt[0])).isGreaterThanOrEqualTo(SHORT);
      assertThat(again).extracting(SimpleConsumerTest::text).containsExactly("m0");
      assertThat(again.get(0).getReconsumeTimes()).isEqualTo(1);
      // Acking the redelivered copy (from Apache's pop retry topic there) ends it for good.
      c.ack(again.get(0));
      assertThat(receiveDuring(c, SHORT.multipliedBy(4))).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void changingTheInvisibleDurationPostponesTheRedelivery(TestCluster cluster) throws Exception {
    String topic = Clients.unique("Simple");
    send(cluster, topic, 1);
    try (SimpleConsumer c = consumer(cluster, Clients.unique("simple"), topic)) {
      MessageExt m = receive(c, 1, SHORT).get(0);
      String oldHandle = m.getProperty("POP_CK");
      long changedAt = System.nanoTime();
      Duration extended = Duration.ofSeconds(10);
      c.changeInvisibleDuration(m, extended);
      assertThat(m.getProperty("POP_CK")).isNotEqualTo(oldHandle);
      assertThat(receiveDuring(c, Duration.ofSeconds(7))).isEmpty();
      // Extended, not acked: it comes back once the new invisible time has passed.
      List<MessageExt> again = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                again.addAll(c.receive(32, Duration.ofSeconds(30)));
                return !again.isEmpty();
              });
      assertThat(Duration.ofNanos(System.nanoTime() - changedAt)).isGreaterThanOrEqualTo(extended);
      assertThat(again).extracting(SimpleConsumerTest::text).containsExactly("m0");
      c.ack(again.get(0));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void twoConsumersOfOneGroupNeverHoldTheSameMessage(TestCluster cluster) throws Exception {
    String topic = Clients.unique("Simple");
    String group = Clients.unique("simple");
    send(cluster, topic, 10);
    try (SimpleConsumer a = consumer(cluster, group, topic);
        SimpleConsumer b = consumer(cluster, group, topic)) {
      List<String> got = new ArrayList<>();
      Duration invisible = Duration.ofSeconds(60);
      await()
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .until(
              () -> {
                for (SimpleConsumer c : List.of(a, b)) {
                  for (MessageExt m : c.receive(3, invisible)) {
                    got.add(text(m));
                  }
                }
                return got.size() >= 10;
              });
      assertThat(got).hasSize(10).doesNotHaveDuplicates();
      assertThat(new HashSet<>(got)).isEqualTo(expected(10));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void aBadReceiptHandleIsRefusedClearly(TestCluster cluster) throws Exception {
    String topic = Clients.unique("Simple");
    send(cluster, topic, 1);
    try (SimpleConsumer c = consumer(cluster, Clients.unique("simple"), topic)) {
      MessageExt plain = new MessageExt();
      plain.setTopic(topic);
      assertThatThrownBy(() -> c.ack(plain))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("receipt handle");
      MessageExt m = receive(c, 1, Duration.ofSeconds(30)).get(0);
      String good = m.getProperty("POP_CK");
      m.putProperty("POP_CK", "0 1 2 x");
      assertThatThrownBy(() -> c.ack(m))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("expected 8");
      m.putProperty("POP_CK", good);
      c.ack(m);
      if (cluster.isKite()) {
        assertThatThrownBy(() -> c.ack(m))
            .isInstanceOf(BrokerException.class)
            .hasMessageContaining("acked already");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void aMessageOutOfRetriesGoesToTheDeadLetterQueue(TestCluster cluster) throws Exception {
    String topic = Clients.unique("Simple");
    String group = Clients.unique("simple");
    send(cluster, topic, 1);
    try (SimpleConsumer c =
            SimpleConsumer.builder()
                .clientOptions(Clients.options(cluster))
                .group(group)
                .subscribe(topic, "*")
                .awaitDuration(Duration.ofSeconds(1))
                .maxReconsumeTimes(1)
                .build();
        PullConsumer dlqReader =
            PullConsumer.builder()
                .clientOptions(Clients.options(cluster))
                .group(Clients.unique("dlq-reader"))
                .build()) {
      List<Integer> deliveries = new ArrayList<>();
      String dlq = "%DLQ%" + group;
      List<MessageExt> dead = new ArrayList<>();
      // Never acked: delivered with reconsumeTimes 0 and 1, then moved to the DLQ.
      await()
          .atMost(Duration.ofSeconds(90))
          .ignoreExceptions()
          .until(
              () -> {
                c.receive(32, SHORT).forEach(m -> deliveries.add(m.getReconsumeTimes()));
                if (deliveries.size() < 2) {
                  return false;
                }
                for (MessageQueue q : dlqReader.fetchSubscribeMessageQueues(dlq)) {
                  dead.addAll(dlqReader.pull(q, "*", 0, 32).messages());
                }
                return !dead.isEmpty();
              });
      assertThat(deliveries).containsExactly(0, 1);
      assertThat(dead).extracting(SimpleConsumerTest::text).containsExactly("m0");
      assertThat(receiveDuring(c, SHORT.multipliedBy(3))).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void aSecondConsumerOfTheGroupInOneClientIsRefusedAndTheFirstGoesOn(TestCluster cluster)
      throws Exception {
    String topic = Clients.unique("Simple");
    String group = Clients.unique("simple");
    send(cluster, topic, 1);
    var options = Clients.options(cluster);
    try (SimpleConsumer first =
            SimpleConsumer.builder()
                .clientOptions(options)
                .group(group)
                .subscribe(topic, "*")
                .build();
        AdminClient admin = AdminClient.builder().clientOptions(Clients.options(cluster)).build()) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> admin.findConsumerConnection(group, null).isPresent());
      assertThat(admin.consumerConnection(group, null).consumeType()).isEqualTo("CONSUME_POP");
      assertThatThrownBy(
              () ->
                  SimpleConsumer.builder()
                      .clientOptions(options)
                      .group(group)
                      .subscribe(topic, "*")
                      .build())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(group);
      // The refused one did not take the first one's membership with it.
      await()
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(6))
          .until(() -> admin.findConsumerConnection(group, null).isPresent());
      MessageExt m = receive(first, 1, Duration.ofSeconds(30)).get(0);
      first.ack(m);
    }
  }

  private static Set<String> expected(int n) {
    Set<String> s = new HashSet<>();
    for (int i = 0; i < n; i++) {
      s.add("m" + i);
    }
    return s;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(MessageExt m) {
    return new String(m.getBody(), StandardCharsets.UTF_8);
  }
}
