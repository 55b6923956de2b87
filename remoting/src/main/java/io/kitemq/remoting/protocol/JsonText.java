package io.kitemq.remoting.protocol;

import io.kitemq.common.util.ByteSearch;

/**
 * Finds where a run of plain JSON string text ends, eight bytes a step: at a quote, a backslash, a
 * control character or a byte of a multi-byte UTF-8 character. A batch's send answer carries its 64
 * message ids in one 2 KiB string, written by the broker and read by the producer, and a byte loop
 * over it showed in both profiles. Stateless.
 */
final class JsonText {

  private static final long QUOTES = ByteSearch.repeated((byte) '"');
  private static final long BACKSLASHES = ByteSearch.repeated((byte) '\\');

  private JsonText() {}

  /**
   * The index of the first byte in {@code bytes[from, to)} that a plain string run cannot hold
   * ({@code "}, {@code \}, below 0x20, 0x80 and above), or {@code to}.
   */
  static int plainRunEnd(byte[] bytes, int from, int to) {
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long w = ByteSearch.word(bytes, i);
      // The lowest mark of each kind is a true one, so the lowest of them all is a true stop.
      long marks =
          ByteSearch.highBytes(w)
              | ByteSearch.bytesBelow(w, 0x20)
              | ByteSearch.zeroBytes(w ^ QUOTES)
              | ByteSearch.zeroBytes(w ^ BACKSLASHES);
      if (marks != 0) {
        return i + ByteSearch.firstMarked(marks);
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
