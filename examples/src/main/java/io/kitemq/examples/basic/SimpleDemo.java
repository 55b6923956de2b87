package io.kitemq.examples.basic;

import io.kitemq.client.consumer.ConsumeFromWhere;
import io.kitemq.client.consumer.ConsumeStatus;
import io.kitemq.client.consumer.PushConsumer;
import io.kitemq.client.producer.Producer;
import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageExt;
import io.kitemq.examples.Examples;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Sends N messages, receives them with a push consumer, prints both sides and exits: 0 when every
 * message came back, 1 when some did not within a minute.
 *
 * <p>Arguments: {@code [namesrv] [count]} (default 10). Each run uses its own consumer group and
 * counts only the messages it sent itself, so runs can repeat against the same node.
 */
public final class SimpleDemo {

  private static final String TOPIC = "SimpleDemoTopic";
  private static final long WAIT_SECONDS = 60;

  private SimpleDemo() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(Examples.namesrv(args), Examples.count(args, 1, 10)));
  }

  /** Runs the demo; returns the exit status. */
  static int run(String namesrv, int count) throws Exception {
    String runId = Long.toString(System.currentTimeMillis(), 36);
    Set<String> sent = ConcurrentHashMap.newKeySet();
    Set<String> received = ConcurrentHashMap.newKeySet();
    CountDownLatch all = new CountDownLatch(count);
    try (Producer producer =
        Producer.builder().namesrvAddr(namesrv).group("simple_demo_producer").build()) {
      for (int i = 0; i < count; i++) {
        String body = "demo " + runId + " #" + i;
        producer.send(new Message(TOPIC, body.getBytes(StandardCharsets.UTF_8)));
        sent.add(body);
        System.out.println("sent     " + body);
      }
    }
    try (PushConsumer consumer =
        PushConsumer.builder()
            .namesrvAddr(namesrv)
            .group("simple_demo_" + runId)
            .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
            .subscribe(TOPIC, "*")
            .listener(
                (messages, queue) -> {
                  for (MessageExt m : messages) {
                    String body = new String(m.getBody(), StandardCharsets.UTF_8);
                    if (sent.contains(body) && received.add(body)) {
                      System.out.println("received " + body);
                      all.countDown();
                    }
                  }
                  return ConsumeStatus.CONSUME_SUCCESS;
                })
            .build()) {
      all.await(WAIT_SECONDS, TimeUnit.SECONDS);
    }
    System.out.println("sent " + sent.size() + ", received " + received.size());
    return received.size() == count ? 0 : 1;
  }
}
