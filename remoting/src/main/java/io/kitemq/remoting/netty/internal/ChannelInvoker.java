package io.kitemq.remoting.netty.internal;

import io.kitemq.remoting.netty.RemotingException;
import io.kitemq.remoting.netty.RemotingSendRequestException;
import io.kitemq.remoting.netty.RemotingTimeoutException;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends requests on an established channel and correlates responses by opaque (see {@link
 * PendingCalls}). Per-call timeouts are tasks on the channel's event loop (Netty's timer),
 * cancelled when the response arrives; no thread per call. Futures complete on the channel's I/O
 * thread, so callers must not block in their callbacks. Stateless.
 */
public final class ChannelInvoker {

  private ChannelInvoker() {}

  /**
   * Writes {@code request} and returns the future of its response. Fails with a {@link
   * RemotingTimeoutException} after {@code timeoutMillis}, or a {@link
   * RemotingSendRequestException} if the write fails or the channel closes first. Ownership of a
   * ByteBuf body passes to the transport.
   */
  public static CompletableFuture<RemotingCommand> invokeAsync(
      Channel channel, RemotingCommand request, long timeoutMillis) {
    if (timeoutMillis <= 0) {
      request.release();
      throw new IllegalArgumentException("timeoutMillis must be > 0, got " + timeoutMillis);
    }
    String address = Addresses.remote(channel);
    CompletableFuture<RemotingCommand> future = new CompletableFuture<>();
    if (!channel.isActive()) {
      request.release();
      future.completeExceptionally(closed(address));
      return future;
    }
    PendingCalls calls = PendingCalls.of(channel);
    int opaque = request.opaque();
    calls.put(opaque, future);
    try {
      var timer =
          channel
              .eventLoop()
              .schedule(
                  () -> {
                    if (calls.remove(opaque, future)) {
                      future.completeExceptionally(
                          new RemotingTimeoutException(address, timeoutMillis));
                    }
                  },
                  timeoutMillis,
                  TimeUnit.MILLISECONDS);
      future.whenComplete((response, error) -> timer.cancel(false));
    } catch (RejectedExecutionException e) {
      calls.remove(opaque, future);
      request.release();
      future.completeExceptionally(closed(address));
      return future;
    }
    channel
        .writeAndFlush(request)
        .addListener(
            written -> {
              if (!written.isSuccess() && calls.remove(opaque, future)) {
                future.completeExceptionally(
                    new RemotingSendRequestException(
                        RemotingException.Reason.SEND_FAILED,
                        address,
                        "cannot write request",
                        written.cause()));
              }
            });
    return future;
  }

  /**
   * Marks {@code request} oneway and writes it; the future completes when the bytes are written (or
   * fails with a {@link RemotingSendRequestException}).
   */
  public static CompletableFuture<Void> invokeOneway(Channel channel, RemotingCommand request) {
    request.markOneway();
    String address = Addresses.remote(channel);
    CompletableFuture<Void> future = new CompletableFuture<>();
    if (!channel.isActive()) {
      request.release();
      future.completeExceptionally(closed(address));
      return future;
    }
    channel
        .writeAndFlush(request)
        .addListener(
            written -> {
              if (written.isSuccess()) {
                future.complete(null);
              } else {
                future.completeExceptionally(
                    new RemotingSendRequestException(
                        RemotingException.Reason.SEND_FAILED,
                        address,
                        "cannot write oneway request",
                        written.cause()));
              }
            });
    return future;
  }

  /**
   * Waits for a call's future and unwraps its failure into the typed exception.
   *
   * @param maxWaitMillis a safety bound; the future normally completes by its own timeout first
   */
  public static <T> T await(CompletableFuture<T> future, long maxWaitMillis, String address)
      throws RemotingException, InterruptedException {
    try {
      return future.get(maxWaitMillis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw unwrap(e.getCause(), address);
    } catch (TimeoutException e) {
      throw new RemotingTimeoutException(address, maxWaitMillis);
    }
  }

  /** The typed exception behind a future's failure. */
  public static RemotingException unwrap(Throwable error, String address) {
    Throwable cause = error;
    while (cause instanceof CompletionException || cause instanceof ExecutionException) {
      if (cause.getCause() == null) {
        break;
      }
      cause = cause.getCause();
    }
    if (cause instanceof RemotingException remoting) {
      return remoting;
    }
    return new RemotingSendRequestException(
        RemotingException.Reason.SEND_FAILED, address, "call failed", cause);
  }

  private static RemotingSendRequestException closed(String address) {
    return new RemotingSendRequestException(
        RemotingException.Reason.CONNECTION_CLOSED, address, "connection is not active", null);
  }
}
