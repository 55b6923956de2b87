package io.kitemq.it.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official 5.5.0 TransactionMQProducer against our broker: local outcomes, check-backs answered
 * by the official client, and a half message left open across a broker restart.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OfficialTransactionCompatTest {

  @TempDir Path dir;
  private KiteCluster cluster;
  private TransactionMQProducer producer;
  private DefaultMQPushConsumer consumer;
  private final Map<String, MessageExt> received = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> checks = new ConcurrentHashMap<>();
  private final AtomicBoolean decided = new AtomicBoolean();

  /** "commit-*" and "rollback-*" decide at once; "open-*" stays UNKNOW until {@link #decided}. */
  private final TransactionListener listener =
      new TransactionListener() {
        @Override
        public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
          return decide(msg.getKeys(), false);
        }

        @Override
        public LocalTransactionState checkLocalTransaction(MessageExt msg) {
          checks.computeIfAbsent(msg.getKeys(), k -> new AtomicInteger()).incrementAndGet();
          return decide(msg.getKeys(), true);
        }
      };

  private LocalTransactionState decide(String key, boolean checking) {
    if (key.startsWith("commit-")) {
      return LocalTransactionState.COMMIT_MESSAGE;
    }
    if (key.startsWith("rollback-")) {
      return LocalTransactionState.ROLLBACK_MESSAGE;
    }
    if (key.startsWith("check-commit-") && checking) {
      return LocalTransactionState.COMMIT_MESSAGE;
    }
    if (key.startsWith("open-") && checking && decided.get()) {
      return LocalTransactionState.COMMIT_MESSAGE;
    }
    return LocalTransactionState.UNKNOW;
  }

  @BeforeEach
  void start() throws Exception {
    cluster = new KiteCluster(dir);
    producer = cluster.tuneClient(new TransactionMQProducer("tx-official-pg"));
    producer.setSendMsgTimeout(10_000);
    producer.setTransactionListener(listener);
    producer.start();
  }

  @AfterEach
  void stop() {
    if (consumer != null) {
      consumer.shutdown();
    }
    producer.shutdown();
    cluster.close();
  }

  private void consume(String topic) throws Exception {
    consumer = cluster.pushConsumer("tx-official-cg");
    consumer.subscribe(topic, "*");
    consumer.registerMessageListener(
        (org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently)
            (msgs, ctx) -> {
              msgs.forEach(m -> received.put(m.getKeys(), m));
              return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
    consumer.start();
  }

  private TransactionSendResult send(String topic, String key) {
    TransactionSendResult[] result = new TransactionSendResult[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () -> {
              Message m = new Message(topic, "TagTx", key, key.getBytes(StandardCharsets.UTF_8));
              result[0] = producer.sendMessageInTransaction(m, null);
              return result[0].getSendStatus() == SendStatus.SEND_OK;
            });
    return result[0];
  }

  @Test
  void commitRollbackAndCheckedOutcomesDecideWhatIsDelivered() throws Exception {
    String topic = "TxOfficial";
    assertThat(send(topic, "commit-1").getLocalTransactionState())
        .isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
    send(topic, "rollback-1");
    assertThat(send(topic, "check-commit-1").getLocalTransactionState())
        .isEqualTo(LocalTransactionState.UNKNOW);
    consume(topic);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> received.keySet().containsAll(Set.of("commit-1", "check-commit-1")));
    assertThat(checks.get("check-commit-1").get()).isGreaterThanOrEqualTo(1);
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(() -> !received.containsKey("rollback-1"));
    assertThat(checks).doesNotContainKeys("commit-1", "rollback-1");
    MessageExt m = received.get("check-commit-1");
    assertThat(m.getTopic()).isEqualTo(topic);
    assertThat(new String(m.getBody(), StandardCharsets.UTF_8)).isEqualTo("check-commit-1");
  }

  @Test
  void aHalfMessageLeftOpenIsStillCheckedAfterABrokerRestart() throws Exception {
    String topic = "TxRestart";
    send(topic, "open-1");
    cluster.restartBroker();
    int before = checks.getOrDefault("open-1", new AtomicInteger()).get();
    decided.set(true);
    consume(topic);
    await().atMost(Duration.ofSeconds(60)).until(() -> received.containsKey("open-1"));
    assertThat(checks.get("open-1").get()).isGreaterThan(before);
  }
}
