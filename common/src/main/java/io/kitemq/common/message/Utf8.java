package io.kitemq.common.message;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Reads UTF-8 text at an absolute position of a heap or direct buffer without moving it. */
final class Utf8 {

  private Utf8() {}

  static String read(ByteBuffer buffer, int position, int length) {
    if (length == 0) {
      return "";
    }
    if (buffer.hasArray()) {
      return new String(
          buffer.array(), buffer.arrayOffset() + position, length, StandardCharsets.UTF_8);
    }
    byte[] bytes = new byte[length];
    buffer.get(position, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
