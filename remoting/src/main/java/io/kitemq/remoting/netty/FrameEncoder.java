package io.kitemq.remoting.netty;

import io.kitemq.remoting.protocol.CommandCodec;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/**
 * Writes a {@link RemotingCommand} as one frame: a freshly allocated buffer with the length prefix,
 * type+length word and header, followed by the body as a second buffer that is never copied (a
 * byte[] body is wrapped, a ByteBuf body is passed on as is).
 *
 * <p>Ownership: the command's ByteBuf body belongs to the encoder once the command is written; it
 * is released by the transport after the bytes are written or when the write fails (the command is
 * {@link io.netty.util.ReferenceCounted} through its body, so Netty releases it on every path).
 * Sharable and stateless.
 */
@ChannelHandler.Sharable
public final class FrameEncoder extends MessageToMessageEncoder<RemotingCommand> {

  public FrameEncoder() {
    super(RemotingCommand.class);
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, RemotingCommand cmd, List<Object> out) {
    ByteBuf header = CommandCodec.encodeHeaderFrame(cmd, ctx.alloc());
    out.add(header);
    ByteBuf bodyBuf = cmd.bodyBuf();
    if (bodyBuf != null) {
      // The superclass releases the command (and so one reference of the body) after encode.
      out.add(bodyBuf.retain());
    } else if (cmd.body() != null && cmd.body().length > 0) {
      out.add(Unpooled.wrappedBuffer(cmd.body()));
    }
  }
}
