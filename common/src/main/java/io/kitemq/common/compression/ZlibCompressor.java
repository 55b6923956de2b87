package io.kitemq.common.compression;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/** ZLIB (RFC 1950: zlib header, deflate, Adler-32), as {@code java.util.zip} writes it. */
final class ZlibCompressor extends StreamCodec {

  static final ZlibCompressor INSTANCE = new ZlibCompressor();

  private ZlibCompressor() {}

  @Override
  public CompressionType type() {
    return CompressionType.ZLIB;
  }

  @Override
  OutputStream compressing(OutputStream sink, int level) {
    Deflater deflater = new Deflater(level);
    return new DeflaterOutputStream(sink, deflater) {
      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          deflater.end();
        }
      }
    };
  }

  @Override
  InputStream decompressing(InputStream source) {
    return new InflaterInputStream(source) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0 && !inf.finished()) {
          throw new EOFException("zlib stream ends before its end marker");
        }
        return n;
      }
    };
  }
}
