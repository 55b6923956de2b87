package io.kitemq.remoting.netty.internal;

import io.kitemq.remoting.netty.RemotingException;
import io.kitemq.remoting.netty.RemotingSendRequestException;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The calls in flight on one channel: opaque -> future of the response. Created on first use and
 * attached to the channel; when the channel closes every pending call fails at once with a
 * CONNECTION_CLOSED {@link RemotingSendRequestException}. Thread-safe.
 */
public final class PendingCalls {

  private static final AttributeKey<PendingCalls> KEY =
      AttributeKey.valueOf(PendingCalls.class, "pendingCalls");

  private final Map<Integer, CompletableFuture<RemotingCommand>> calls = new ConcurrentHashMap<>();

  private PendingCalls() {}

  /** The table of {@code channel}, created (and tied to its close) on first use. */
  public static PendingCalls of(Channel channel) {
    PendingCalls existing = channel.attr(KEY).get();
    if (existing != null) {
      return existing;
    }
    PendingCalls created = new PendingCalls();
    existing = channel.attr(KEY).setIfAbsent(created);
    if (existing != null) {
      return existing;
    }
    String address = Addresses.remote(channel);
    channel
        .closeFuture()
        .addListener(
            f ->
                created.failAll(
                    () ->
                        new RemotingSendRequestException(
                            RemotingException.Reason.CONNECTION_CLOSED,
                            address,
                            "connection closed before the response arrived",
                            null)));
    return created;
  }

  /** The table of {@code channel} if one was ever created, else null. */
  public static PendingCalls peek(Channel channel) {
    return channel.attr(KEY).get();
  }

  public void put(int opaque, CompletableFuture<RemotingCommand> future) {
    calls.put(opaque, future);
  }

  /** Removes the call only if it is still {@code future}; true if it was. */
  public boolean remove(int opaque, CompletableFuture<RemotingCommand> future) {
    return calls.remove(opaque, future);
  }

  /** Removes and returns the call waiting for {@code opaque}, or null. */
  public CompletableFuture<RemotingCommand> take(int opaque) {
    return calls.remove(opaque);
  }

  public int size() {
    return calls.size();
  }

  private void failAll(Supplier<? extends Exception> error) {
    for (Integer opaque : calls.keySet()) {
      CompletableFuture<RemotingCommand> future = calls.remove(opaque);
      if (future != null) {
        future.completeExceptionally(error.get());
      }
    }
  }
}
