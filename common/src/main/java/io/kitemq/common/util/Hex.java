package io.kitemq.common.util;

/** Upper-case hexadecimal, the way RocketMQ spells message ids. Stateless and thread-safe. */
public final class Hex {

  private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

  private Hex() {}

  /** {@code bytes} as upper-case hex, two chars per byte. */
  public static String encode(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      int v = bytes[i] & 0xFF;
      out[i * 2] = DIGITS[v >>> 4];
      out[i * 2 + 1] = DIGITS[v & 0x0F];
    }
    return new String(out);
  }

  /** Writes {@code value} as 2 hex chars at {@code pos}. */
  public static void writeByte(char[] out, int pos, byte value) {
    out[pos] = DIGITS[(value >>> 4) & 0x0F];
    out[pos + 1] = DIGITS[value & 0x0F];
  }

  /** Writes {@code value} as 8 hex chars at {@code pos}. */
  public static void writeInt(char[] out, int pos, int value) {
    for (int shift = 28; shift >= 0; shift -= 4) {
      out[pos++] = DIGITS[(value >>> shift) & 0x0F];
    }
  }

  /** Writes the low 16 bits of {@code value} as 4 hex chars at {@code pos}. */
  public static void writeShort(char[] out, int pos, int value) {
    for (int shift = 12; shift >= 0; shift -= 4) {
      out[pos++] = DIGITS[(value >>> shift) & 0x0F];
    }
  }

  /** Writes {@code value} as 16 hex chars at {@code pos}. */
  public static void writeLong(char[] out, int pos, long value) {
    for (int shift = 60; shift >= 0; shift -= 4) {
      out[pos++] = DIGITS[(int) (value >>> shift) & 0x0F];
    }
  }

  /**
   * Decodes hex (either case).
   *
   * @throws IllegalArgumentException if the length is odd or a char is not a hex digit
   */
  public static byte[] decode(CharSequence hex) {
    int len = hex.length();
    if ((len & 1) != 0) {
      throw new IllegalArgumentException("hex string has an odd length: " + len);
    }
    byte[] out = new byte[len / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) (digit(hex, i * 2) << 4 | digit(hex, i * 2 + 1));
    }
    return out;
  }

  private static int digit(CharSequence hex, int index) {
    int d = Character.digit(hex.charAt(index), 16);
    if (d < 0) {
      throw new IllegalArgumentException(
          "not a hex digit at index " + index + ": '" + hex.charAt(index) + "'");
    }
    return d;
  }
}
