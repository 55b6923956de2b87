package io.kitemq.store;

/**
 * When an append counts as durable: at once (page cache) or after a group-commit fsync covers it.
 */
public enum FlushDiskType {
  /** Acknowledge when the message is in the page cache; a flush thread forces it periodically. */
  ASYNC_FLUSH,
  /** Acknowledge only after an fsync covers the message (group commit, one fsync for many). */
  SYNC_FLUSH
}
