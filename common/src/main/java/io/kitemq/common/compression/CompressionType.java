package io.kitemq.common.compression;

import io.kitemq.common.message.MessageSysFlag;
import java.util.Locale;

/**
 * Body compression algorithms and their 3-bit code in SYSFLAG bits 8-10. Code 0 (messages from
 * clients older than the type bits) means ZLIB, like 3.
 */
public enum CompressionType {
  LZ4(1),
  ZSTD(2),
  ZLIB(3);

  private final int value;

  CompressionType(int value) {
    this.value = value;
  }

  /** The 3-bit code. */
  public int value() {
    return value;
  }

  /** The SYSFLAG bits naming this type ({@code value << 8}); OR with COMPRESSED_FLAG to mark. */
  public int sysFlagBits() {
    return value << 8;
  }

  /**
   * The type a 3-bit code names.
   *
   * @throws CompressionException if the code names no known algorithm (4..7)
   */
  public static CompressionType ofValue(int value) {
    switch (value) {
      case 0:
      case 3:
        return ZLIB;
      case 1:
        return LZ4;
      case 2:
        return ZSTD;
      default:
        throw new CompressionException("unknown compression type value " + value);
    }
  }

  /** The type a SYSFLAG names in bits 8-10 (whether or not COMPRESSED_FLAG is set). */
  public static CompressionType ofSysFlag(int sysFlag) {
    return ofValue(MessageSysFlag.compressionTypeValue(sysFlag));
  }

  /** Parses {@code LZ4}, {@code ZSTD} or {@code ZLIB}, any case, surrounding blanks ignored. */
  public static CompressionType ofName(String name) {
    String n = name.trim().toUpperCase(Locale.ROOT);
    for (CompressionType t : values()) {
      if (t.name().equals(n)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown compression type name '" + name + "'");
  }
}
