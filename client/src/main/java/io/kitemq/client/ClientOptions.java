package io.kitemq.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the client instance shared by all producers and consumers with the same client id
 * ({@code clientIp@instanceName}). The first producer or consumer that creates the instance fixes
 * its options; later ones with the same id share it. Immutable; build with {@link #builder()}.
 */
public final class ClientOptions {

  private final String namesrvAddr;
  private final String instanceName;
  private final String clientIp;
  private final Duration pollNameServerInterval;
  private final Duration heartbeatInterval;
  private final Duration rebalanceInterval;
  private final Duration persistOffsetInterval;
  private final Duration requestTimeout;

  private ClientOptions(Builder b) {
    this.namesrvAddr = requireText(b.namesrvAddr, "namesrvAddr");
    this.instanceName = requireText(b.instanceName, "instanceName");
    this.clientIp = requireText(b.clientIp, "clientIp");
    this.pollNameServerInterval = positive(b.pollNameServerInterval, "pollNameServerInterval");
    this.heartbeatInterval = positive(b.heartbeatInterval, "heartbeatInterval");
    this.rebalanceInterval = positive(b.rebalanceInterval, "rebalanceInterval");
    this.persistOffsetInterval = positive(b.persistOffsetInterval, "persistOffsetInterval");
    this.requestTimeout = positive(b.requestTimeout, "requestTimeout");
  }

  private static String requireText(String v, String key) {
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(key + " must be set");
    }
    return v;
  }

  private static Duration positive(Duration d, String key) {
    Objects.requireNonNull(d, key);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(key + " must be positive, got " + d);
    }
    return d;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code host:port} of the name servers, {@code ;}-separated. */
  public String namesrvAddr() {
    return namesrvAddr;
  }

  public String instanceName() {
    return instanceName;
  }

  public String clientIp() {
    return clientIp;
  }

  /** {@code clientIp@instanceName}: the id brokers know this client by. */
  public String clientId() {
    return clientIp + "@" + instanceName;
  }

  public Duration pollNameServerInterval() {
    return pollNameServerInterval;
  }

  public Duration heartbeatInterval() {
    return heartbeatInterval;
  }

  public Duration rebalanceInterval() {
    return rebalanceInterval;
  }

  public Duration persistOffsetInterval() {
    return persistOffsetInterval;
  }

  /** Timeout of name-server and broker calls other than sends and pulls. */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** Builder with the official client's defaults (30 s route and heartbeat periods, ...). */
  public static final class Builder {
    private String namesrvAddr;
    private String instanceName = ProcessIds.defaultInstanceName();
    private String clientIp = ProcessIds.localIp();
    private Duration pollNameServerInterval = Duration.ofSeconds(30);
    private Duration heartbeatInterval = Duration.ofSeconds(30);
    private Duration rebalanceInterval = Duration.ofSeconds(20);
    private Duration persistOffsetInterval = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(3);

    private Builder() {}

    public Builder namesrvAddr(String namesrvAddr) {
      this.namesrvAddr = namesrvAddr;
      return this;
    }

    public Builder instanceName(String instanceName) {
      this.instanceName = instanceName;
      return this;
    }

    public Builder clientIp(String clientIp) {
      this.clientIp = clientIp;
      return this;
    }

    public Builder pollNameServerInterval(Duration d) {
      this.pollNameServerInterval = d;
      return this;
    }

    public Builder heartbeatInterval(Duration d) {
      this.heartbeatInterval = d;
      return this;
    }

    public Builder rebalanceInterval(Duration d) {
      this.rebalanceInterval = d;
      return this;
    }

    public Builder persistOffsetInterval(Duration d) {
      this.persistOffsetInterval = d;
      return this;
    }

    public Builder requestTimeout(Duration d) {
      this.requestTimeout = d;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the first invalid key
     */
    public ClientOptions build() {
      return new ClientOptions(this);
    }
  }
}
