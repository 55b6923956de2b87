package io.kitemq.common.message;

/**
 * Byte layout of one stored message record (commit-log record, and element of pull / query / view
 * response bodies). All integers big-endian.
 *
 * <pre>
 * pos  size     field
 *   0  4        TOTALSIZE          whole record, this field included
 *   4  4        MAGICCODE          V1 0xDAA320A7 / V2 0xDAA320AB (blank: 0xCBD43194)
 *   8  4        BODYCRC            masked CRC32 of the stored body
 *  12  4        QUEUEID
 *  16  4        FLAG               producer's flag
 *  20  8        QUEUEOFFSET
 *  28  8        PHYSICALOFFSET     commit-log offset of this record
 *  36  4        SYSFLAG            {@link MessageSysFlag}
 *  40  8        BORNTIMESTAMP
 *  48  8 | 20   BORNHOST           IPv4 (4) or IPv6 (16) address, then port (int)
 *   .  8        STORETIMESTAMP
 *   .  8 | 20   STOREHOST          IPv4 or IPv6 address, then port (int)
 *   .  4        RECONSUMETIMES
 *   .  8        PREPARED TX OFFSET
 *   .  4 + n    BODY LENGTH, BODY
 *   .  1|2 + n  TOPIC LENGTH (1 byte in V1, 2 in V2), TOPIC (UTF-8)
 *   .  2 + n    PROPERTIES LENGTH (signed short), PROPERTIES (UTF-8)
 * </pre>
 *
 * With IPv4 hosts and V1 the fixed part is 91 bytes. Stateless.
 */
public final class StoredMessageLayout {

  public static final int TOTAL_SIZE_POSITION = 0;
  public static final int MAGIC_CODE_POSITION = 4;
  public static final int BODY_CRC_POSITION = 8;
  public static final int QUEUE_ID_POSITION = 12;
  public static final int FLAG_POSITION = 16;
  public static final int QUEUE_OFFSET_POSITION = 20;
  public static final int PHYSICAL_OFFSET_POSITION = 28;
  public static final int SYS_FLAG_POSITION = 36;
  public static final int BORN_TIMESTAMP_POSITION = 40;
  public static final int BORN_HOST_POSITION = 48;

  /** Smallest possible record: V1, IPv4 hosts, empty body, topic and properties. */
  public static final int MIN_RECORD_SIZE = 91;

  /** Size of the end-of-file blank marker (TOTALSIZE + MAGICCODE). */
  public static final int BLANK_MARKER_SIZE = 8;

  private StoredMessageLayout() {}

  public static int storeTimestampPosition(int sysFlag) {
    return BORN_HOST_POSITION + MessageSysFlag.bornHostLength(sysFlag);
  }

  public static int storeHostPosition(int sysFlag) {
    return storeTimestampPosition(sysFlag) + 8;
  }

  public static int reconsumeTimesPosition(int sysFlag) {
    return storeHostPosition(sysFlag) + MessageSysFlag.storeHostLength(sysFlag);
  }

  public static int preparedTransactionOffsetPosition(int sysFlag) {
    return reconsumeTimesPosition(sysFlag) + 4;
  }

  public static int bodyLengthPosition(int sysFlag) {
    return preparedTransactionOffsetPosition(sysFlag) + 8;
  }

  /** Bytes of a record with empty body, topic and properties. */
  public static int fixedSize(int sysFlag, MessageVersion version) {
    return bodyLengthPosition(sysFlag) + 4 + version.topicLengthSize() + 2;
  }

  /**
   * TOTALSIZE of a record, as a long so that callers can reject sizes past {@code
   * Integer.MAX_VALUE}.
   */
  public static long recordSize(
      int sysFlag, MessageVersion version, int bodyLength, int topicLength, int propertiesLength) {
    return (long) fixedSize(sysFlag, version) + bodyLength + topicLength + propertiesLength;
  }
}
