package io.kitemq.examples.simple;

import io.kitemq.client.consumer.SimpleConsumer;
import io.kitemq.common.message.MessageExt;
import io.kitemq.examples.Examples;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * A simple (POP) consumer: receives messages of {@code TopicTest}, each invisible to the group for
 * 30 s, prints and acks them; stops after a receive that waited 5 s and got nothing. A message that
 * is not acked (say the program is killed half-way) is delivered again once its 30 s passed, to
 * this or any other consumer of the group.
 *
 * <p>Arguments: {@code [namesrv]}.
 */
public final class SimpleConsumerExample {

  private SimpleConsumerExample() {}

  public static void main(String[] args) throws Exception {
    try (SimpleConsumer consumer =
        SimpleConsumer.builder()
            .namesrvAddr(Examples.namesrv(args))
            .group("example_simple_consumer")
            .subscribe(Examples.TOPIC, "*")
            .awaitDuration(Duration.ofSeconds(5))
            .build()) {
      while (true) {
        List<MessageExt> batch = consumer.receive(16, Duration.ofSeconds(30));
        if (batch.isEmpty()) {
          break;
        }
        for (MessageExt m : batch) {
          System.out.printf(
              "queue %d offset %d (delivery %d): %s%n",
              m.getQueueId(),
              m.getQueueOffset(),
              m.getReconsumeTimes() + 1,
              new String(m.getBody(), StandardCharsets.UTF_8));
          consumer.ack(m);
        }
      }
    }
  }
}
