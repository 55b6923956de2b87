package io.kitemq.common.message;

/**
 * Encoded message bytes are malformed: truncated, a length that does not fit, a bad magic code.
 * Carries the absolute buffer offset of the record and the field that failed, so a log line can
 * point at the bad bytes.
 */
public class MessageDecodeException extends RuntimeException {

  private final long offset;
  private final String field;

  public MessageDecodeException(long offset, String field, String reason) {
    super("malformed message at offset " + offset + ", field " + field + ": " + reason);
    this.offset = offset;
    this.field = field;
  }

  public MessageDecodeException(long offset, String field, String reason, Throwable cause) {
    super("malformed message at offset " + offset + ", field " + field + ": " + reason, cause);
    this.offset = offset;
    this.field = field;
  }

  /** Absolute position in the decoded buffer where the failing record (or property) starts. */
  public long offset() {
    return offset;
  }

  /** Name of the field that could not be read, e.g. {@code BODY LENGTH}. */
  public String field() {
    return field;
  }
}
