package io.kitemq.client.consumer;

import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.MessageQueue;
import java.util.List;

/** Consumes messages on many threads at once, in no particular order. */
@FunctionalInterface
public interface MessageListenerConcurrently {

  /**
   * @param messages one or more messages of {@code queue} (topic restored for retried messages)
   * @return the outcome; throwing counts as {@link ConsumeStatus#RECONSUME_LATER}
   */
  ConsumeStatus consume(List<MessageExt> messages, MessageQueue queue);
}
