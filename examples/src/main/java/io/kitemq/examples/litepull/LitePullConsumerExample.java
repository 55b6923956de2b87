package io.kitemq.examples.litepull;

import io.kitemq.client.consumer.ConsumeFromWhere;
import io.kitemq.client.consumer.LitePullConsumer;
import io.kitemq.common.message.MessageExt;
import io.kitemq.examples.Examples;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * A lite-pull consumer: subscribe, then poll in a loop like an iterator; the queues are shared with
 * the group's other members. Prints what {@code TopicTest} holds, commits the positions after each
 * batch, and stops after three empty polls in a row.
 *
 * <p>Arguments: {@code [namesrv]}.
 */
public final class LitePullConsumerExample {

  private LitePullConsumerExample() {}

  public static void main(String[] args) throws Exception {
    try (LitePullConsumer consumer =
        LitePullConsumer.builder()
            .namesrvAddr(Examples.namesrv(args))
            .group("example_lite_pull_consumer")
            .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
            .build()) {
      consumer.subscribe(Examples.TOPIC, "*");
      int empty = 0;
      while (empty < 3) {
        List<MessageExt> batch = consumer.poll(Duration.ofSeconds(1));
        empty = batch.isEmpty() ? empty + 1 : 0;
        for (MessageExt m : batch) {
          System.out.printf(
              "queue %d offset %d: %s%n",
              m.getQueueId(), m.getQueueOffset(), new String(m.getBody(), StandardCharsets.UTF_8));
        }
        consumer.commit();
      }
    }
  }
}
