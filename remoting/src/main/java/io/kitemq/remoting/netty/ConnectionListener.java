package io.kitemq.remoting.netty;

import io.netty.channel.Channel;

/**
 * Connection life-cycle hooks, e.g. for a broker tracking its clients. Called on the connection's
 * I/O thread: implementations must be quick and must not block. An exception thrown from a hook is
 * logged and otherwise ignored. {@code remoteAddress} is {@code host:port}.
 */
public interface ConnectionListener {

  /** A listener that does nothing. */
  ConnectionListener NONE = new ConnectionListener() {};

  default void onConnect(String remoteAddress, Channel channel) {}

  default void onClose(String remoteAddress, Channel channel) {}

  /** An exception on the connection; it is closed right after. */
  default void onException(String remoteAddress, Channel channel, Throwable cause) {}

  /** The connection saw no traffic for the idle time; it is closed right after. */
  default void onIdle(String remoteAddress, Channel channel) {}
}
