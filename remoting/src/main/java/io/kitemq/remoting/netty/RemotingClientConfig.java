package io.kitemq.remoting.netty;

import java.time.Duration;

/**
 * Settings of a {@link RemotingClient}; immutable, validated once by {@link Builder#build()} (the
 * error names the offending key). Defaults follow RocketMQ's client: connect timeout 3 s, frames up
 * to 16 MiB, idle connections closed after 120 s; one I/O thread, enough on a small machine.
 */
public final class RemotingClientConfig {

  private final Duration connectTimeout;
  private final int ioThreads;
  private final int maxFrameLength;
  private final Duration idleTime;
  private final boolean useEpoll;

  private RemotingClientConfig(Builder b) {
    this.connectTimeout = b.connectTimeout;
    this.ioThreads = b.ioThreads;
    this.maxFrameLength = b.maxFrameLength;
    this.idleTime = b.idleTime;
    this.useEpoll = b.useEpoll;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Default settings. */
  public static RemotingClientConfig defaults() {
    return builder().build();
  }

  /** How long opening a connection may take, default 3 s. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** I/O threads shared by all connections, default 1. */
  public int ioThreads() {
    return ioThreads;
  }

  /** Largest accepted frame length, default 16 MiB. */
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
    private Duration connectTimeout = Duration.ofSeconds(3);
    private int ioThreads = 1;
    private int maxFrameLength = RemotingServerConfig.DEFAULT_MAX_FRAME_LENGTH;
    private Duration idleTime = Duration.ofSeconds(120);
    private boolean useEpoll = true;

    private Builder() {}

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
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
    public RemotingClientConfig build() {
      ConfigChecks.positive("connectTimeout", connectTimeout);
      if (connectTimeout.toMillis() > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("connectTimeout is too long: " + connectTimeout);
      }
      ConfigChecks.range("ioThreads", ioThreads, 1, 256);
      ConfigChecks.range("maxFrameLength", maxFrameLength, 64, Integer.MAX_VALUE);
      ConfigChecks.positive("idleTime", idleTime);
      return new RemotingClientConfig(this);
    }
  }
}
