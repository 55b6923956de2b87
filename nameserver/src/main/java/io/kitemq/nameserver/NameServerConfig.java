package io.kitemq.nameserver;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Settings of a {@link NameServer}; immutable, validated once by {@link Builder#build()} (the error
 * names the offending key). Keys are RocketMQ's {@code namesrv.conf} / NettyServerConfig names
 * where one exists; {@code brokerChannelExpiredTime} is KiteMQ's (RocketMQ hard-codes 120 s).
 *
 * <table>
 *   <caption>keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>listenPort</td><td>9876</td><td>port to bind; 0 picks a free one</td></tr>
 *   <tr><td>bindAddress</td><td>0.0.0.0</td><td>address to bind</td></tr>
 *   <tr><td>serverSelectorThreads</td><td>2</td><td>I/O threads</td></tr>
 *   <tr><td>serverChannelMaxIdleTimeSeconds</td><td>120</td><td>idle connections closed</td></tr>
 *   <tr><td>defaultThreadPoolNums</td><td>2</td><td>request processing threads</td></tr>
 *   <tr><td>defaultThreadPoolQueueCapacity</td><td>10000</td><td>queued requests before
 *       SYSTEM_BUSY</td></tr>
 *   <tr><td>scanNotActiveBrokerInterval</td><td>5000</td><td>ms between broker expiry scans</td></tr>
 *   <tr><td>brokerChannelExpiredTime</td><td>120000</td><td>ms of silence after which a broker is
 *       removed (a broker's own heartbeatTimeoutMillis wins)</td></tr>
 *   <tr><td>kvConfigPath</td><td>~/namesrv/kvConfig.json</td><td>KV config file</td></tr>
 *   <tr><td>orderMessageEnable</td><td>false</td><td>serve orderTopicConf from KV namespace
 *       ORDER_TOPIC_CONFIG in routes</td></tr>
 *   <tr><td>returnOrderTopicConfigToBroker</td><td>true</td><td>answer registrations with that
 *       namespace</td></tr>
 *   <tr><td>enableAllTopicList</td><td>true</td><td>serve GET_ALL_TOPIC_LIST_FROM_NAMESERVER</td></tr>
 *   <tr><td>enableTopicList</td><td>true</td><td>serve the per-cluster and unit topic lists</td></tr>
 *   <tr><td>deleteTopicWithBrokerRegistration</td><td>false</td><td>a registration drops the
 *       broker's topics it no longer lists</td></tr>
 *   <tr><td>supportActingMaster</td><td>false</td><td>routes show an acting slave as master of a
 *       broker name in acting-master mode whose master is gone</td></tr>
 * </table>
 *
 * The last six can change at run time ({@link #withUpdates(Properties)}).
 */
public final class NameServerConfig {

  /** Keys that {@link #withUpdates(Properties)} accepts. */
  public static final Set<String> RUNTIME_KEYS =
      Set.of(
          "orderMessageEnable",
          "returnOrderTopicConfigToBroker",
          "enableAllTopicList",
          "enableTopicList",
          "deleteTopicWithBrokerRegistration",
          "supportActingMaster");

  private final int listenPort;
  private final String bindAddress;
  private final int serverSelectorThreads;
  private final int serverChannelMaxIdleTimeSeconds;
  private final int defaultThreadPoolNums;
  private final int defaultThreadPoolQueueCapacity;
  private final long scanNotActiveBrokerInterval;
  private final long brokerChannelExpiredTime;
  private final Path kvConfigPath;
  private final boolean orderMessageEnable;
  private final boolean returnOrderTopicConfigToBroker;
  private final boolean enableAllTopicList;
  private final boolean enableTopicList;
  private final boolean deleteTopicWithBrokerRegistration;
  private final boolean supportActingMaster;

  private NameServerConfig(Builder b) {
    listenPort = b.listenPort;
    bindAddress = b.bindAddress;
    serverSelectorThreads = b.serverSelectorThreads;
    serverChannelMaxIdleTimeSeconds = b.serverChannelMaxIdleTimeSeconds;
    defaultThreadPoolNums = b.defaultThreadPoolNums;
    defaultThreadPoolQueueCapacity = b.defaultThreadPoolQueueCapacity;
    scanNotActiveBrokerInterval = b.scanNotActiveBrokerInterval;
    brokerChannelExpiredTime = b.brokerChannelExpiredTime;
    kvConfigPath = b.kvConfigPath;
    orderMessageEnable = b.orderMessageEnable;
    returnOrderTopicConfigToBroker = b.returnOrderTopicConfigToBroker;
    enableAllTopicList = b.enableAllTopicList;
    enableTopicList = b.enableTopicList;
    deleteTopicWithBrokerRegistration = b.deleteTopicWithBrokerRegistration;
    supportActingMaster = b.supportActingMaster;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads {@code namesrv.conf}-style properties over the defaults.
   *
   * @throws IllegalArgumentException naming an unknown key or a bad value
   */
  public static NameServerConfig fromProperties(Properties properties) {
    Builder b = builder();
    for (String key : properties.stringPropertyNames()) {
      b.set(key, properties.getProperty(key).trim());
    }
    return b.build();
  }

  /**
   * This config with the run-time changeable keys of {@code updates} applied.
   *
   * @throws IllegalArgumentException naming a key that cannot change at run time, or a bad value
   */
  public NameServerConfig withUpdates(Properties updates) {
    Builder b = toBuilder();
    for (String key : updates.stringPropertyNames()) {
      if (!RUNTIME_KEYS.contains(key)) {
        throw new IllegalArgumentException(key + " cannot be changed while the server runs");
      }
      b.set(key, updates.getProperty(key).trim());
    }
    return b.build();
  }

  /** Every key with its value, in the documented order. */
  public Map<String, String> toMap() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("listenPort", Integer.toString(listenPort));
    map.put("bindAddress", bindAddress);
    map.put("serverSelectorThreads", Integer.toString(serverSelectorThreads));
    map.put("serverChannelMaxIdleTimeSeconds", Integer.toString(serverChannelMaxIdleTimeSeconds));
    map.put("defaultThreadPoolNums", Integer.toString(defaultThreadPoolNums));
    map.put("defaultThreadPoolQueueCapacity", Integer.toString(defaultThreadPoolQueueCapacity));
    map.put("scanNotActiveBrokerInterval", Long.toString(scanNotActiveBrokerInterval));
    map.put("brokerChannelExpiredTime", Long.toString(brokerChannelExpiredTime));
    map.put("kvConfigPath", kvConfigPath.toString());
    map.put("orderMessageEnable", Boolean.toString(orderMessageEnable));
    map.put("returnOrderTopicConfigToBroker", Boolean.toString(returnOrderTopicConfigToBroker));
    map.put("enableAllTopicList", Boolean.toString(enableAllTopicList));
    map.put("enableTopicList", Boolean.toString(enableTopicList));
    map.put(
        "deleteTopicWithBrokerRegistration", Boolean.toString(deleteTopicWithBrokerRegistration));
    map.put("supportActingMaster", Boolean.toString(supportActingMaster));
    return map;
  }

  /** A builder holding this config's values. */
  public Builder toBuilder() {
    Builder b = builder();
    toMap().forEach(b::set);
    return b;
  }

  public int listenPort() {
    return listenPort;
  }

  public String bindAddress() {
    return bindAddress;
  }

  public int serverSelectorThreads() {
    return serverSelectorThreads;
  }

  public int serverChannelMaxIdleTimeSeconds() {
    return serverChannelMaxIdleTimeSeconds;
  }

  public int defaultThreadPoolNums() {
    return defaultThreadPoolNums;
  }

  public int defaultThreadPoolQueueCapacity() {
    return defaultThreadPoolQueueCapacity;
  }

  public long scanNotActiveBrokerInterval() {
    return scanNotActiveBrokerInterval;
  }

  public long brokerChannelExpiredTime() {
    return brokerChannelExpiredTime;
  }

  public Path kvConfigPath() {
    return kvConfigPath;
  }

  public boolean orderMessageEnable() {
    return orderMessageEnable;
  }

  public boolean returnOrderTopicConfigToBroker() {
    return returnOrderTopicConfigToBroker;
  }

  public boolean enableAllTopicList() {
    return enableAllTopicList;
  }

  public boolean enableTopicList() {
    return enableTopicList;
  }

  public boolean deleteTopicWithBrokerRegistration() {
    return deleteTopicWithBrokerRegistration;
  }

  public boolean supportActingMaster() {
    return supportActingMaster;
  }

  /** Mutable builder; not thread-safe. */
  public static final class Builder {
    private int listenPort = 9876;
    private String bindAddress = "0.0.0.0";
    private int serverSelectorThreads = 2;
    private int serverChannelMaxIdleTimeSeconds = 120;
    private int defaultThreadPoolNums = 2;
    private int defaultThreadPoolQueueCapacity = 10_000;
    private long scanNotActiveBrokerInterval = 5_000;
    private long brokerChannelExpiredTime = 120_000;
    private Path kvConfigPath =
        Path.of(System.getProperty("user.home"), "namesrv", "kvConfig.json");
    private boolean orderMessageEnable;
    private boolean returnOrderTopicConfigToBroker = true;
    private boolean enableAllTopicList = true;
    private boolean enableTopicList = true;
    private boolean deleteTopicWithBrokerRegistration;
    private boolean supportActingMaster;

    private static final Map<String, BiConsumer<Builder, String>> SETTERS = setters();

    private Builder() {}

    private static Map<String, BiConsumer<Builder, String>> setters() {
      Map<String, BiConsumer<Builder, String>> m = new LinkedHashMap<>();
      m.put("listenPort", (b, v) -> b.listenPort = parseInt("listenPort", v));
      m.put("bindAddress", (b, v) -> b.bindAddress = v);
      m.put(
          "serverSelectorThreads",
          (b, v) -> b.serverSelectorThreads = parseInt("serverSelectorThreads", v));
      m.put(
          "serverChannelMaxIdleTimeSeconds",
          (b, v) ->
              b.serverChannelMaxIdleTimeSeconds = parseInt("serverChannelMaxIdleTimeSeconds", v));
      m.put(
          "defaultThreadPoolNums",
          (b, v) -> b.defaultThreadPoolNums = parseInt("defaultThreadPoolNums", v));
      m.put(
          "defaultThreadPoolQueueCapacity",
          (b, v) ->
              b.defaultThreadPoolQueueCapacity = parseInt("defaultThreadPoolQueueCapacity", v));
      m.put(
          "scanNotActiveBrokerInterval",
          (b, v) -> b.scanNotActiveBrokerInterval = parseLong("scanNotActiveBrokerInterval", v));
      m.put(
          "brokerChannelExpiredTime",
          (b, v) -> b.brokerChannelExpiredTime = parseLong("brokerChannelExpiredTime", v));
      m.put("kvConfigPath", (b, v) -> b.kvConfigPath = Path.of(v));
      m.put(
          "orderMessageEnable",
          (b, v) -> b.orderMessageEnable = parseBool("orderMessageEnable", v));
      m.put(
          "returnOrderTopicConfigToBroker",
          (b, v) ->
              b.returnOrderTopicConfigToBroker = parseBool("returnOrderTopicConfigToBroker", v));
      m.put(
          "enableAllTopicList",
          (b, v) -> b.enableAllTopicList = parseBool("enableAllTopicList", v));
      m.put("enableTopicList", (b, v) -> b.enableTopicList = parseBool("enableTopicList", v));
      m.put(
          "deleteTopicWithBrokerRegistration",
          (b, v) ->
              b.deleteTopicWithBrokerRegistration =
                  parseBool("deleteTopicWithBrokerRegistration", v));
      m.put(
          "supportActingMaster",
          (b, v) -> b.supportActingMaster = parseBool("supportActingMaster", v));
      return m;
    }

    /**
     * Sets a key from its text form.
     *
     * @throws IllegalArgumentException naming an unknown key or a value that does not parse
     */
    public Builder set(String key, String value) {
      BiConsumer<Builder, String> setter = SETTERS.get(key);
      if (setter == null) {
        throw new IllegalArgumentException("unknown name server config key: " + key);
      }
      if (value == null) {
        throw new IllegalArgumentException(key + " must not be null");
      }
      setter.accept(this, value);
      return this;
    }

    public Builder listenPort(int port) {
      this.listenPort = port;
      return this;
    }

    public Builder bindAddress(String address) {
      this.bindAddress = address;
      return this;
    }

    public Builder serverSelectorThreads(int threads) {
      this.serverSelectorThreads = threads;
      return this;
    }

    public Builder serverChannelMaxIdleTimeSeconds(int seconds) {
      this.serverChannelMaxIdleTimeSeconds = seconds;
      return this;
    }

    public Builder defaultThreadPoolNums(int threads) {
      this.defaultThreadPoolNums = threads;
      return this;
    }

    public Builder defaultThreadPoolQueueCapacity(int capacity) {
      this.defaultThreadPoolQueueCapacity = capacity;
      return this;
    }

    public Builder scanNotActiveBrokerInterval(long millis) {
      this.scanNotActiveBrokerInterval = millis;
      return this;
    }

    public Builder brokerChannelExpiredTime(long millis) {
      this.brokerChannelExpiredTime = millis;
      return this;
    }

    public Builder kvConfigPath(Path path) {
      this.kvConfigPath = path;
      return this;
    }

    public Builder orderMessageEnable(boolean enable) {
      this.orderMessageEnable = enable;
      return this;
    }

    public Builder returnOrderTopicConfigToBroker(boolean enable) {
      this.returnOrderTopicConfigToBroker = enable;
      return this;
    }

    public Builder enableAllTopicList(boolean enable) {
      this.enableAllTopicList = enable;
      return this;
    }

    public Builder enableTopicList(boolean enable) {
      this.enableTopicList = enable;
      return this;
    }

    public Builder deleteTopicWithBrokerRegistration(boolean enable) {
      this.deleteTopicWithBrokerRegistration = enable;
      return this;
    }

    public Builder supportActingMaster(boolean enable) {
      this.supportActingMaster = enable;
      return this;
    }

    /** Validates and freezes the settings. */
    public NameServerConfig build() {
      range("listenPort", listenPort, 0, 65535);
      if (bindAddress == null || bindAddress.isBlank()) {
        throw new IllegalArgumentException("bindAddress must not be empty");
      }
      range("serverSelectorThreads", serverSelectorThreads, 1, 64);
      range("serverChannelMaxIdleTimeSeconds", serverChannelMaxIdleTimeSeconds, 1, 86_400);
      range("defaultThreadPoolNums", defaultThreadPoolNums, 1, 256);
      range("defaultThreadPoolQueueCapacity", defaultThreadPoolQueueCapacity, 1, 1_000_000);
      positive("scanNotActiveBrokerInterval", scanNotActiveBrokerInterval);
      positive("brokerChannelExpiredTime", brokerChannelExpiredTime);
      if (kvConfigPath == null) {
        throw new IllegalArgumentException("kvConfigPath must be set");
      }
      return new NameServerConfig(this);
    }

    private static void range(String key, int value, int min, int max) {
      if (value < min || value > max) {
        throw new IllegalArgumentException(
            key + " must be in [" + min + ", " + max + "], got " + value);
      }
    }

    private static void positive(String key, long value) {
      if (value <= 0) {
        throw new IllegalArgumentException(key + " must be > 0 ms, got " + value);
      }
    }

    private static int parseInt(String key, String value) {
      try {
        return Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(key + " must be an integer, got " + value, e);
      }
    }

    private static long parseLong(String key, String value) {
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(key + " must be an integer, got " + value, e);
      }
    }

    private static boolean parseBool(String key, String value) {
      if (value.equalsIgnoreCase("true")) {
        return true;
      }
      if (value.equalsIgnoreCase("false")) {
        return false;
      }
      throw new IllegalArgumentException(key + " must be true or false, got " + value);
    }
  }
}
