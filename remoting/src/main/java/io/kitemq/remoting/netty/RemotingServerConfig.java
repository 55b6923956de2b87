package io.kitemq.remoting.netty;

import java.time.Duration;

/**
 * Settings of a {@link RemotingServer}; immutable, validated once by {@link Builder#build()} (the
 * error names the offending key). Defaults follow RocketMQ: frames up to 16 MiB, connections idle
 * for 120 s closed, epoll when the native transport is available.
 */
public final class RemotingServerConfig {

  /** Default maximum frame length (after the 4-byte length field): 16 MiB. */
  public static final int DEFAULT_MAX_FRAME_LENGTH = 16 * 1024 * 1024;

  private final String host;
  private final int port;
  private final int ioThreads;
  private final int maxFrameLength;
  private final Duration idleTime;
  private final boolean useEpoll;

  private RemotingServerConfig(Builder b) {
    this.host = b.host;
    this.port = b.port;
    this.ioThreads = b.ioThreads;
    this.maxFrameLength = b.maxFrameLength;
    this.idleTime = b.idleTime;
    this.useEpoll = b.useEpoll;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Address to bind, default {@code 0.0.0.0}. */
  public String host() {
    return host;
  }

  /** Port to bind; 0 (the default) picks a free port, see {@link RemotingServer#port()}. */
  public int port() {
    return port;
  }

  /** I/O threads for connections, default 2 (one acceptor thread comes on top). */
  public int ioThreads() {
    return ioThreads;
  }

  /** Largest accepted frame length, default {@link #DEFAULT_MAX_FRAME_LENGTH}. */
  public int maxFrameLength() {
    return maxFrameLength;
  }

  /** A connection without reads or writes for this long is closed; default 120 s. */
  public Duration idleTime() {
    return idleTime;
  }

  /** Use the native epoll transport when available (default true); NIO otherwise. */
  public boolean useEpoll() {
    return useEpoll;
  }

  /** Mutable builder; not thread-safe. */
  public static final class Builder {
    private String host = "0.0.0.0";
    private int port = 0;
    private int ioThreads = 2;
    private int maxFrameLength = DEFAULT_MAX_FRAME_LENGTH;
    private Duration idleTime = Duration.ofSeconds(120);
    private boolean useEpoll = true;

    private Builder() {}

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder ioThreads(int ioThreads) {
      this.ioThreads = ioThreads;
      return this;
    }

    public Builder maxFrameLength(int maxFrameLength) {
      this.maxFrameLength = maxFrameLength;
      return this;
    }

    public Builder idleTime(Duration idleTime) {
      this.idleTime = idleTime;
      return this;
    }

    public Builder useEpoll(boolean useEpoll) {
      this.useEpoll = useEpoll;
      return this;
    }

    /** Validates and freezes the settings. */
    public RemotingServerConfig build() {
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException("host must not be empty");
      }
      ConfigChecks.range("port", port, 0, 65535);
      ConfigChecks.range("ioThreads", ioThreads, 1, 256);
      ConfigChecks.range("maxFrameLength", maxFrameLength, 64, Integer.MAX_VALUE);
      ConfigChecks.positive("idleTime", idleTime);
      return new RemotingServerConfig(this);
    }
  }
}
