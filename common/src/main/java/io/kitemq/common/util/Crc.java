package io.kitemq.common.util;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * The body checksum RocketMQ stores and checks: IEEE CRC-32 (as zlib computes it) with the sign bit
 * cleared, so that it always fits a non-negative Java int.
 *
 * <p>Each call takes a fresh {@link CRC32}: it is one int of state that escape analysis keeps off
 * the heap, where a thread-local one cost a map lookup per message.
 */
public final class Crc {

  private Crc() {}

  public static int crc32(byte[] bytes) {
    return crc32(bytes, 0, bytes.length);
  }

  public static int crc32(byte[] bytes, int offset, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, offset, length);
    return (int) (crc.getValue() & 0x7FFFFFFF);
  }

  /** Checksums the remaining bytes of {@code buffer} without moving its position. */
  public static int crc32(ByteBuffer buffer) {
    CRC32 crc = new CRC32();
    crc.update(buffer.duplicate());
    return (int) (crc.getValue() & 0x7FFFFFFF);
  }

  /**
   * Checksums {@code length} bytes of {@code buffer} from absolute {@code position} without moving
   * its position or limit and without copying the bytes.
   */
  public static int crc32(ByteBuffer buffer, int position, int length) {
    ByteBuffer view = buffer.duplicate();
    view.limit(position + length).position(position);
    CRC32 crc = new CRC32();
    crc.update(view);
    return (int) (crc.getValue() & 0x7FFFFFFF);
  }
}
