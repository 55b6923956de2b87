package io.kitemq.examples.advanced;

import io.kitemq.client.consumer.ConsumeFromWhere;
import io.kitemq.client.consumer.ConsumeStatus;
import io.kitemq.client.consumer.PushConsumer;
import io.kitemq.client.producer.Producer;
import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageExt;
import io.kitemq.examples.Examples;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A delayed message: sent with delay level 2 (5 s in the default levels {@code 1s 5s 10s 30s 1m
 * ...}), it reaches the consumer about five seconds after the send. Prints the delay seen; exits 0
 * when the message arrived no sooner than 5 s after it was sent, 1 otherwise. On a node that has
 * not seen the topic yet the first run takes longer: the send creates the topic, and the consumer
 * finds its route at the next route refresh (every 30 s).
 *
 * <p>Arguments: {@code [namesrv]}.
 */
public final class DelayedMessages {

  private static final String TOPIC = "DelayTopic";
  private static final int LEVEL = 2;
  private static final long LEVEL_MILLIS = 5_000;

  private DelayedMessages() {}

  public static void main(String[] args) throws Exception {
    String namesrv = Examples.namesrv(args);
    String runId = Long.toString(System.currentTimeMillis(), 36);
    CountDownLatch arrived = new CountDownLatch(1);
    long[] delay = {-1};
    long sentAt;
    try (PushConsumer consumer =
            PushConsumer.builder()
                .namesrvAddr(namesrv)
                .group("delay_example_" + runId)
                .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
                .subscribe(TOPIC, "*")
                .listener(
                    (messages, queue) -> {
                      for (MessageExt m : messages) {
                        if (new String(m.getBody(), StandardCharsets.UTF_8).equals(runId)) {
                          delay[0] = System.currentTimeMillis() - m.getBornTimestamp();
                          arrived.countDown();
                        }
                      }
                      return ConsumeStatus.CONSUME_SUCCESS;
                    })
                .build();
        Producer producer =
            Producer.builder().namesrvAddr(namesrv).group("delay_example_producer").build()) {
      Message message = new Message(TOPIC, runId.getBytes(StandardCharsets.UTF_8));
      message.setDelayTimeLevel(LEVEL);
      producer.send(message);
      sentAt = System.currentTimeMillis();
      System.out.println("sent with delay level " + LEVEL + " at " + sentAt);
      arrived.await(60, TimeUnit.SECONDS);
    }
    if (delay[0] < 0) {
      System.out.println("not received within 60 s");
      System.exit(1);
    }
    System.out.println("received " + delay[0] + " ms after it was sent");
    System.exit(delay[0] >= LEVEL_MILLIS ? 0 : 1);
  }
}
