package io.kitemq.examples.advanced;

import io.kitemq.client.producer.Producer;
import io.kitemq.client.producer.SendResult;
import io.kitemq.common.message.Message;
import io.kitemq.examples.Examples;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends a batch of messages in one request: they are stored together in one queue, with consecutive
 * offsets. Prints the batch's ids and first offset.
 *
 * <p>Arguments: {@code [namesrv] [batch size]} (default 16). All messages of a batch must share the
 * topic and must not be delayed; the whole batch must fit the broker's maximum message size.
 */
public final class BatchProducer {

  private BatchProducer() {}

  public static void main(String[] args) throws Exception {
    int size = Examples.count(args, 1, 16);
    List<Message> batch = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      batch.add(
          new Message(
              "BatchTopic",
              "TagA",
              "batch-" + i,
              ("batch item " + i).getBytes(StandardCharsets.UTF_8)));
    }
    try (Producer producer =
        Producer.builder().namesrvAddr(Examples.namesrv(args)).group("batch_producer").build()) {
      SendResult result = producer.sendBatch(batch);
      System.out.printf(
          "%s: %d messages to queue %s:%d from offset %d%nids: %s%n",
          result.status(),
          size,
          result.queue().brokerName(),
          result.queue().queueId(),
          result.queueOffset(),
          result.msgId());
    }
  }
}
