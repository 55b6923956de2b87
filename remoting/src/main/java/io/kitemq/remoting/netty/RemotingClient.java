package io.kitemq.remoting.netty;

import io.kitemq.remoting.netty.internal.Addresses;
import io.kitemq.remoting.netty.internal.ChannelInvoker;
import io.kitemq.remoting.netty.internal.CommandDispatcher;
import io.kitemq.remoting.netty.internal.ConnectionHandler;
import io.kitemq.remoting.netty.internal.ProcessorTable;
import io.kitemq.remoting.netty.internal.Transports;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * A remoting client: one connection per address, opened on first use and shared by all callers;
 * requests are correlated with responses by opaque, so many calls may be in flight on one
 * connection and answered in any order. When a connection closes, its calls in flight fail at once
 * and the next call opens a new connection. Requests the server sends on a connection (e.g.
 * CHECK_TRANSACTION_STATE) go to the processors registered here, answered as the server answers.
 *
 * <p>Futures returned by {@link #invokeAsync} complete on the client's I/O thread: do not block in
 * their callbacks. Thread-safe; {@link #close()} once.
 */
public final class RemotingClient implements AutoCloseable {

  private final RemotingClientConfig config;
  private final ProcessorTable processors = new ProcessorTable();
  private final Map<String, CompletableFuture<Channel>> channels = new ConcurrentHashMap<>();
  private final EventLoopGroup ioGroup;
  private final Bootstrap bootstrap;
  private volatile boolean closed;

  public RemotingClient(RemotingClientConfig config) {
    this.config = config;
    Transports transports = Transports.select(config.useEpoll());
    this.ioGroup = transports.newGroup(config.ioThreads(), "remoting-client-io-");
    CommandDispatcher dispatcher = new CommandDispatcher(processors);
    ConnectionHandler connectionHandler = new ConnectionHandler(ConnectionListener.NONE, "client");
    FrameEncoder encoder = new FrameEncoder();
    long idleMillis = config.idleTime().toMillis();
    this.bootstrap =
        new Bootstrap()
            .group(ioGroup)
            .channel(transports.clientChannel())
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.SO_KEEPALIVE, false)
            .option(ChannelOption.ALLOCATOR, transports.allocator())
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeout().toMillis())
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast("encoder", encoder)
                        .addLast(
                            "idle", new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS))
                        .addLast(
                            CommandDispatcher.DECODER, new FrameDecoder(config.maxFrameLength()))
                        .addLast("dispatcher", dispatcher)
                        .addLast("connection", connectionHandler);
                  }
                });
  }

  /** Handles requests with {@code code} sent by servers, on {@code executor}. */
  public void registerProcessor(int code, RequestProcessor processor, Executor executor) {
    processors.register(code, processor, executor);
  }

  /**
   * Sends {@code request} to {@code address} ({@code host:port}) and waits for the response.
   *
   * @throws RemotingConnectException if no connection could be opened
   * @throws RemotingTimeoutException if no response arrived within {@code timeoutMillis}
   * @throws RemotingSendRequestException if the write failed or the connection closed
   */
  public RemotingCommand invokeSync(String address, RemotingCommand request, long timeoutMillis)
      throws RemotingException, InterruptedException {
    return ChannelInvoker.await(
        invokeAsync(address, request, timeoutMillis), maxWait(timeoutMillis), address);
  }

  /**
   * Sends {@code request} to {@code address}; the future completes with the response or fails with
   * a {@link RemotingException}. The timeout counts from the moment the connection is ready.
   * Ownership of a ByteBuf body passes to the client.
   */
  public CompletableFuture<RemotingCommand> invokeAsync(
      String address, RemotingCommand request, long timeoutMillis) {
    CompletableFuture<RemotingCommand> result = new CompletableFuture<>();
    channel(address)
        .whenComplete(
            (channel, connectError) -> {
              if (connectError != null) {
                request.release();
                result.completeExceptionally(ChannelInvoker.unwrap(connectError, address));
                return;
              }
              ChannelInvoker.invokeAsync(channel, request, timeoutMillis)
                  .whenComplete(
                      (response, error) -> {
                        if (error != null) {
                          result.completeExceptionally(error);
                        } else {
                          result.complete(response);
                        }
                      });
            });
    return result;
  }

  /** Sends a oneway request to {@code address}, waiting until it is written. */
  public void invokeOneway(String address, RemotingCommand request, long timeoutMillis)
      throws RemotingException, InterruptedException {
    CompletableFuture<Void> written =
        channel(address)
            .handle(
                (channel, connectError) -> {
                  if (connectError != null) {
                    request.release();
                    return CompletableFuture.<Void>failedFuture(connectError);
                  }
                  return ChannelInvoker.invokeOneway(channel, request);
                })
            .thenCompose(f -> f);
    ChannelInvoker.await(written, maxWait(timeoutMillis), address);
  }

  private long maxWait(long timeoutMillis) {
    return config.connectTimeout().toMillis() + timeoutMillis + 1000;
  }

  /** The connection to {@code address}: the live one, the one being opened, or a new one. */
  private CompletableFuture<Channel> channel(String address) {
    while (true) {
      if (closed) {
        return CompletableFuture.failedFuture(
            new RemotingConnectException(
                RemotingException.Reason.ENDPOINT_CLOSED, address, "client is closed", null));
      }
      CompletableFuture<Channel> existing = channels.get(address);
      if (existing != null) {
        if (!existing.isDone()
            || (!existing.isCompletedExceptionally() && existing.join().isActive())) {
          return existing;
        }
        channels.remove(address, existing);
        continue;
      }
      CompletableFuture<Channel> created = new CompletableFuture<>();
      if (channels.putIfAbsent(address, created) == null) {
        connect(address, created);
        return created;
      }
    }
  }

  private void connect(String address, CompletableFuture<Channel> created) {
    InetSocketAddress target;
    try {
      target = Addresses.parse(address);
    } catch (IllegalArgumentException e) {
      channels.remove(address, created);
      created.completeExceptionally(
          new RemotingConnectException(
              RemotingException.Reason.CONNECT_FAILED, address, e.getMessage(), e));
      return;
    }
    bootstrap
        .connect(target.getHostString(), target.getPort())
        .addListener(
            (ChannelFutureListener)
                f -> {
                  if (f.isSuccess()) {
                    Channel channel = f.channel();
                    channel.closeFuture().addListener(x -> channels.remove(address, created));
                    created.complete(channel);
                    if (closed) {
                      channel.close();
                    }
                  } else {
                    channels.remove(address, created);
                    created.completeExceptionally(
                        new RemotingConnectException(
                            RemotingException.Reason.CONNECT_FAILED,
                            address,
                            "cannot connect",
                            f.cause()));
                  }
                });
  }

  /** Closes every connection (failing calls in flight) and stops the I/O thread. */
  @Override
  public void close() {
    closed = true;
    List<Channel> open = new ArrayList<>();
    for (CompletableFuture<Channel> f : channels.values()) {
      if (f.isDone() && !f.isCompletedExceptionally()) {
        open.add(f.join());
      }
    }
    channels.clear();
    for (Channel channel : open) {
      channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
    ioGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }
}
