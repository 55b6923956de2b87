package io.kitemq.common.compression;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Zstandard frame format through zstd-jni. */
final class ZstdCompressor extends StreamCodec {

  static final ZstdCompressor INSTANCE = new ZstdCompressor();

  private ZstdCompressor() {}

  @Override
  public CompressionType type() {
    return CompressionType.ZSTD;
  }

  @Override
  OutputStream compressing(OutputStream sink, int level) throws IOException {
    return new ZstdOutputStream(sink, level);
  }

  @Override
  InputStream decompressing(InputStream source) throws IOException {
    return new ZstdInputStream(source);
  }
}
