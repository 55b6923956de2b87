package io.kitemq.broker.client;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;

/**
 * One client connection as a group member: the channel, the client id, its language and protocol
 * version, and when it was last heard of (for expiry). Only {@link #lastUpdate} changes, and it is
 * volatile; safe to share.
 */
public final class ClientChannelInfo {

  private final Channel channel;
  private final String clientId;
  private final String language;
  private final int version;
  private volatile long lastUpdate;

  public ClientChannelInfo(
      Channel channel, String clientId, String language, int version, long lastUpdate) {
    this.channel = channel;
    this.clientId = clientId;
    this.language = language;
    this.version = version;
    this.lastUpdate = lastUpdate;
  }

  public Channel channel() {
    return channel;
  }

  public String clientId() {
    return clientId;
  }

  public String language() {
    return language;
  }

  public int version() {
    return version;
  }

  public long lastUpdate() {
    return lastUpdate;
  }

  void touch(long now) {
    this.lastUpdate = now;
  }

  /** The peer address as host:port, or "" when unknown. */
  public String remoteAddress() {
    Object a = channel.remoteAddress();
    if (a instanceof InetSocketAddress isa) {
      return isa.getAddress().getHostAddress() + ":" + isa.getPort();
    }
    return a == null ? "" : a.toString();
  }
}
