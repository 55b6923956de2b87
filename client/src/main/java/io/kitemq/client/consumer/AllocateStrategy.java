package io.kitemq.client.consumer;

import io.kitemq.common.message.MessageQueue;
import java.util.List;

/**
 * Splits a topic's queues among the members of a group. Every member runs the same strategy on the
 * same sorted inputs, so together they own each queue exactly once. Implementations are stateless
 * and thread-safe.
 */
public interface AllocateStrategy {

  /**
   * @param currentId this member's client id
   * @param queues all queues, sorted
   * @param memberIds all members' client ids, sorted (contains {@code currentId})
   * @return the queues this member owns
   */
  List<MessageQueue> allocate(String currentId, List<MessageQueue> queues, List<String> memberIds);

  String name();
}
