package io.kitemq.common.compression;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;

/** LZ4 frame format with lz4-java's defaults (the level is ignored, as RocketMQ does). */
final class Lz4Compressor extends StreamCodec {

  static final Lz4Compressor INSTANCE = new Lz4Compressor();

  private Lz4Compressor() {}

  @Override
  public CompressionType type() {
    return CompressionType.LZ4;
  }

  @Override
  OutputStream compressing(OutputStream sink, int level) throws IOException {
    return new LZ4FrameOutputStream(sink);
  }

  @Override
  InputStream decompressing(InputStream source) throws IOException {
    return new LZ4FrameInputStream(source);
  }
}
