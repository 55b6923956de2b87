package io.kitemq.remoting.netty.internal;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** {@code host:port} strings for channels and parsing of such strings. Stateless. */
public final class Addresses {

  private Addresses() {}

  /** The peer of {@code channel} as {@code ip:port}, or an empty string when unknown. */
  public static String remote(Channel channel) {
    SocketAddress address = channel == null ? null : channel.remoteAddress();
    if (address instanceof InetSocketAddress inet) {
      String host =
          inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
      return host + ":" + inet.getPort();
    }
    return address == null ? "" : address.toString();
  }

  /**
   * Parses {@code host:port} (the last colon separates the port).
   *
   * @throws IllegalArgumentException for anything else
   */
  public static InetSocketAddress parse(String address) {
    int colon = address == null ? -1 : address.lastIndexOf(':');
    if (colon <= 0 || colon == address.length() - 1) {
      throw new IllegalArgumentException("address must be host:port, got " + address);
    }
    try {
      int port = Integer.parseInt(address.substring(colon + 1));
      return InetSocketAddress.createUnresolved(address.substring(0, colon), port);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("address must be host:port, got " + address, e);
    }
  }
}
