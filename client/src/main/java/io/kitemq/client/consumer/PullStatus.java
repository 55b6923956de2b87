package io.kitemq.client.consumer;

/** Outcome of one pull. */
public enum PullStatus {
  /** Messages were found (some may have been filtered out by tag). */
  FOUND,
  /** Nothing at or after the offset yet. */
  NO_NEW_MSG,
  /** Messages were there but none matched the expression. */
  NO_MATCHED_MSG,
  /** The offset is outside the queue; restart from {@code nextBeginOffset}. */
  OFFSET_ILLEGAL
}
