package io.kitemq.remoting.netty.internal;

import io.kitemq.remoting.netty.BoundedExecutors;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
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
 * The Netty transport in use: native epoll when requested and available, NIO otherwise; and the
 * buffer allocator of every channel. Immutable.
 */
public final class Transports {

  /** Netty's adaptive allocator runs in its low-memory mode at or below this maximum heap. */
  static final long LOW_MEMORY_HEAP = 512L * 1024 * 1024;

  private static final ByteBufAllocator ALLOCATOR =
      allocatorFor(
          Runtime.getRuntime().maxMemory(),
          System.getProperty("io.netty.allocator.type"),
          System.getProperty("io.netty.allocator.lowMemory"));

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

  /**
   * The allocator for channels: Netty's default, except in a JVM of 512 MiB of heap or less where
   * nobody chose one, which gets the pooled allocator. There the default (adaptive) allocator
   * switches to a low-memory mode that pools nothing above 16.5 KiB and shares one locked heap
   * between threads: a consumer's reads of 8 to 64 KiB each became a fresh, zeroed direct buffer,
   * 12 % of its I/O thread, and draining ran 7 to 22 % slower than with the pooled allocator.
   */
  public ByteBufAllocator allocator() {
    return ALLOCATOR;
  }

  static ByteBufAllocator allocatorFor(long maxHeap, String typeProperty, String lowMemProperty) {
    if (maxHeap <= LOW_MEMORY_HEAP && typeProperty == null && lowMemProperty == null) {
      return PooledByteBufAllocator.DEFAULT;
    }
    return ByteBufAllocator.DEFAULT;
  }

  public Class<? extends ServerChannel> serverChannel() {
    return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }

  public Class<? extends SocketChannel> clientChannel() {
    return epoll ? EpollSocketChannel.class : NioSocketChannel.class;
  }
}
