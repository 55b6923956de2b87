package io.kitemq.common.compression;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Shared plumbing: compress through an {@link OutputStream} filter, decompress through an {@link
 * InputStream} filter with an output cap.
 */
abstract class StreamCodec implements Compressor {

  /** Wraps {@code sink} in the algorithm's compressing stream. */
  abstract OutputStream compressing(OutputStream sink, int level) throws IOException;

  /** Wraps {@code source} in the algorithm's decompressing stream. */
  abstract InputStream decompressing(InputStream source) throws IOException;

  @Override
  public byte[] compress(byte[] src, int level) {
    ByteArrayOutputStream sink = new ByteArrayOutputStream(Math.max(64, src.length / 2));
    try (OutputStream out = compressing(sink, level)) {
      out.write(src);
    } catch (IOException | IllegalArgumentException e) {
      throw new CompressionException(type() + " compression failed at level " + level, e);
    }
    return sink.toByteArray();
  }

  @Override
  public byte[] decompress(byte[] src, int maxLength) {
    ByteArrayOutputStream sink =
        new ByteArrayOutputStream((int) Math.min(maxLength, Math.min(src.length * 4L, 1 << 20)));
    byte[] chunk = new byte[Math.min(64 * 1024, Math.max(512, src.length * 2))];
    try (InputStream in = decompressing(new ByteArrayInputStream(src))) {
      int n;
      while ((n = in.read(chunk)) > 0) {
        if (sink.size() + (long) n > maxLength) {
          throw new CompressionException(
              type() + " body inflates past the limit of " + maxLength + " bytes");
        }
        sink.write(chunk, 0, n);
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof CompressionException) {
        throw (CompressionException) e;
      }
      throw new CompressionException(
          "corrupt or truncated " + type() + " body of " + src.length + " bytes", e);
    }
    return sink.toByteArray();
  }
}
