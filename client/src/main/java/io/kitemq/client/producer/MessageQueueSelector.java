package io.kitemq.client.producer;

import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageQueue;
import java.util.List;

/** Picks the queue of a message, e.g. to keep all messages of one key in order in one queue. */
@FunctionalInterface
public interface MessageQueueSelector {

  /**
   * @param queues the topic's writable queues, sorted (never empty)
   * @param message the message being sent
   * @param arg the argument given to the send call
   */
  MessageQueue select(List<MessageQueue> queues, Message message, Object arg);
}
