package io.kitemq.client.internal;

import io.kitemq.common.message.MessageQueue;

/**
 * The pulling state of one owned queue. The offsets are written by the pull thread only; the stats
 * are counted from the pull and consume threads.
 */
final class PullRequest {

  final MessageQueue queue;
  final ProcessQueue processQueue;
  final TopicStats stats;
  volatile long nextOffset;
  volatile long suggestedBrokerId;

  /**
   * The offset to pull again from, or -1: set when a batch that was already pulled past (the next
   * pull having gone out before it was decoded) could not be decoded.
   */
  volatile long rewindOffset = -1;

  PullRequest(MessageQueue queue, ProcessQueue processQueue, long nextOffset, TopicStats stats) {
    this.queue = queue;
    this.processQueue = processQueue;
    this.stats = stats;
    this.nextOffset = nextOffset;
  }
}
