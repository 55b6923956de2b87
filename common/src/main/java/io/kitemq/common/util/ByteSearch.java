package io.kitemq.common.util;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds bytes in arrays eight at a time: a word holds a byte equal to {@code b} exactly when {@code
 * word ^ (b repeated)} holds a zero byte, and the lowest zero byte of a little-endian word is the
 * first in memory. Used on every property string a broker stores or a client sends, where values
 * (32-character ids, keys) are long enough that a byte loop shows in profiles. The word primitives
 * ({@link #word}, {@link #repeated}, {@link #zeroBytes}, {@link #bytesBelow}, {@link #highBytes},
 * {@link #firstMarked}) are public for scans with other stop sets. Stateless.
 */
public final class ByteSearch {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long LOW_BITS = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  private ByteSearch() {}

  /** The index of the first {@code b} in {@code bytes[from, to)}, or {@code to}. */
  public static int indexOf(byte[] bytes, byte b, int from, int to) {
    long pattern = repeated(b);
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long zeros = zeroBytes(word(bytes, i) ^ pattern);
      if (zeros != 0) {
        return i + firstMarked(zeros);
      }
    }
    for (; i < to; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return to;
  }

  /** The index of the first {@code x} or {@code y} in {@code bytes[from, to)}, or {@code to}. */
  public static int indexOfEither(byte[] bytes, byte x, byte y, int from, int to) {
    long px = repeated(x);
    long py = repeated(y);
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long w = word(bytes, i);
      // A false mark only ever sits above a true one of the same pattern, so the lowest mark of
      // the two together is a true match.
      long zeros = zeroBytes(w ^ px) | zeroBytes(w ^ py);
      if (zeros != 0) {
        return i + firstMarked(zeros);
      }
    }
    for (; i < to; i++) {
      if (bytes[i] == x || bytes[i] == y) {
        return i;
      }
    }
    return to;
  }

  /** Whether {@code bytes} holds an {@code x} or a {@code y}. */
  public static boolean containsEither(byte[] bytes, byte x, byte y) {
    return indexOfEither(bytes, x, y, 0, bytes.length) < bytes.length;
  }

  /** The eight bytes at {@code i}, the first in the lowest byte. */
  public static long word(byte[] bytes, int i) {
    return (long) LONGS.get(bytes, i);
  }

  /** {@code b} in each of the eight bytes. */
  public static long repeated(byte b) {
    return LOW_BITS * (b & 0xff);
  }

  /**
   * The high bit of each byte of {@code v} that is zero, and possibly of bytes above one (a
   * borrow): the lowest mark is always a true one.
   */
  public static long zeroBytes(long v) {
    return (v - LOW_BITS) & ~v & HIGH_BITS;
  }

  /**
   * The high bit of each byte of {@code v} below {@code n} (at most 0x80) that is itself below
   * 0x80, and possibly of bytes above one: the lowest mark is always a true one.
   */
  public static long bytesBelow(long v, int n) {
    return (v - LOW_BITS * n) & ~v & HIGH_BITS;
  }

  /** The high bit of each byte of {@code v} that is 0x80 or above. */
  public static long highBytes(long v) {
    return v & HIGH_BITS;
  }

  /** The index, 0 to 7, of the first byte marked in {@code marks} (not zero). */
  public static int firstMarked(long marks) {
    return Long.numberOfTrailingZeros(marks) >>> 3;
  }
}
