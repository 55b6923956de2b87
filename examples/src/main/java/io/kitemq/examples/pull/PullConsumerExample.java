package io.kitemq.examples.pull;

import io.kitemq.client.consumer.PullConsumer;
import io.kitemq.client.consumer.PullResult;
import io.kitemq.client.consumer.PullStatus;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.MessageQueue;
import io.kitemq.examples.Examples;
import java.nio.charset.StandardCharsets;

/**
 * A pull consumer: the program picks the queues and offsets. Reads every queue of {@code TopicTest}
 * from the group's stored offset (or the start) to its end, prints the messages and stores the new
 * offsets, so the next run continues where this one stopped.
 *
 * <p>Arguments: {@code [namesrv]}.
 */
public final class PullConsumerExample {

  private PullConsumerExample() {}

  public static void main(String[] args) throws Exception {
    try (PullConsumer consumer =
        PullConsumer.builder()
            .namesrvAddr(Examples.namesrv(args))
            .group("example_pull_consumer")
            .build()) {
      for (MessageQueue queue : consumer.fetchSubscribeMessageQueues(Examples.TOPIC)) {
        long offset = Math.max(0, consumer.fetchConsumeOffset(queue));
        while (true) {
          PullResult result = consumer.pull(queue, "*", offset, 32);
          if (result.status() == PullStatus.OFFSET_ILLEGAL) {
            offset = result.nextBeginOffset();
            continue;
          }
          if (result.status() != PullStatus.FOUND) {
            break;
          }
          for (MessageExt m : result.messages()) {
            System.out.printf(
                "queue %d offset %d: %s%n",
                queue.queueId(),
                m.getQueueOffset(),
                new String(m.getBody(), StandardCharsets.UTF_8));
          }
          offset = result.nextBeginOffset();
        }
        consumer.updateConsumeOffset(queue, offset);
        System.out.printf("queue %d read up to offset %d%n", queue.queueId(), offset);
      }
    }
  }
}
