package io.kitemq.examples.advanced;

import io.kitemq.client.consumer.ConsumeFromWhere;
import io.kitemq.client.consumer.ConsumeStatus;
import io.kitemq.client.consumer.PushConsumer;
import io.kitemq.client.producer.Producer;
import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageExt;
import io.kitemq.examples.Examples;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tag filtering: messages tagged TagA, TagB and TagC are sent; a consumer subscribed with {@code
 * "TagA || TagC"} receives only those two tags (the broker filters by tag hash, the client by the
 * tag itself). Exits 0 when it received exactly the TagA and TagC messages.
 *
 * <p>Arguments: {@code [namesrv]}.
 */
public final class TagFilter {

  private static final String TOPIC = "TagFilterTopic";
  private static final List<String> TAGS = List.of("TagA", "TagB", "TagC");

  private TagFilter() {}

  public static void main(String[] args) throws Exception {
    String namesrv = Examples.namesrv(args);
    String runId = Long.toString(System.currentTimeMillis(), 36);
    int perTag = 3;
    try (Producer producer =
        Producer.builder().namesrvAddr(namesrv).group("filter_producer").build()) {
      for (int i = 0; i < perTag; i++) {
        for (String tag : TAGS) {
          String body = runId + " " + tag + " #" + i;
          producer.send(new Message(TOPIC, tag, null, body.getBytes(StandardCharsets.UTF_8)));
        }
      }
    }
    Set<String> received = ConcurrentHashMap.newKeySet();
    CountDownLatch wanted = new CountDownLatch(2 * perTag);
    try (PushConsumer consumer =
        PushConsumer.builder()
            .namesrvAddr(namesrv)
            .group("filter_consumer_" + runId)
            .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
            .subscribe(TOPIC, "TagA || TagC")
            .listener(
                (messages, queue) -> {
                  for (MessageExt m : messages) {
                    String body = new String(m.getBody(), StandardCharsets.UTF_8);
                    if (body.startsWith(runId) && received.add(body)) {
                      System.out.println("received [" + m.getTags() + "] " + body);
                      wanted.countDown();
                    }
                  }
                  return ConsumeStatus.CONSUME_SUCCESS;
                })
            .build()) {
      wanted.await(60, TimeUnit.SECONDS);
    }
    boolean ok =
        received.size() == 2 * perTag && received.stream().noneMatch(b -> b.contains("TagB"));
    System.out.println(ok ? "only TagA and TagC arrived" : "unexpected: " + received);
    System.exit(ok ? 0 : 1);
  }
}
