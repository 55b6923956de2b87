package io.kitemq.store;

/**
 * Outcome of a pull read (RocketMQ's GetMessageStatus names; the broker maps them to pull response
 * codes and decides the next begin offset from {@link GetMessageResult#nextBeginOffset()}).
 */
public enum GetMessageStatus {
  /** At least one message returned. */
  FOUND,
  /** Entries were scanned but the filter matched none of them. */
  NO_MATCHED_MESSAGE,
  /** Entries were scanned but their messages were deleted by retention in the meantime. */
  MESSAGE_WAS_REMOVING,
  /** The consume-queue file holding the offset is gone; next offset points at the next file. */
  OFFSET_FOUND_NULL,
  /** The offset is one past the last message (nothing new yet). */
  OFFSET_OVERFLOW_ONE,
  /** The offset is further past the end than one. */
  OFFSET_OVERFLOW_BADLY,
  /** The offset is below the queue's minimum (deleted by retention). */
  OFFSET_TOO_SMALL,
  /** The queue holds no message at all. */
  NO_MESSAGE_IN_QUEUE
}
