package io.kitemq.remoting.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Frame-level encoding of a {@link RemotingCommand} (everything but the transport). Layout,
 * big-endian:
 *
 * <pre>
 * offset size field
 * 0      4    frameLength = 4 + headerLength + bodyLength (does not count itself)
 * 4      4    bits 31..24 serialization type, bits 23..0 headerLength
 * 8      H    header (JSON or ROCKETMQ binary)
 * 8+H    B    body
 * </pre>
 *
 * Thread-safe (stateless).
 */
public final class CommandCodec {

  /** Largest header length the 24-bit field can carry. */
  public static final int MAX_HEADER_LENGTH = 0xFFFFFF;

  private CommandCodec() {}

  /**
   * Allocates a buffer holding the length prefix, the type+length word and the header of {@code
   * cmd}, in the command's serialization type; the body is not included (its length is counted in
   * the prefix). The caller owns the returned buffer.
   */
  public static ByteBuf encodeHeaderFrame(RemotingCommand cmd, ByteBufAllocator alloc) {
    ByteBuf out = alloc.buffer(256);
    try {
      int start = out.writerIndex();
      out.writeLong(0);
      int headerLength =
          cmd.serializeType() == SerializeType.ROCKETMQ
              ? RocketMqHeaderCodec.encode(cmd, out)
              : JsonHeaderCodec.encode(cmd, out);
      if (headerLength > MAX_HEADER_LENGTH) {
        throw new IllegalArgumentException("header of " + headerLength + " bytes is too long");
      }
      out.setInt(start, 4 + headerLength + cmd.bodyLength());
      out.setInt(start + 4, markType(headerLength, cmd.serializeType()));
      return out;
    } catch (RuntimeException e) {
      out.release();
      throw e;
    }
  }

  /** The type+length word: type byte in bits 31..24, header length in bits 23..0. */
  public static int markType(int headerLength, SerializeType type) {
    return (type.code() << 24) | (headerLength & MAX_HEADER_LENGTH);
  }

  /**
   * Decodes one frame whose 4-byte length prefix has already been stripped: {@code frame} holds the
   * type+length word, the header and the body. The body is copied into a byte[]; the caller keeps
   * ownership of {@code frame}.
   *
   * @throws RemotingCommandException for a header length beyond the frame, an unknown serialization
   *     type or a malformed header
   */
  public static RemotingCommand decodeFrame(ByteBuf frame) throws RemotingCommandException {
    if (frame.readableBytes() < 4) {
      throw new RemotingCommandException(
          "frame of " + frame.readableBytes() + " bytes has no header length");
    }
    int word = frame.readInt();
    int headerLength = word & MAX_HEADER_LENGTH;
    if (headerLength > frame.readableBytes()) {
      throw new RemotingCommandException(
          "header length " + headerLength + " exceeds frame (" + frame.readableBytes() + " left)");
    }
    SerializeType type = SerializeType.fromCode((word >>> 24) & 0xFF);
    ByteBuf header = frame.readSlice(headerLength);
    RemotingCommand cmd =
        type == SerializeType.ROCKETMQ
            ? RocketMqHeaderCodec.decode(header, headerLength)
            : JsonHeaderCodec.decode(header, headerLength);
    int bodyLength = frame.readableBytes();
    if (bodyLength > 0) {
      byte[] body = new byte[bodyLength];
      frame.readBytes(body);
      cmd.setBody(body);
    }
    return cmd;
  }
}
