package io.kitemq.common.message;

/**
 * Bits of a stored message's {@code SYSFLAG} field.
 *
 * <pre>
 * bit:    10..8             7            6            5           4          3..2          1           0
 *       compression type  INNER_BATCH  NEED_UNWRAP  STOREHOST6  BORNHOST6  transaction  MULTI_TAGS  COMPRESSED
 * </pre>
 *
 * <p>Transaction type is {@code flag & 0xC}; compression type is {@code (flag & 0x700) >> 8} where
 * 0 and 3 both mean ZLIB. Stateless and thread-safe.
 */
public final class MessageSysFlag {

  public static final int COMPRESSED_FLAG = 0x1;
  public static final int MULTI_TAGS_FLAG = 0x1 << 1;
  public static final int TRANSACTION_NOT_TYPE = 0;
  public static final int TRANSACTION_PREPARED_TYPE = 0x1 << 2;
  public static final int TRANSACTION_COMMIT_TYPE = 0x2 << 2;
  public static final int TRANSACTION_ROLLBACK_TYPE = 0x3 << 2;
  public static final int BORNHOST_V6_FLAG = 0x1 << 4;
  public static final int STOREHOSTADDRESS_V6_FLAG = 0x1 << 5;
  public static final int NEED_UNWRAP_FLAG = 0x1 << 6;
  public static final int INNER_BATCH_FLAG = 0x1 << 7;
  public static final int COMPRESSION_LZ4_TYPE = 0x1 << 8;
  public static final int COMPRESSION_ZSTD_TYPE = 0x2 << 8;
  public static final int COMPRESSION_ZLIB_TYPE = 0x3 << 8;
  public static final int COMPRESSION_TYPE_COMPARATOR = 0x7 << 8;

  private static final int TRANSACTION_MASK = TRANSACTION_ROLLBACK_TYPE;

  private MessageSysFlag() {}

  /** The transaction type bits: one of the {@code TRANSACTION_*_TYPE} values. */
  public static int transactionType(int flag) {
    return flag & TRANSACTION_MASK;
  }

  /** {@code flag} with its transaction type replaced by {@code type}. */
  public static int withTransactionType(int flag, int type) {
    if ((type & ~TRANSACTION_MASK) != 0) {
      throw new IllegalArgumentException("not a transaction type: 0x" + Integer.toHexString(type));
    }
    return (flag & ~TRANSACTION_MASK) | type;
  }

  public static boolean isCompressed(int flag) {
    return (flag & COMPRESSED_FLAG) != 0;
  }

  public static int clearCompressed(int flag) {
    return flag & ~COMPRESSED_FLAG;
  }

  /** The raw 3-bit compression type value ({@code (flag & 0x700) >> 8}). */
  public static int compressionTypeValue(int flag) {
    return (flag & COMPRESSION_TYPE_COMPARATOR) >> 8;
  }

  public static boolean isBornHostV6(int flag) {
    return (flag & BORNHOST_V6_FLAG) != 0;
  }

  public static boolean isStoreHostV6(int flag) {
    return (flag & STOREHOSTADDRESS_V6_FLAG) != 0;
  }

  /** Bytes taken by BORNHOST for this flag: 8 (IPv4 + port) or 20 (IPv6 + port). */
  public static int bornHostLength(int flag) {
    return isBornHostV6(flag) ? 20 : 8;
  }

  /** Bytes taken by STOREHOSTADDRESS for this flag: 8 (IPv4 + port) or 20 (IPv6 + port). */
  public static int storeHostLength(int flag) {
    return isStoreHostV6(flag) ? 20 : 8;
  }

  /** {@code flag} with the two host-family bits set to match the given address families. */
  public static int withHostFlags(int flag, boolean bornHostV6, boolean storeHostV6) {
    int f = flag & ~(BORNHOST_V6_FLAG | STOREHOSTADDRESS_V6_FLAG);
    if (bornHostV6) {
      f |= BORNHOST_V6_FLAG;
    }
    if (storeHostV6) {
      f |= STOREHOSTADDRESS_V6_FLAG;
    }
    return f;
  }

  /** Whether any bit of {@code expected} is set in {@code flag}. */
  public static boolean check(int flag, int expected) {
    return (flag & expected) != 0;
  }
}
