package io.kitemq.remoting.netty.internal;

import io.kitemq.remoting.netty.BoundedExecutors;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * The Netty transport in use: native epoll when requested and available, NIO otherwise. Immutable.
 */
public final class Transports {

  private final boolean epoll;

  private Transports(boolean epoll) {
    this.epoll = epoll;
  }

  /** Epoll if {@code preferEpoll} and the native library loads, else NIO. */
  public static Transports select(boolean preferEpoll) {
    return new Transports(preferEpoll && Epoll.isAvailable());
  }

  public boolean isEpoll() {
    return epoll;
  }

  public EventLoopGroup newGroup(int threads, String namePrefix) {
    IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    return new MultiThreadIoEventLoopGroup(
        threads, BoundedExecutors.namedDaemonThreads(namePrefix), factory);
  }

  public Class<? extends ServerChannel> serverChannel() {
    return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }

  public Class<? extends SocketChannel> clientChannel() {
    return epoll ? EpollSocketChannel.class : NioSocketChannel.class;
  }
}
