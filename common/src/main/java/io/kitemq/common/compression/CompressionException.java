package io.kitemq.common.compression;

/** A body could not be compressed or decompressed (corrupt, truncated, too large, unknown type). */
public class CompressionException extends RuntimeException {

  public CompressionException(String message) {
    super(message);
  }

  public CompressionException(String message, Throwable cause) {
    super(message, cause);
  }
}
