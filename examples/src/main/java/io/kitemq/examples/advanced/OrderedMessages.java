package io.kitemq.examples.advanced;

import io.kitemq.client.consumer.ConsumeFromWhere;
import io.kitemq.client.consumer.OrderlyStatus;
import io.kitemq.client.consumer.PushConsumer;
import io.kitemq.client.producer.Producer;
import io.kitemq.client.producer.SelectMessageQueueByHash;
import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageExt;
import io.kitemq.examples.Examples;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ordered messages: the steps of each order are sent to the queue chosen by the order id's hash, so
 * they share a queue, and an orderly listener receives them one queue at a time in send order.
 * Prints each order's steps as received; exits 0 when every order arrived in order.
 *
 * <p>Arguments: {@code [namesrv]}.
 */
public final class OrderedMessages {

  private static final String TOPIC = "OrderedTopic";
  private static final List<String> STEPS = List.of("created", "paid", "shipped", "delivered");

  private OrderedMessages() {}

  public static void main(String[] args) throws Exception {
    String namesrv = Examples.namesrv(args);
    String runId = Long.toString(System.currentTimeMillis(), 36);
    List<String> orders =
        List.of("order-" + runId + "-1", "order-" + runId + "-2", "order-" + runId + "-3");
    try (Producer producer =
        Producer.builder().namesrvAddr(namesrv).group("ordered_producer").build()) {
      for (String step : STEPS) {
        for (String order : orders) {
          Message m = new Message(TOPIC, step, order, step.getBytes(StandardCharsets.UTF_8));
          producer.send(m, new SelectMessageQueueByHash(), order);
        }
      }
    }
    Map<String, List<String>> seen = new ConcurrentHashMap<>();
    CountDownLatch done = new CountDownLatch(orders.size() * STEPS.size());
    try (PushConsumer consumer =
        PushConsumer.builder()
            .namesrvAddr(namesrv)
            .group("ordered_consumer_" + runId)
            .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
            .subscribe(TOPIC, "*")
            .orderlyListener(
                (messages, queue) -> {
                  for (MessageExt m : messages) {
                    if (orders.contains(m.getKeys())) {
                      String step = new String(m.getBody(), StandardCharsets.UTF_8);
                      seen.computeIfAbsent(m.getKeys(), k -> new ArrayList<>()).add(step);
                      System.out.printf("queue %d: %s %s%n", queue.queueId(), m.getKeys(), step);
                      done.countDown();
                    }
                  }
                  return OrderlyStatus.SUCCESS;
                })
            .build()) {
      done.await(60, TimeUnit.SECONDS);
    }
    boolean inOrder = orders.stream().allMatch(o -> STEPS.equals(seen.get(o)));
    System.out.println(inOrder ? "every order arrived in order" : "orders incomplete: " + seen);
    System.exit(inOrder ? 0 : 1);
  }
}
