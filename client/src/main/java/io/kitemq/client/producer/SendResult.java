package io.kitemq.client.producer;

import io.kitemq.common.message.MessageQueue;

/**
 * The outcome of a send.
 *
 * @param status how the broker stored it
 * @param msgId the message's UNIQ_KEY (for a batch: the keys joined with commas)
 * @param offsetMsgId the broker's id: store host and commit-log offset
 * @param queue the queue the message went to
 * @param queueOffset its offset in that queue (a batch: the first one's)
 */
public record SendResult(
    SendStatus status, String msgId, String offsetMsgId, MessageQueue queue, long queueOffset) {}
