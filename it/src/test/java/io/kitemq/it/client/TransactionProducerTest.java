package io.kitemq.it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kitemq.client.consumer.ConsumeStatus;
import io.kitemq.client.consumer.PushConsumer;
import io.kitemq.client.producer.LocalTransactionState;
import io.kitemq.client.producer.SendStatus;
import io.kitemq.client.producer.TransactionListener;
import io.kitemq.client.producer.TransactionProducer;
import io.kitemq.client.producer.TransactionSendResult;
import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageExt;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Transactional sends with our client, against our broker and the official one: the outcome of the
 * local transaction decides delivery, and an undecided transaction is settled by the broker's
 * check-back.
 */
@ExtendWith(SharedClusters.class)
@Timeout(120)
class TransactionProducerTest {

  static Stream<TestCluster> clusters() {
    return SharedClusters.all().stream();
  }

  /** Decides by the message's key prefix: "commit-", "rollback-"; anything else is UNKNOW. */
  private static LocalTransactionState byKey(Message m) {
    String key = m.getKeys();
    if (key.startsWith("commit-")) {
      return LocalTransactionState.COMMIT_MESSAGE;
    }
    if (key.startsWith("rollback-")) {
      return LocalTransactionState.ROLLBACK_MESSAGE;
    }
    return LocalTransactionState.UNKNOW;
  }

  private static TransactionProducer producer(
      TestCluster cluster, String group, TransactionListener listener) {
    return TransactionProducer.builder()
        .clientOptions(Clients.options(cluster))
        .group(group)
        .sendTimeout(Duration.ofSeconds(10))
        .listener(listener)
        .build();
  }

  private static PushConsumer consumer(
      TestCluster cluster, String topic, Map<String, MessageExt> received)
      throws io.kitemq.client.ClientException {
    return Clients.consumer(cluster, Clients.unique("txcg"))
        .subscribe(topic, "*")
        .listener(
            (msgs, q) -> {
              msgs.forEach(m -> received.put(m.getKeys(), m));
              return ConsumeStatus.CONSUME_SUCCESS;
            })
        .build();
  }

  private static Message message(String topic, String key) {
    return new Message(topic, "TagTx", key, key.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void committedTransactionsAreDeliveredAndRolledBackOnesNever(TestCluster cluster)
      throws Exception {
    String topic = Clients.unique("TxDirect");
    Map<String, MessageExt> received = new ConcurrentHashMap<>();
    Map<String, Object> args = new ConcurrentHashMap<>();
    TransactionListener listener =
        new TransactionListener() {
          @Override
          public LocalTransactionState executeLocalTransaction(Message m, Object arg) {
            args.put(m.getKeys(), arg);
            return byKey(m);
          }

          @Override
          public LocalTransactionState checkLocalTransaction(MessageExt m) {
            return byKey(m);
          }
        };
    try (TransactionProducer producer = producer(cluster, Clients.unique("txpg"), listener);
        PushConsumer consumer = consumer(cluster, topic, received)) {
      for (int i = 0; i < 3; i++) {
        TransactionSendResult c = producer.sendInTransaction(message(topic, "commit-" + i), i);
        assertThat(c.sendResult().status()).isEqualTo(SendStatus.SEND_OK);
        assertThat(c.localTransactionState()).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
        assertThat(c.transactionId()).isEqualTo(c.sendResult().msgId());
        TransactionSendResult r = producer.sendInTransaction(message(topic, "rollback-" + i), i);
        assertThat(r.localTransactionState()).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
      }
      assertThat(args).containsEntry("commit-2", 2).containsEntry("rollback-1", 1);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> received.keySet().containsAll(Set.of("commit-0", "commit-1", "commit-2")));
      // Past the broker's transaction timeout plus a check interval: a rolled-back half would
      // have been delivered or checked by now.
      await()
          .during(Duration.ofSeconds(4))
          .atMost(Duration.ofSeconds(10))
          .until(() -> received.size() == 3);
      MessageExt got = received.get("commit-1");
      assertThat(got.getTopic()).isEqualTo(topic);
      assertThat(got.getTags()).isEqualTo("TagTx");
      assertThat(new String(got.getBody(), StandardCharsets.UTF_8)).isEqualTo("commit-1");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void anUndecidedTransactionIsSettledByTheBrokersCheck(TestCluster cluster) throws Exception {
    String topic = Clients.unique("TxCheck");
    Map<String, MessageExt> received = new ConcurrentHashMap<>();
    Map<String, Integer> checked = new ConcurrentHashMap<>();
    TransactionListener listener =
        new TransactionListener() {
          @Override
          public LocalTransactionState executeLocalTransaction(Message m, Object arg) {
            return LocalTransactionState.UNKNOW;
          }

          @Override
          public LocalTransactionState checkLocalTransaction(MessageExt m) {
            checked.merge(m.getKeys(), 1, Integer::sum);
            assertThat(m.getTopic()).isEqualTo(topic);
            return m.getKeys().startsWith("later-commit")
                ? LocalTransactionState.COMMIT_MESSAGE
                : LocalTransactionState.ROLLBACK_MESSAGE;
          }
        };
    try (TransactionProducer producer = producer(cluster, Clients.unique("txpg"), listener);
        PushConsumer consumer = consumer(cluster, topic, received)) {
      TransactionSendResult u = producer.sendInTransaction(message(topic, "later-commit"), null);
      assertThat(u.localTransactionState()).isEqualTo(LocalTransactionState.UNKNOW);
      producer.sendInTransaction(message(topic, "later-rollback"), null);
      await().atMost(Duration.ofSeconds(60)).until(() -> received.containsKey("later-commit"));
      await().atMost(Duration.ofSeconds(30)).until(() -> checked.containsKey("later-rollback"));
      await()
          .during(Duration.ofSeconds(4))
          .atMost(Duration.ofSeconds(10))
          .until(() -> !received.containsKey("later-rollback"));
      assertThat(checked.get("later-commit")).isGreaterThanOrEqualTo(1);
      if (cluster.isKite()) {
        // The official broker stores the committed message with the half's property string,
        // TRAN_MSG included; ours removes it, as its commit path means to.
        assertThat(received.get("later-commit").getProperty("TRAN_MSG")).isNull();
      }
    }
  }
}
