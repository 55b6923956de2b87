package io.kitemq.it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kitemq.client.BrokerException;
import io.kitemq.client.consumer.ConsumeStatus;
import io.kitemq.client.consumer.LitePullConsumer;
import io.kitemq.client.consumer.MessageSelector;
import io.kitemq.client.consumer.PullConsumer;
import io.kitemq.client.consumer.PullResult;
import io.kitemq.client.consumer.PullStatus;
import io.kitemq.client.consumer.PushConsumer;
import io.kitemq.client.producer.Producer;
import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.MessageQueue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.exception.MQClientException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SQL92 property filtering: KiteMQ's consumers against both brokers (each started with
 * enablePropertyFilter=true), the official push consumer's {@code MessageSelector.bySql} against
 * ours, and the refusals (filter off, bad expression).
 */
@ExtendWith(SharedClusters.class)
@Timeout(120)
class SqlFilterTest {

  /** n in [10, 19] with tag A: 10, 12, 14, 16, 18 of the 0..19 sent by {@link #sendNumbered}. */
  private static final String SQL = "n BETWEEN 10 AND 19 AND TAGS = 'A' AND skip IS NULL";

  private static final List<String> MATCHING = List.of("m10", "m12", "m14", "m16", "m18");

  static Stream<TestCluster> clusters() {
    return SharedClusters.all().stream();
  }

  /**
   * Sends m0..m19 to one queue (n = i, tag A for even i), plus non-matching noise in between: a
   * non-numeric n and a message with {@code skip} set. The last message sent, m18's successor m19,
   * does not match, so a consumer must advance past a non-matching tail.
   */
  private static MessageQueue sendNumbered(TestCluster cluster, String topic) throws Exception {
    try (Producer producer = Clients.producer(cluster, Clients.unique("pg"))) {
      MessageQueue queue = null;
      for (int i = 0; i < 20; i++) {
        Message m = new Message(topic, i % 2 == 0 ? "A" : "B", "k" + i, bytes("m" + i));
        m.putUserProperty("n", Integer.toString(i));
        queue = send(producer, m, queue);
        if (i == 11) {
          Message text = new Message(topic, "A", "text", bytes("not-a-number"));
          text.putUserProperty("n", "twelve");
          send(producer, text, queue);
          Message skipped = new Message(topic, "A", "skip", bytes("skipped"));
          skipped.putUserProperty("n", "12");
          skipped.putUserProperty("skip", "yes");
          send(producer, skipped, queue);
        }
      }
      return queue;
    }
  }

  private static MessageQueue send(Producer producer, Message m, MessageQueue queue)
      throws Exception {
    if (queue == null) {
      return producer.send(m).queue();
    }
    producer.send(m, (qs, msg, arg) -> queue, null);
    return queue;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void pullConsumerGetsOnlyMatchingMessagesAndAdvancesPastTheRest(TestCluster cluster)
      throws Exception {
    String topic = Clients.unique("SqlPull");
    MessageQueue queue = sendNumbered(cluster, topic);
    try (PullConsumer consumer =
        PullConsumer.builder()
            .clientOptions(Clients.options(cluster))
            .group(Clients.unique("sqlpull"))
            .build()) {
      List<String> got = new ArrayList<>();
      long offset = 0;
      PullResult r;
      int pulls = 0;
      do {
        r = consumer.pull(queue, MessageSelector.bySql(SQL), offset, 4);
        r.messages().forEach(m -> got.add(text(m)));
        assertThat(r.nextBeginOffset()).isGreaterThanOrEqualTo(offset);
        offset = r.nextBeginOffset();
        assertThat(++pulls).as("pulls needed").isLessThan(40);
      } while (r.status() == PullStatus.FOUND || r.status() == PullStatus.NO_MATCHED_MSG);
      assertThat(got).containsExactlyElementsOf(MATCHING);
      assertThat(r.status()).isEqualTo(PullStatus.NO_NEW_MSG);
      assertThat(offset).isEqualTo(22);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void aHeldSqlPullMovesPastNonMatchingArrivalsToTheMatchingOne(TestCluster cluster)
      throws Exception {
    String topic = Clients.unique("SqlHold");
    MessageQueue queue = sendNumbered(cluster, topic);
    try (Producer producer = Clients.producer(cluster, Clients.unique("pg"));
        PullConsumer consumer =
            PullConsumer.builder()
                .clientOptions(Clients.options(cluster))
                .group(Clients.unique("sqlhold"))
                .build()) {
      MessageSelector wanted = MessageSelector.bySql("n = 100");
      CompletableFuture<List<String>> waiting =
          CompletableFuture.supplyAsync(
              () -> {
                List<String> got = new ArrayList<>();
                long offset = 22;
                try {
                  while (got.isEmpty()) {
                    PullResult r = consumer.pullBlockIfNotFound(queue, wanted, offset, 8);
                    r.messages().forEach(m -> got.add(text(m)));
                    offset = r.nextBeginOffset();
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
                return got;
              });
      for (int i = 0; i < 5; i++) {
        Message noise = new Message(topic, "A", "noise", bytes("noise" + i));
        noise.putUserProperty("n", Integer.toString(200 + i));
        producer.send(noise, (qs, m, a) -> queue, null);
      }
      Message hit = new Message(topic, "B", "hit", bytes("hit"));
      hit.putUserProperty("n", "100");
      producer.send(hit, (qs, m, a) -> queue, null);
      assertThat(waiting.get(30, TimeUnit.SECONDS)).containsExactly("hit");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void pushConsumerReceivesOnlyMatchingMessages(TestCluster cluster) throws Exception {
    String topic = Clients.unique("SqlPush");
    sendNumbered(cluster, topic);
    Set<String> got = ConcurrentHashMap.newKeySet();
    List<String> all = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (PushConsumer consumer =
        Clients.consumer(cluster, Clients.unique("sqlpush"))
            .subscribe(topic, MessageSelector.bySql(SQL))
            .listener(
                (msgs, q) -> {
                  msgs.forEach(m -> all.add(text(m)));
                  msgs.forEach(m -> got.add(text(m)));
                  return ConsumeStatus.CONSUME_SUCCESS;
                })
            .build()) {
      // One queue, consumed in offset order: once m18 is in, everything before it was judged.
      await().atMost(Duration.ofSeconds(60)).until(() -> got.contains("m18"));
      assertThat(got).containsExactlyInAnyOrderElementsOf(MATCHING);
      assertThat(all).doesNotHaveDuplicates();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void litePullConsumerPollsOnlyMatchingMessages(TestCluster cluster) throws Exception {
    String topic = Clients.unique("SqlLite");
    sendNumbered(cluster, topic);
    List<String> got = new ArrayList<>();
    try (LitePullConsumer consumer =
        LitePullConsumer.builder()
            .clientOptions(Clients.options(cluster))
            .group(Clients.unique("sqllite"))
            .build()) {
      consumer.subscribe(topic, MessageSelector.bySql(SQL));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(500)).forEach(m -> got.add(text(m)));
                return got.contains("m18");
              });
      assertThat(got).containsExactlyElementsOf(MATCHING);
    }
  }

  @Test
  void officialPushConsumerBySqlAgainstKite() throws Exception {
    TestCluster kite = SharedClusters.all().get(0);
    assertThat(kite.isKite()).isTrue();
    String topic = Clients.unique("SqlOfficial");
    sendNumbered(kite, topic);
    Set<String> got = ConcurrentHashMap.newKeySet();
    DefaultMQPushConsumer c = officialConsumer(kite.namesrvAddr(), topic, SQL);
    c.registerMessageListener(
        (org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently)
            (msgs, ctx) -> {
              msgs.forEach(m -> got.add(new String(m.getBody(), StandardCharsets.UTF_8)));
              return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
    c.start();
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> got.contains("m18"));
      assertThat(got).containsExactlyInAnyOrderElementsOf(MATCHING);
    } finally {
      c.shutdown();
    }
  }

  @Test
  void aBadExpressionIsRefusedWithTheColumn() throws Exception {
    TestCluster kite = SharedClusters.all().get(0);
    String topic = Clients.unique("SqlBad");
    MessageQueue queue = sendNumbered(kite, topic);
    try (PullConsumer consumer =
        PullConsumer.builder()
            .clientOptions(Clients.options(kite))
            .group(Clients.unique("sqlbad"))
            .build()) {
      assertThatThrownBy(() -> consumer.pull(queue, MessageSelector.bySql("n > > 1"), 0, 4))
          .isInstanceOfSatisfying(
              BrokerException.class,
              e -> {
                assertThat(e.code()).isEqualTo(23);
                assertThat(e.remark()).contains("column 5");
              });
    }
    DefaultMQPushConsumer official = officialConsumer(kite.namesrvAddr(), topic, "n > > 1");
    official.registerMessageListener(
        (org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently)
            (msgs, ctx) -> ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
    try {
      assertThatThrownBy(official::start).isInstanceOf(MQClientException.class);
    } finally {
      official.shutdown();
    }
  }

  @Test
  void aBrokerWithoutPropertyFilterRefusesSql92(@TempDir Path dir) throws Exception {
    Properties off = new Properties();
    off.setProperty("enablePropertyFilter", "false");
    KiteTestCluster plain = new KiteTestCluster(dir, off);
    try {
      String topic = Clients.unique("SqlOff");
      MessageQueue queue = sendNumbered(plain, topic);
      try (PullConsumer consumer =
          PullConsumer.builder()
              .clientOptions(Clients.options(plain))
              .group(Clients.unique("sqloff"))
              .build()) {
        assertThatThrownBy(() -> consumer.pull(queue, MessageSelector.bySql(SQL), 0, 4))
            .isInstanceOfSatisfying(
                BrokerException.class,
                e -> {
                  assertThat(e.code()).isEqualTo(1);
                  assertThat(e.remark())
                      .isEqualTo("The broker does not support consumer to filter message by SQL92");
                });
        // TAG subscriptions are unaffected.
        assertThat(consumer.pull(queue, "A", 0, 4).status()).isEqualTo(PullStatus.FOUND);
      }
      DefaultMQPushConsumer official = officialConsumer(plain.namesrvAddr(), topic, SQL);
      official.registerMessageListener(
          (org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently)
              (msgs, ctx) -> ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
      try {
        assertThatThrownBy(official::start)
            .isInstanceOf(MQClientException.class)
            .hasMessageContaining("SQL92");
      } finally {
        official.shutdown();
      }
    } finally {
      plain.stop();
    }
  }

  private static DefaultMQPushConsumer officialConsumer(String namesrv, String topic, String sql)
      throws MQClientException {
    DefaultMQPushConsumer c = new DefaultMQPushConsumer(Clients.unique("official-sql"));
    c.setNamesrvAddr(namesrv);
    c.setInstanceName(Clients.unique("official"));
    c.setClientIP("127.0.0.1");
    c.setPollNameServerInterval(500);
    c.setHeartbeatBrokerInterval(1000);
    c.setPullInterval(0);
    c.setConsumeFromWhere(
        org.apache.rocketmq.common.consumer.ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
    c.subscribe(topic, org.apache.rocketmq.client.consumer.MessageSelector.bySql(sql));
    return c;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(MessageExt m) {
    return new String(m.getBody(), StandardCharsets.UTF_8);
  }
}
