package io.kitemq.examples.basic;

import io.kitemq.client.producer.Producer;
import io.kitemq.client.producer.SendResult;
import io.kitemq.common.message.Message;
import io.kitemq.examples.Examples;
import java.nio.charset.StandardCharsets;

/**
 * Sends messages to {@code TopicTest} one at a time and prints where each went.
 *
 * <p>Arguments: {@code [namesrv] [count]} (default 10 messages). The topic is created on the first
 * send by a node with auto-creation on, such as {@code kite standalone}.
 */
public final class BasicProducer {

  private BasicProducer() {}

  public static void main(String[] args) throws Exception {
    int count = Examples.count(args, 1, 10);
    try (Producer producer =
        Producer.builder().namesrvAddr(Examples.namesrv(args)).group("example_producer").build()) {
      for (int i = 0; i < count; i++) {
        Message message =
            new Message(
                Examples.TOPIC,
                "TagA",
                "key-" + i,
                ("Hello KiteMQ " + i).getBytes(StandardCharsets.UTF_8));
        SendResult result = producer.send(message);
        System.out.printf(
            "%s msgId=%s queue=%s:%d offset=%d%n",
            result.status(),
            result.msgId(),
            result.queue().brokerName(),
            result.queue().queueId(),
            result.queueOffset());
      }
    }
  }
}
