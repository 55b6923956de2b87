package io.kitemq.remoting.netty;

import io.kitemq.remoting.netty.internal.Addresses;
import io.kitemq.remoting.netty.internal.ChannelInvoker;
import io.kitemq.remoting.netty.internal.CommandDispatcher;
import io.kitemq.remoting.netty.internal.ConnectionHandler;
import io.kitemq.remoting.netty.internal.ProcessorTable;
import io.kitemq.remoting.netty.internal.Transports;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A remoting server: accepts connections, decodes frames, runs each request on the processor
 * registered for its code (on that registration's executor) and writes the answer back; it can also
 * call the client on the other end of a connection ({@code invoke*(Channel, ...)}) for
 * broker-to-client callbacks.
 *
 * <p>Life cycle: construct, register processors, {@link #start()}, {@link #close()}. Executors
 * passed to {@link #registerProcessor} belong to the caller, who shuts them down after closing the
 * server. Bad input on a connection closes only that connection (see {@link FrameDecoder}).
 * Thread-safe.
 */
public final class RemotingServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RemotingServer.class);

  /** Flushes held during one read before one is let through (Netty's default). */
  private static final int MAX_HELD_FLUSHES = 256;

  private final RemotingServerConfig config;
  private final ConnectionListener listener;
  private final ProcessorTable processors = new ProcessorTable();
  private final Transports transports;
  private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);

  private EventLoopGroup acceptorGroup;
  private EventLoopGroup ioGroup;
  private Channel serverChannel;
  private int boundPort = -1;

  public RemotingServer(RemotingServerConfig config) {
    this(config, ConnectionListener.NONE);
  }

  public RemotingServer(RemotingServerConfig config, ConnectionListener listener) {
    this.config = config;
    this.listener = listener;
    this.transports = Transports.select(config.useEpoll());
  }

  /** Routes requests with {@code code} to {@code processor}, run on {@code executor}. */
  public void registerProcessor(int code, RequestProcessor processor, Executor executor) {
    processors.register(code, processor, executor);
  }

  /**
   * Routes requests with {@code code} to {@code processor}, run on the I/O thread of the connection
   * they arrived on, so that it must not block. For work that costs less than the two thread
   * hand-offs an executor would add (a send into a store with asynchronous flush): answers to
   * requests a peer wrote back to back leave together, flushed once the read is done.
   */
  public void registerOnIoThread(int code, RequestProcessor processor) {
    processors.registerOnIoThread(code, processor);
  }

  /** Routes requests of every code without its own registration. */
  public void registerDefaultProcessor(RequestProcessor processor, Executor executor) {
    processors.registerDefault(processor, executor);
  }

  /**
   * Binds and starts accepting connections.
   *
   * @return the bound port (useful with port 0)
   * @throws IllegalStateException if already started or the bind fails
   */
  public synchronized int start() {
    if (serverChannel != null) {
      throw new IllegalStateException("server already started");
    }
    acceptorGroup = transports.newGroup(1, "remoting-server-accept-");
    ioGroup = transports.newGroup(config.ioThreads(), "remoting-server-io-");
    CommandDispatcher dispatcher = new CommandDispatcher(processors);
    ConnectionHandler connectionHandler = new ConnectionHandler(listener, "server");
    FrameEncoder encoder = new FrameEncoder();
    long idleMillis = config.idleTime().toMillis();
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(acceptorGroup, ioGroup)
            .channel(transports.serverChannel())
            .option(ChannelOption.SO_BACKLOG, 1024)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.SO_KEEPALIVE, false)
            .childOption(ChannelOption.ALLOCATOR, transports.allocator())
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    connections.add(ch);
                    ch.pipeline()
                        // Flushes asked for while a read is being handled wait for its end: the
                        // answers to pipelined requests answered on the I/O thread go out in one
                        // write. Flushes from other threads pass at once.
                        .addLast("flush", new FlushConsolidationHandler(MAX_HELD_FLUSHES))
                        .addLast("encoder", encoder)
                        .addLast(
                            "idle", new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS))
                        .addLast(
                            CommandDispatcher.DECODER, new FrameDecoder(config.maxFrameLength()))
                        .addLast("dispatcher", dispatcher)
                        .addLast("connection", connectionHandler);
                  }
                });
    try {
      serverChannel = bootstrap.bind(config.host(), config.port()).syncUninterruptibly().channel();
    } catch (RuntimeException e) {
      shutdownGroups();
      throw new IllegalStateException(
          "cannot bind " + config.host() + ":" + config.port() + ": " + e, e);
    }
    boundPort = ((InetSocketAddress) serverChannel.localAddress()).getPort();
    LOG.info(
        "remoting server listening on {}:{} ({})",
        config.host(),
        boundPort,
        transports.isEpoll() ? "epoll" : "nio");
    return boundPort;
  }

  /** The bound port, or -1 before {@link #start()}. */
  public synchronized int port() {
    return boundPort;
  }

  /** Whether the native epoll transport is in use. */
  public boolean usesEpoll() {
    return transports.isEpoll();
  }

  /** Sends a request to the client on {@code channel} and waits for its response. */
  public RemotingCommand invokeSync(Channel channel, RemotingCommand request, long timeoutMillis)
      throws RemotingException, InterruptedException {
    CompletableFuture<RemotingCommand> future = invokeAsync(channel, request, timeoutMillis);
    return ChannelInvoker.await(future, timeoutMillis + 1000, Addresses.remote(channel));
  }

  /**
   * Sends a request to the client on {@code channel}; the future completes on an I/O thread with
   * the response, or fails with a {@link RemotingException}.
   */
  public CompletableFuture<RemotingCommand> invokeAsync(
      Channel channel, RemotingCommand request, long timeoutMillis) {
    return ChannelInvoker.invokeAsync(channel, request, timeoutMillis);
  }

  /** Sends a oneway request to the client on {@code channel}, waiting until it is written. */
  public void invokeOneway(Channel channel, RemotingCommand request, long timeoutMillis)
      throws RemotingException, InterruptedException {
    ChannelInvoker.await(
        ChannelInvoker.invokeOneway(channel, request), timeoutMillis, Addresses.remote(channel));
  }

  /** Stops accepting, closes every connection (failing their pending calls) and stops I/O. */
  @Override
  public synchronized void close() {
    if (serverChannel != null) {
      serverChannel.close().syncUninterruptibly();
    }
    connections.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    shutdownGroups();
    LOG.info("remoting server on port {} closed", boundPort);
  }

  private void shutdownGroups() {
    for (EventLoopGroup group : new EventLoopGroup[] {acceptorGroup, ioGroup}) {
      if (group != null) {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
      }
    }
  }
}
