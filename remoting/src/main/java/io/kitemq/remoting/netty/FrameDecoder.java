package io.kitemq.remoting.netty;

import io.kitemq.remoting.protocol.CommandCodec;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits the inbound byte stream into frames and decodes each into a {@link RemotingCommand}.
 *
 * <p>A frame is a 4-byte big-endian length (not counting itself, at most {@code maxFrameLength})
 * followed by that many bytes (see {@link CommandCodec}). Any bad input (negative or oversized
 * length, a header length beyond the frame, an unknown serialization type, a malformed header) is
 * logged once and the connection is closed; nothing is thrown into the pipeline and no further
 * bytes of that connection are decoded. A partial frame left when the peer closes is logged as
 * truncated. One instance per channel (not sharable).
 */
public final class FrameDecoder extends LengthFieldBasedFrameDecoder {

  private static final Logger LOG = LoggerFactory.getLogger(FrameDecoder.class);

  private boolean failed;

  /** A decoder accepting frames of at most {@code maxFrameLength} bytes after the length field. */
  public FrameDecoder(int maxFrameLength) {
    super(maxFrameLength, 0, 4, 0, 4, true);
  }

  @Override
  protected Object decode(ChannelHandlerContext ctx, ByteBuf in) {
    if (failed) {
      in.skipBytes(in.readableBytes());
      return null;
    }
    ByteBuf frame = null;
    try {
      frame = (ByteBuf) super.decode(ctx, in);
      if (frame == null) {
        return null;
      }
      return CommandCodec.decodeFrame(frame);
    } catch (Exception e) {
      failed = true;
      in.skipBytes(in.readableBytes());
      LOG.warn("closing {}: undecodable frame: {}", ctx.channel().remoteAddress(), e.toString());
      ctx.close();
      return null;
    } finally {
      if (frame != null) {
        frame.release();
      }
    }
  }

  @Override
  protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out)
      throws Exception {
    super.decodeLast(ctx, in, out);
    if (!failed && in.isReadable()) {
      LOG.warn(
          "connection {} closed inside a frame ({} bytes pending)",
          ctx.channel().remoteAddress(),
          in.readableBytes());
      in.skipBytes(in.readableBytes());
    }
  }
}
