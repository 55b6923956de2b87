package io.kitemq.client.consumer;

import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.MessageQueue;
import java.util.List;

/** Consumes each queue's messages in queue order, one thread per queue at a time. */
@FunctionalInterface
public interface MessageListenerOrderly {

  /**
   * @return the outcome; throwing counts as {@link OrderlyStatus#SUSPEND_CURRENT_QUEUE_A_MOMENT}
   */
  OrderlyStatus consume(List<MessageExt> messages, MessageQueue queue);
}
