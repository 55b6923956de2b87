package io.kitemq.common.message;

/**
 * Verdict on the bytes at one commit-log position, as recovery needs it: is there a message, the
 * end-of-file blank marker, nothing written yet, or garbage; how long is it; does its body match
 * its CRC. Produced by {@link StoredMessageDecoder#peek}. Immutable.
 *
 * @param kind what the bytes are
 * @param totalSize TOTALSIZE as read (for {@link Kind#BLANK}: the bytes to skip to the file end); 0
 *     when not even 4 bytes were readable
 * @param version the record version of a {@link Kind#MESSAGE}, else null
 * @param bodyCrc result of the body CRC check
 * @param problem why the bytes are {@link Kind#INVALID}, else null
 */
public record RecordCheck(
    Kind kind, int totalSize, MessageVersion version, BodyCrc bodyCrc, String problem) {

  /** What was found at the position. */
  public enum Kind {
    /** A structurally valid message record. */
    MESSAGE,
    /** The end-of-file blank marker (MAGICCODE 0xCBD43194). */
    BLANK,
    /** TOTALSIZE and MAGICCODE both zero: nothing was written here. */
    EMPTY,
    /** Truncated, inconsistent, or an unknown magic code; see {@link #problem()}. */
    INVALID
  }

  /** Outcome of the body CRC check. */
  public enum BodyCrc {
    MATCHES,
    MISMATCH,
    NOT_CHECKED
  }

  /** A message record whose CRC matched or was not checked. */
  public boolean isGoodMessage() {
    return kind == Kind.MESSAGE && bodyCrc != BodyCrc.MISMATCH;
  }
}
