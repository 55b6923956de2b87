package io.kitemq.client.internal;

import io.kitemq.common.message.MessageQueue;

/** The pulling state of one owned queue. Fields are touched by the pull thread only. */
final class PullRequest {

  final MessageQueue queue;
  final ProcessQueue processQueue;
  volatile long nextOffset;
  volatile long suggestedBrokerId;

  PullRequest(MessageQueue queue, ProcessQueue processQueue, long nextOffset) {
    this.queue = queue;
    this.processQueue = processQueue;
    this.nextOffset = nextOffset;
  }
}
