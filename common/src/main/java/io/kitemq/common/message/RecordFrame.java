package io.kitemq.common.message;

import java.nio.ByteBuffer;

/**
 * The validated outline of one stored record in a buffer: where each variable-length part starts
 * and how long it is. {@link #parse} checks every length against both the bytes left in the buffer
 * and the record's own TOTALSIZE before anything is read or allocated, so a truncated or lying
 * record fails here with a {@link MessageDecodeException} naming the field.
 *
 * <p>Reads the buffer with absolute gets only; one instance per parse, not thread-safe.
 */
final class RecordFrame {

  final int start;
  final int totalSize;
  final MessageVersion version;
  final int sysFlag;
  final int bodyPosition;
  final int bodyLength;
  final int topicPosition;
  final int topicLength;
  final int propertiesPosition;
  final int propertiesLength;

  private RecordFrame(
      int start,
      int totalSize,
      MessageVersion version,
      int sysFlag,
      int bodyPosition,
      int bodyLength,
      int topicPosition,
      int topicLength,
      int propertiesPosition,
      int propertiesLength) {
    this.start = start;
    this.totalSize = totalSize;
    this.version = version;
    this.sysFlag = sysFlag;
    this.bodyPosition = bodyPosition;
    this.bodyLength = bodyLength;
    this.topicPosition = topicPosition;
    this.topicLength = topicLength;
    this.propertiesPosition = propertiesPosition;
    this.propertiesLength = propertiesLength;
  }

  static RecordFrame parse(ByteBuffer buf, int start) {
    if (start < 0) {
      throw new IllegalArgumentException("negative record position " + start);
    }
    long avail = (long) buf.limit() - start;
    need(start, avail, 4, "TOTALSIZE");
    int total = buf.getInt(start);
    need(start, avail, 8, "MAGICCODE");
    int magic = buf.getInt(start + StoredMessageLayout.MAGIC_CODE_POSITION);
    MessageVersion version = MessageVersion.ofMagicCode(magic);
    if (version == null) {
      throw new MessageDecodeException(
          start,
          "MAGICCODE",
          magic == MessageVersion.BLANK_MAGIC_CODE
              ? "blank end-of-file marker, not a message"
              : String.format("unknown magic code 0x%08X", magic));
    }
    int minimum = StoredMessageLayout.fixedSize(0, version);
    if (total < minimum) {
      throw new MessageDecodeException(
          start, "TOTALSIZE", total + " is below the smallest possible record, " + minimum);
    }
    if (total > avail) {
      throw new MessageDecodeException(
          start, "TOTALSIZE", "record of " + total + " bytes but only " + avail + " bytes left");
    }
    int sysFlag = buf.getInt(start + StoredMessageLayout.SYS_FLAG_POSITION);
    int fixed = StoredMessageLayout.fixedSize(sysFlag, version);
    if (total < fixed) {
      throw new MessageDecodeException(
          start,
          "SYSFLAG",
          "its host fields need a record of at least " + fixed + " bytes, TOTALSIZE is " + total);
    }
    int end = start + total;
    int p = start + StoredMessageLayout.bodyLengthPosition(sysFlag);
    int bodyLength = buf.getInt(p);
    p += 4;
    int tls = version.topicLengthSize();
    check(start, bodyLength, end - p - tls - 2, "BODY LENGTH");
    int bodyPosition = p;
    p += bodyLength;
    int topicLength = tls == 1 ? buf.get(p) : buf.getShort(p);
    p += tls;
    check(start, topicLength, end - p - 2, "TOPIC LENGTH");
    int topicPosition = p;
    p += topicLength;
    int propertiesLength = buf.getShort(p);
    p += 2;
    check(start, propertiesLength, end - p, "PROPERTIES LENGTH");
    if (propertiesLength != end - p) {
      throw new MessageDecodeException(
          start,
          "TOTALSIZE",
          "parts add up to "
              + (total - (end - p - propertiesLength))
              + " bytes but TOTALSIZE is "
              + total);
    }
    return new RecordFrame(
        start,
        total,
        version,
        sysFlag,
        bodyPosition,
        bodyLength,
        topicPosition,
        topicLength,
        p,
        propertiesLength);
  }

  private static void need(int start, long avail, int bytes, String field) {
    if (avail < bytes) {
      throw new MessageDecodeException(
          start, field, "truncated: " + Math.max(avail, 0) + " bytes left, " + bytes + " needed");
    }
  }

  private static void check(int start, int length, int room, String field) {
    if (length < 0) {
      throw new MessageDecodeException(start, field, "negative length " + length);
    }
    if (length > room) {
      throw new MessageDecodeException(
          start, field, "length " + length + " exceeds the " + room + " bytes left in the record");
    }
  }
}
