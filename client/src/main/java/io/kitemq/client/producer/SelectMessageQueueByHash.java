package io.kitemq.client.producer;

import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageQueue;
import java.util.List;

/** Picks queue {@code |arg.hashCode()| mod n}: the same key always lands in the same queue. */
public final class SelectMessageQueueByHash implements MessageQueueSelector {

  @Override
  public MessageQueue select(List<MessageQueue> queues, Message message, Object arg) {
    return queues.get(Math.floorMod(arg.hashCode(), queues.size()));
  }
}
