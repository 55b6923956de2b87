package io.kitemq.remoting.protocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds where a run of plain JSON string text ends, eight bytes a step: at a quote, a backslash, a
 * control character or a byte of a multi-byte UTF-8 character. A batch's send answer carries its 64
 * message ids in one 2 KiB string, written by the broker and read by the producer, and a byte loop
 * over it showed in both profiles. Stateless.
 */
final class JsonText {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long LOW_BITS = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long CONTROL_LIMIT = LOW_BITS * 0x20;
  private static final long QUOTES = LOW_BITS * '"';
  private static final long BACKSLASHES = LOW_BITS * '\\';

  private JsonText() {}

  /**
   * The index of the first byte in {@code bytes[from, to)} that a plain string run cannot hold
   * ({@code "}, {@code \}, below 0x20, 0x80 and above), or {@code to}.
   */
  static int plainRunEnd(byte[] bytes, int from, int to) {
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long w = (long) LONGS.get(bytes, i);
      long quotes = w ^ QUOTES;
      long backslashes = w ^ BACKSLASHES;
      // Per byte: high bit set; below 0x20 ((w - 0x20) & ~w); equal to a quote or backslash (a zero
      // byte after the xor). A borrow can mark a byte only above a truly marked one, so the lowest
      // mark is a true stop.
      long marks =
          w
              | ((w - CONTROL_LIMIT) & ~w)
              | ((quotes - LOW_BITS) & ~quotes)
              | ((backslashes - LOW_BITS) & ~backslashes);
      marks &= HIGH_BITS;
      if (marks != 0) {
        return i + (Long.numberOfTrailingZeros(marks) >>> 3);
      }
    }
    for (; i < to; i++) {
      byte c = bytes[i];
      if (c < 0x20 || c == '"' || c == '\\') { // negative: 0x80 and above
        return i;
      }
    }
    return to;
  }
}
