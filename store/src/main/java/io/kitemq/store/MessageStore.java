package io.kitemq.store;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The broker's storage engine: commit log, consume queues, index, flush, recovery and retention.
 * Knows nothing of the network. Obtain one from {@link DefaultMessageStore}.
 *
 * <p>Thread-safe: appends from any number of threads (serialized by one short writer lock), reads
 * from any number of threads concurrently.
 */
public interface MessageStore extends AutoCloseable {

  /**
   * Recovers the files (scanning the tail after a crash) and starts the flush and service threads.
   */
  void start();

  /** Flushes everything, records a clean shutdown and stops the threads. Idempotent. */
  void shutdown();

  @Override
  default void close() {
    shutdown();
  }

  /**
   * Appends one message. The future completes with PUT_OK once the message is durable by the
   * configured rule (at once for ASYNC_FLUSH; after a group-commit fsync for SYNC_FLUSH, or with
   * FLUSH_DISK_TIMEOUT after syncFlushTimeout), or at once with the reason it was refused. It is
   * visible to pulls as soon as the future exists.
   */
  CompletableFuture<AppendResult> append(AppendRequest request);

  /**
   * Appends the inner messages of a batch (same topic and queue) as consecutive records with
   * consecutive queue offsets, in one write.
   */
  CompletableFuture<AppendResult> appendBatch(List<AppendRequest> batch);

  /**
   * Reads up to {@code maxMsgNums} messages / {@code maxBytes} bytes from {@code offset} of a
   * queue, filtered. The caller must release the result.
   *
   * @param group the consumer group (reserved for per-group policies; may be null)
   */
  GetMessageResult getMessages(
      String group,
      String topic,
      int queueId,
      long offset,
      int maxMsgNums,
      int maxBytes,
      MessageFilter filter);

  /** Queue offset the next message of the queue will get (0 for an unknown queue). */
  long getMaxOffset(String topic, int queueId);

  /** First queue offset still readable (0 for an unknown queue). */
  long getMinOffset(String topic, int queueId);

  /** First queue offset stored at or after {@code timestamp}; the max offset if none. */
  long getOffsetByTime(String topic, int queueId, long timestamp);

  /** Store time of the earliest message still in the queue, or -1. */
  long getEarliestMessageTime(String topic, int queueId);

  /** Store time of the message at a queue offset, or -1 if it is not stored. */
  long getMessageStoreTimestamp(String topic, int queueId, long queueOffset);

  /** The record at a commit-log offset (view by id), or null; release it after use. */
  MessageSlice lookMessageByOffset(long commitLogOffset);

  /**
   * Messages of {@code topic} indexed under {@code key} (a KEYS word or a UNIQ_KEY), stored within
   * [begin, end] ms, newest first, at most {@code maxNum}.
   */
  QueryMessageResult queryMessage(String topic, String key, int maxNum, long begin, long end);

  /** Deletes the consume queues of the topics (the commit-log records age out normally). */
  void deleteTopics(Set<String> topics);

  /** Commit-log offset of the first byte still stored. */
  long getMinPhyOffset();

  /** Commit-log offset just past the last record. */
  long getMaxPhyOffset();

  /** Registers the listener told about each stored message (replaces the previous one). */
  void setArrivalListener(MessageArrivalListener listener);
}
