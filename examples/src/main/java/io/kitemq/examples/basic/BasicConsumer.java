package io.kitemq.examples.basic;

import io.kitemq.client.consumer.ConsumeFromWhere;
import io.kitemq.client.consumer.ConsumeStatus;
import io.kitemq.client.consumer.PushConsumer;
import io.kitemq.common.message.MessageExt;
import io.kitemq.examples.Examples;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * Consumes {@code TopicTest} with a push consumer and prints every message until Ctrl-C.
 *
 * <p>Arguments: {@code [namesrv]}. The group starts at the first message the first time it runs,
 * then where it left off.
 */
public final class BasicConsumer {

  private BasicConsumer() {}

  public static void main(String[] args) throws Exception {
    CountDownLatch stopped = new CountDownLatch(1);
    try (PushConsumer consumer =
        PushConsumer.builder()
            .namesrvAddr(Examples.namesrv(args))
            .group("example_consumer")
            .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
            .subscribe(Examples.TOPIC, "*")
            .listener(
                (messages, queue) -> {
                  for (MessageExt m : messages) {
                    System.out.printf(
                        "queue %d offset %d: %s%n",
                        m.getQueueId(),
                        m.getQueueOffset(),
                        new String(m.getBody(), StandardCharsets.UTF_8));
                  }
                  return ConsumeStatus.CONSUME_SUCCESS;
                })
            .build()) {
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      System.out.println("consuming " + Examples.TOPIC + "; stop with Ctrl-C");
      stopped.await();
    }
  }
}
