package io.kitemq.store;

/**
 * Told about every message right after its consume-queue entry is written, so that a long-polling
 * service can wake the pulls waiting on that queue instead of polling. Called on the appending
 * thread, after the writer lock is released; it must be quick and must not block or throw.
 */
@FunctionalInterface
public interface MessageArrivalListener {

  /**
   * @param topic the topic of the stored message
   * @param queueId its queue
   * @param queueOffset the message's queue offset (the queue's max offset is this + 1)
   * @param tagsCode the tag hash code written in the consume queue
   * @param storeTimestamp the store time
   */
  void onArrival(String topic, int queueId, long queueOffset, long tagsCode, long storeTimestamp);
}
