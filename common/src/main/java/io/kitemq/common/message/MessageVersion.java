package io.kitemq.common.message;

/**
 * The record format versions a commit-log record can carry, told apart by MAGICCODE. They differ
 * only in the width of the TOPIC LENGTH field: 1 signed byte in V1 (topics up to 127 bytes), 2
 * signed bytes in V2 (up to 32767). Writers pick V1 unless the topic needs V2.
 */
public enum MessageVersion {
  V1(0xDAA320A7, 1, Byte.MAX_VALUE),
  V2(0xDAA320AB, 2, Short.MAX_VALUE);

  /** MAGICCODE of the blank record that fills the end of a commit-log file. */
  public static final int BLANK_MAGIC_CODE = 0xCBD43194;

  private final int magicCode;
  private final int topicLengthSize;
  private final int maxTopicLength;

  MessageVersion(int magicCode, int topicLengthSize, int maxTopicLength) {
    this.magicCode = magicCode;
    this.topicLengthSize = topicLengthSize;
    this.maxTopicLength = maxTopicLength;
  }

  public int magicCode() {
    return magicCode;
  }

  /** Width in bytes of the TOPIC LENGTH field. */
  public int topicLengthSize() {
    return topicLengthSize;
  }

  /** Longest topic, in UTF-8 bytes, this version can carry. */
  public int maxTopicLength() {
    return maxTopicLength;
  }

  /** The version with this magic code, or {@code null} if it is none (blank or garbage). */
  public static MessageVersion ofMagicCode(int magicCode) {
    if (magicCode == V1.magicCode) {
      return V1;
    }
    if (magicCode == V2.magicCode) {
      return V2;
    }
    return null;
  }

  /** The version the broker writes for a topic of {@code topicByteLength} UTF-8 bytes. */
  public static MessageVersion forTopicLength(int topicByteLength) {
    return topicByteLength > V1.maxTopicLength ? V2 : V1;
  }
}
