package io.kitemq.remoting.netty.internal;

import io.kitemq.remoting.netty.ConnectionListener;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connection life cycle: reports connect / close / exception / idle to the {@link
 * ConnectionListener}, closes idle connections and closes a connection after any exception (one log
 * line; nothing propagates past this handler). Sharable and thread-safe.
 */
@ChannelHandler.Sharable
public final class ConnectionHandler extends ChannelDuplexHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);

  private final ConnectionListener listener;
  private final String side;

  /**
   * @param side {@code server} or {@code client}, for log lines
   */
  public ConnectionHandler(ConnectionListener listener, String side) {
    this.listener = listener;
    this.side = side;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    String address = Addresses.remote(ctx.channel());
    LOG.debug("{}: connection {} active", side, address);
    notify(() -> listener.onConnect(address, ctx.channel()));
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    String address = Addresses.remote(ctx.channel());
    LOG.debug("{}: connection {} closed", side, address);
    notify(() -> listener.onClose(address, ctx.channel()));
    super.channelInactive(ctx);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof IdleStateEvent) {
      String address = Addresses.remote(ctx.channel());
      LOG.info("{}: closing idle connection {}", side, address);
      notify(() -> listener.onIdle(address, ctx.channel()));
      ctx.close();
      return;
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    String address = Addresses.remote(ctx.channel());
    LOG.warn("{}: closing connection {} after error: {}", side, address, cause.toString());
    notify(() -> listener.onException(address, ctx.channel(), cause));
    ctx.close();
  }

  private void notify(Runnable hook) {
    try {
      hook.run();
    } catch (RuntimeException e) {
      LOG.warn("{}: connection listener failed", side, e);
    }
  }
}
