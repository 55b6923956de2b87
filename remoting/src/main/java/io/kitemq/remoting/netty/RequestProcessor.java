package io.kitemq.remoting.netty;

import io.kitemq.remoting.protocol.RemotingCommand;
import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;

/**
 * Handles requests of the codes it is registered for, on the executor it is registered with.
 *
 * <p>The returned future may complete later, on any thread (e.g. after a long-polling wait or a
 * group commit): the transport writes the response when it completes. Completing with null (or
 * returning null) sends nothing. An exception thrown here or completing the future exceptionally is
 * answered with SYSTEM_ERROR. The transport fills in the response's opaque, response flag and
 * serialization type (the request's), and never answers a oneway request. A ByteBuf body in the
 * response is owned by the transport once the future completes.
 */
@FunctionalInterface
public interface RequestProcessor {

  /**
   * Processes one request.
   *
   * @param channel the connection the request came from (usable for callbacks to the peer)
   */
  CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request)
      throws Exception;

  /**
   * Whether to refuse requests right now (answered SYSTEM_BUSY {@code [REJECTREQUEST]...}), checked
   * before each {@link #process}. Default: never.
   */
  default boolean rejectRequest() {
    return false;
  }

  /** A synchronous handler: the response (or null for none) is returned directly. */
  @FunctionalInterface
  interface Sync {
    RemotingCommand handle(Channel channel, RemotingCommand request) throws Exception;
  }

  /** Adapts a synchronous handler. */
  static RequestProcessor of(Sync handler) {
    return (channel, request) ->
        CompletableFuture.completedFuture(handler.handle(channel, request));
  }
}
