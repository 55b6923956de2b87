package io.kitemq.client.consumer;

import io.kitemq.common.message.MessageExt;
import java.util.List;

/**
 * The answer to one pull.
 *
 * @param status what the broker found
 * @param nextBeginOffset the offset to pull next
 * @param minOffset the queue's smallest offset
 * @param maxOffset the queue's next offset to be written
 * @param messages the messages matching the expression (empty unless FOUND)
 */
public record PullResult(
    PullStatus status,
    long nextBeginOffset,
    long minOffset,
    long maxOffset,
    List<MessageExt> messages) {

  public PullResult {
    messages = List.copyOf(messages);
  }
}
