package io.kitemq.client.internal;

import io.kitemq.client.ClientOptions;
import io.kitemq.client.consumer.AllocateStrategy;
import io.kitemq.client.consumer.ConsumeFromWhere;
import io.kitemq.client.consumer.MessageListenerConcurrently;
import io.kitemq.client.consumer.MessageListenerOrderly;
import io.kitemq.client.consumer.MessageModel;
import java.nio.file.Path;
import java.util.Map;

/**
 * Validated push-consumer settings; exactly one of the two listeners is set.
 *
 * @param subscriptions topic to expression, in subscription order
 * @param consumeTimestamp start time for CONSUME_FROM_TIMESTAMP (epoch ms)
 * @param offsetDir where broadcasting offsets are kept
 * @param suspendMillis pause of an orderly queue after SUSPEND_CURRENT_QUEUE_A_MOMENT
 */
public record ConsumerConfig(
    ClientOptions client,
    String group,
    MessageModel model,
    ConsumeFromWhere consumeFromWhere,
    long consumeTimestamp,
    Map<String, TagExpression> subscriptions,
    int consumeThreads,
    int pullBatchSize,
    int maxCachedMessagesPerQueue,
    long maxCachedBytesPerQueue,
    MessageListenerConcurrently concurrently,
    MessageListenerOrderly orderly,
    AllocateStrategy allocateStrategy,
    Path offsetDir,
    int maxReconsumeTimes,
    long suspendMillis) {

  public ConsumerConfig {
    subscriptions = Map.copyOf(subscriptions);
  }

  boolean isOrderly() {
    return orderly != null;
  }
}
