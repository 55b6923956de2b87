package io.kitemq.examples.advanced;

import io.kitemq.client.consumer.ConsumeFromWhere;
import io.kitemq.client.consumer.ConsumeStatus;
import io.kitemq.client.consumer.PushConsumer;
import io.kitemq.client.producer.LocalTransactionState;
import io.kitemq.client.producer.TransactionListener;
import io.kitemq.client.producer.TransactionProducer;
import io.kitemq.client.producer.TransactionSendResult;
import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageExt;
import io.kitemq.examples.Examples;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Transactional messages: three orders, the first committed by its local transaction, the second
 * rolled back, the third left open (UNKNOW) and committed when the broker asks about it ({@code
 * transactionCheckInterval}, 30 s by default on KiteMQ and Apache RocketMQ). A consumer then
 * receives the first and third only. Exits 0 when exactly those arrived, 1 otherwise.
 *
 * <p>Arguments: {@code [namesrv]}.
 */
public final class TransactionExample {

  private static final String TOPIC = "TransactionTopic";
  private static final long WAIT_SECONDS = 120;

  private TransactionExample() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(Examples.namesrv(args)));
  }

  static int run(String namesrv) throws Exception {
    String runId = Long.toString(System.currentTimeMillis(), 36);
    // What the local "database" decided, by transaction id; the broker's check reads it.
    Map<String, LocalTransactionState> decided = new ConcurrentHashMap<>();
    TransactionListener listener =
        new TransactionListener() {
          @Override
          public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
            return (LocalTransactionState) arg;
          }

          @Override
          public LocalTransactionState checkLocalTransaction(MessageExt message) {
            System.out.println("broker asked about " + text(message) + ": commit");
            return decided.getOrDefault(message.getKeys(), LocalTransactionState.COMMIT_MESSAGE);
          }
        };
    LocalTransactionState[] outcomes = {
      LocalTransactionState.COMMIT_MESSAGE,
      LocalTransactionState.ROLLBACK_MESSAGE,
      LocalTransactionState.UNKNOW
    };
    Set<String> expected = ConcurrentHashMap.newKeySet();
    Set<String> received = ConcurrentHashMap.newKeySet();
    CountDownLatch done = new CountDownLatch(2);
    try (PushConsumer consumer =
            PushConsumer.builder()
                .namesrvAddr(namesrv)
                .group("transaction_example_" + runId)
                .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
                .subscribe(TOPIC, "*")
                .listener(
                    (messages, queue) -> {
                      for (MessageExt m : messages) {
                        String body = text(m);
                        if (body.startsWith(runId) && received.add(body)) {
                          System.out.println("received " + body);
                          done.countDown();
                        }
                      }
                      return ConsumeStatus.CONSUME_SUCCESS;
                    })
                .build();
        TransactionProducer producer =
            TransactionProducer.builder()
                .namesrvAddr(namesrv)
                .group("transaction_example_producer")
                .listener(listener)
                .build()) {
      for (int i = 0; i < outcomes.length; i++) {
        String body = runId + " order-" + i;
        String key = runId + "-" + i;
        Message message = new Message(TOPIC, "TagA", key, body.getBytes(StandardCharsets.UTF_8));
        decided.put(key, LocalTransactionState.COMMIT_MESSAGE);
        TransactionSendResult result = producer.sendInTransaction(message, outcomes[i]);
        System.out.println(
            "sent " + body + ": local transaction " + result.localTransactionState());
        if (outcomes[i] != LocalTransactionState.ROLLBACK_MESSAGE) {
          expected.add(body);
        }
      }
      done.await(WAIT_SECONDS, TimeUnit.SECONDS);
    }
    System.out.println("expected " + expected + ", received " + received);
    return received.equals(expected) ? 0 : 1;
  }

  private static String text(MessageExt m) {
    return new String(m.getBody(), StandardCharsets.UTF_8);
  }
}
