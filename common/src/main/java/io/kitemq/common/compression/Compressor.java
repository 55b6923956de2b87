package io.kitemq.common.compression;

/**
 * One body compression algorithm, producing the same stream format the RocketMQ client uses so
 * either side can read the other's bodies. Implementations are stateless and thread-safe.
 */
public interface Compressor {

  CompressionType type();

  /**
   * Compresses {@code src} at {@code level} (ignored by LZ4).
   *
   * @throws CompressionException if the level is invalid for the algorithm
   */
  byte[] compress(byte[] src, int level);

  /**
   * Decompresses {@code src}, refusing to produce more than {@code maxLength} bytes (a guard
   * against bodies that inflate without bound).
   *
   * @throws CompressionException if {@code src} is corrupt or truncated, or inflates past {@code
   *     maxLength}
   */
  byte[] decompress(byte[] src, int maxLength);

  /** The compressor of {@code type}. */
  static Compressor of(CompressionType type) {
    switch (type) {
      case ZLIB:
        return ZlibCompressor.INSTANCE;
      case LZ4:
        return Lz4Compressor.INSTANCE;
      case ZSTD:
        return ZstdCompressor.INSTANCE;
      default:
        throw new CompressionException("no compressor for " + type);
    }
  }
}
