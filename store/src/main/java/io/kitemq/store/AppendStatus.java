package io.kitemq.store;

/** Outcome of an append (names follow RocketMQ's PutMessageStatus where one exists). */
public enum AppendStatus {
  /** Stored (and, under SYNC_FLUSH, forced to disk). */
  PUT_OK,
  /** Stored, but the group-commit fsync did not cover it within syncFlushTimeout. */
  FLUSH_DISK_TIMEOUT,
  /** Refused: disk usage is above diskSpaceWarningLevelRatio. Nothing was written. */
  DISK_FULL,
  /** Refused: body larger than maxMessageSize, or the record cannot be encoded. */
  MESSAGE_ILLEGAL,
  /** Refused: the properties are longer than 32767 bytes. */
  PROPERTIES_SIZE_EXCEEDED,
  /** Refused: the store is not running. */
  SERVICE_NOT_AVAILABLE,
  /** Refused: a new commit-log segment (or index file) could not be created. */
  CREATE_MAPPED_FILE_FAILED,
  /** Failed for an unexpected reason (logged); messages of a batch before the failure may stay. */
  UNKNOWN_ERROR
}
