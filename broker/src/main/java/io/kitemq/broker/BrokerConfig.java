package io.kitemq.broker;

import io.kitemq.common.topic.TopicPermission;
import io.kitemq.store.MessageStoreConfig;
import io.kitemq.store.StoreConfigException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The broker's settings, read once from a broker.conf ({@link #fromProperties}) with RocketMQ's key
 * names, validated when built (the offending key is named in {@link BrokerConfigException}). The
 * store keys of the same file go to {@link MessageStoreConfig#fromProperties}; {@link
 * #storeConfig()} holds the result. Immutable and thread-safe.
 */
public final class BrokerConfig {

  private final String brokerClusterName;
  private final String brokerName;
  private final long brokerId;
  private final List<String> namesrvAddrs;
  private final int listenPort;
  private final String brokerIP1;
  private final boolean autoCreateTopicEnable;
  private final boolean autoCreateSubscriptionGroup;
  private final int defaultTopicQueueNums;
  private final int brokerPermission;
  private final long registerNameServerPeriod;
  private final long flushConsumerOffsetInterval;
  private final boolean longPollingEnable;
  private final long shortPollingTimeMills;
  private final boolean enablePropertyFilter;
  private final boolean sendOnIoThread;
  private final boolean pullOnIoThread;
  private final int sendMessageThreadPoolNums;
  private final int sendThreadPoolQueueCapacity;
  private final int pullMessageThreadPoolNums;
  private final int pullThreadPoolQueueCapacity;
  private final int adminBrokerThreadPoolNums;
  private final int adminThreadPoolQueueCapacity;
  private final long channelExpiredTimeout;
  private final long rebalanceLockMaxLiveTime;
  private final int maxReconsumeTimes;
  private final String messageDelayLevel;
  private final long transactionTimeOut;
  private final int transactionCheckMax;
  private final long transactionCheckInterval;
  private final boolean traceTopicEnable;
  private final String msgTraceTopicName;
  private final MessageStoreConfig storeConfig;

  private BrokerConfig(Properties p) {
    this.brokerClusterName = string(p, "brokerClusterName", "DefaultCluster");
    this.brokerName = string(p, "brokerName", "broker-a");
    this.brokerId = longValue(p, "brokerId", 0, 0, Long.MAX_VALUE);
    this.namesrvAddrs = addresses(p.getProperty("namesrvAddr", ""));
    this.listenPort = (int) longValue(p, "listenPort", 10911, 0, 65535);
    this.brokerIP1 = string(p, "brokerIP1", "127.0.0.1");
    this.autoCreateTopicEnable = bool(p, "autoCreateTopicEnable", true);
    this.autoCreateSubscriptionGroup = bool(p, "autoCreateSubscriptionGroup", true);
    this.defaultTopicQueueNums = (int) longValue(p, "defaultTopicQueueNums", 8, 1, 1024);
    this.brokerPermission =
        (int) longValue(p, "brokerPermission", TopicPermission.READ_WRITE, 0, 7);
    this.registerNameServerPeriod = longValue(p, "registerNameServerPeriod", 30_000, 100, 60_000);
    this.flushConsumerOffsetInterval =
        longValue(p, "flushConsumerOffsetInterval", 5_000, 10, Long.MAX_VALUE);
    this.longPollingEnable = bool(p, "longPollingEnable", true);
    this.shortPollingTimeMills = longValue(p, "shortPollingTimeMills", 1_000, 1, 60_000);
    this.enablePropertyFilter = bool(p, "enablePropertyFilter", false);
    this.sendOnIoThread = bool(p, "sendOnIoThread", true);
    this.pullOnIoThread = bool(p, "pullOnIoThread", true);
    this.sendMessageThreadPoolNums = (int) longValue(p, "sendMessageThreadPoolNums", 2, 1, 256);
    this.sendThreadPoolQueueCapacity =
        (int) longValue(p, "sendThreadPoolQueueCapacity", 10_000, 1, 1_000_000);
    this.pullMessageThreadPoolNums = (int) longValue(p, "pullMessageThreadPoolNums", 4, 1, 256);
    this.pullThreadPoolQueueCapacity =
        (int) longValue(p, "pullThreadPoolQueueCapacity", 10_000, 1, 1_000_000);
    this.adminBrokerThreadPoolNums = (int) longValue(p, "adminBrokerThreadPoolNums", 2, 1, 64);
    this.adminThreadPoolQueueCapacity =
        (int) longValue(p, "adminThreadPoolQueueCapacity", 10_000, 1, 1_000_000);
    this.channelExpiredTimeout = longValue(p, "channelExpiredTimeout", 120_000, 100, 3_600_000);
    this.rebalanceLockMaxLiveTime =
        longValue(p, "rebalanceLockMaxLiveTime", 60_000, 100, 3_600_000);
    this.maxReconsumeTimes = (int) longValue(p, "maxReconsumeTimes", 16, 0, 1000);
    this.messageDelayLevel =
        string(p, "messageDelayLevel", io.kitemq.broker.schedule.DelayLevels.DEFAULT);
    io.kitemq.broker.schedule.DelayLevels.parse(messageDelayLevel);
    this.transactionTimeOut = longValue(p, "transactionTimeOut", 6_000, 0, 86_400_000);
    this.transactionCheckMax = (int) longValue(p, "transactionCheckMax", 15, 1, 10_000);
    this.transactionCheckInterval =
        longValue(p, "transactionCheckInterval", 30_000, 100, 86_400_000);
    this.traceTopicEnable = bool(p, "traceTopicEnable", false);
    this.msgTraceTopicName =
        string(p, "msgTraceTopicName", io.kitemq.common.topic.SystemTopics.TRACE_TOPIC);
    io.kitemq.common.topic.TopicValidator.validateTopic(msgTraceTopicName)
        .ifPresent(
            problem -> {
              throw new BrokerConfigException("msgTraceTopicName", problem);
            });
    try {
      this.storeConfig = MessageStoreConfig.fromProperties(p);
    } catch (StoreConfigException e) {
      throw new BrokerConfigException(e.key(), e.getMessage(), e);
    }
  }

  /**
   * Reads a whole broker.conf: broker keys here, store keys into the store config; unknown keys are
   * ignored.
   *
   * @throws BrokerConfigException naming the first invalid key
   */
  public static BrokerConfig fromProperties(Properties properties) {
    return new BrokerConfig(properties);
  }

  private static String string(Properties p, String key, String def) {
    String v = p.getProperty(key);
    if (v == null) {
      return def;
    }
    v = v.trim();
    if (v.isEmpty()) {
      throw new BrokerConfigException(key, "must not be blank");
    }
    return v;
  }

  private static boolean bool(Properties p, String key, boolean def) {
    String v = p.getProperty(key);
    if (v == null) {
      return def;
    }
    v = v.trim();
    if (v.equalsIgnoreCase("true")) {
      return true;
    }
    if (v.equalsIgnoreCase("false")) {
      return false;
    }
    throw new BrokerConfigException(key, "must be true or false, got '" + v + "'");
  }

  private static long longValue(Properties p, String key, long def, long min, long max) {
    String v = p.getProperty(key);
    if (v == null) {
      return def;
    }
    long parsed;
    try {
      parsed = Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new BrokerConfigException(key, "not a number: '" + v + "'", e);
    }
    if (parsed < min || parsed > max) {
      throw new BrokerConfigException(key, "must be in [" + min + ", " + max + "], got " + parsed);
    }
    return parsed;
  }

  private static List<String> addresses(String value) {
    List<String> out = new ArrayList<>();
    for (String a : value.split(";")) {
      String t = a.trim();
      if (t.isEmpty()) {
        continue;
      }
      int colon = t.lastIndexOf(':');
      if (colon <= 0 || colon == t.length() - 1) {
        throw new BrokerConfigException("namesrvAddr", "expected host:port, got '" + t + "'");
      }
      try {
        int port = Integer.parseInt(t.substring(colon + 1));
        if (port < 1 || port > 65535) {
          throw new BrokerConfigException("namesrvAddr", "port out of range in '" + t + "'");
        }
      } catch (NumberFormatException e) {
        throw new BrokerConfigException("namesrvAddr", "bad port in '" + t + "'", e);
      }
      out.add(t);
    }
    return List.copyOf(out);
  }

  public String brokerClusterName() {
    return brokerClusterName;
  }

  public String brokerName() {
    return brokerName;
  }

  public long brokerId() {
    return brokerId;
  }

  /** Name server addresses (host:port), possibly empty (then the broker registers nowhere). */
  public List<String> namesrvAddrs() {
    return namesrvAddrs;
  }

  /** Port to listen on; 0 picks a free one (see BrokerController#port()). */
  public int listenPort() {
    return listenPort;
  }

  /** The address announced to name servers and written as the store host. */
  public String brokerIP1() {
    return brokerIP1;
  }

  public boolean autoCreateTopicEnable() {
    return autoCreateTopicEnable;
  }

  public boolean autoCreateSubscriptionGroup() {
    return autoCreateSubscriptionGroup;
  }

  public int defaultTopicQueueNums() {
    return defaultTopicQueueNums;
  }

  public int brokerPermission() {
    return brokerPermission;
  }

  public long registerNameServerPeriod() {
    return registerNameServerPeriod;
  }

  public long flushConsumerOffsetInterval() {
    return flushConsumerOffsetInterval;
  }

  public boolean longPollingEnable() {
    return longPollingEnable;
  }

  public long shortPollingTimeMills() {
    return shortPollingTimeMills;
  }

  /** Whether SQL92 (property) subscriptions are served; off by default, as in RocketMQ. */
  public boolean enablePropertyFilter() {
    return enablePropertyFilter;
  }

  /**
   * Whether single-message sends (SEND_MESSAGE, SEND_MESSAGE_V2) are stored and answered on the I/O
   * thread of their connection rather than handed to the send pool; batches always go to the pool.
   * KiteMQ's own key, default true.
   */
  public boolean sendOnIoThread() {
    return sendOnIoThread;
  }

  /**
   * Whether pulls (PULL_MESSAGE, LITE_PULL_MESSAGE) are served on the I/O thread of their
   * connection rather than handed to the pull pool; pulls woken from long polling and SQL92 pulls
   * continue on the pool either way. KiteMQ's own key, default true.
   */
  public boolean pullOnIoThread() {
    return pullOnIoThread;
  }

  public int sendMessageThreadPoolNums() {
    return sendMessageThreadPoolNums;
  }

  public int sendThreadPoolQueueCapacity() {
    return sendThreadPoolQueueCapacity;
  }

  public int pullMessageThreadPoolNums() {
    return pullMessageThreadPoolNums;
  }

  public int pullThreadPoolQueueCapacity() {
    return pullThreadPoolQueueCapacity;
  }

  public int adminBrokerThreadPoolNums() {
    return adminBrokerThreadPoolNums;
  }

  public int adminThreadPoolQueueCapacity() {
    return adminThreadPoolQueueCapacity;
  }

  /** Clients silent for this long (ms) are dropped. */
  public long channelExpiredTimeout() {
    return channelExpiredTimeout;
  }

  /** A queue lock not renewed for this long (ms) expires. */
  public long rebalanceLockMaxLiveTime() {
    return rebalanceLockMaxLiveTime;
  }

  /** Default retry budget of a group created automatically. */
  public int maxReconsumeTimes() {
    return maxReconsumeTimes;
  }

  /** Delay of each level, RocketMQ syntax ({@code "1s 5s 10s ... 2h"}). */
  public String messageDelayLevel() {
    return messageDelayLevel;
  }

  /** A half message younger than this (ms since its birth) is not checked yet. */
  public long transactionTimeOut() {
    return transactionTimeOut;
  }

  /** Checks of one half message before it is moved to TRANS_CHECK_MAX_TIME_TOPIC. */
  public int transactionCheckMax() {
    return transactionCheckMax;
  }

  /** Period (ms) of the scan for half messages to check. */
  public long transactionCheckInterval() {
    return transactionCheckInterval;
  }

  /** Whether the trace topic is created (one queue) when the broker starts. */
  public boolean traceTopicEnable() {
    return traceTopicEnable;
  }

  /** The topic message traces go to. */
  public String msgTraceTopicName() {
    return msgTraceTopicName;
  }

  public MessageStoreConfig storeConfig() {
    return storeConfig;
  }

  /** The broker keys and values, for GET_BROKER_CONFIG. */
  public Map<String, String> toMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("brokerClusterName", brokerClusterName);
    m.put("brokerName", brokerName);
    m.put("brokerId", Long.toString(brokerId));
    m.put("namesrvAddr", String.join(";", namesrvAddrs));
    m.put("listenPort", Integer.toString(listenPort));
    m.put("brokerIP1", brokerIP1);
    m.put("autoCreateTopicEnable", Boolean.toString(autoCreateTopicEnable));
    m.put("autoCreateSubscriptionGroup", Boolean.toString(autoCreateSubscriptionGroup));
    m.put("defaultTopicQueueNums", Integer.toString(defaultTopicQueueNums));
    m.put("brokerPermission", Integer.toString(brokerPermission));
    m.put("registerNameServerPeriod", Long.toString(registerNameServerPeriod));
    m.put("flushConsumerOffsetInterval", Long.toString(flushConsumerOffsetInterval));
    m.put("longPollingEnable", Boolean.toString(longPollingEnable));
    m.put("shortPollingTimeMills", Long.toString(shortPollingTimeMills));
    m.put("enablePropertyFilter", Boolean.toString(enablePropertyFilter));
    m.put("sendOnIoThread", Boolean.toString(sendOnIoThread));
    m.put("pullOnIoThread", Boolean.toString(pullOnIoThread));
    m.put("transactionTimeOut", Long.toString(transactionTimeOut));
    m.put("transactionCheckMax", Integer.toString(transactionCheckMax));
    m.put("transactionCheckInterval", Long.toString(transactionCheckInterval));
    m.put("traceTopicEnable", Boolean.toString(traceTopicEnable));
    m.put("msgTraceTopicName", msgTraceTopicName);
    m.put("storePathRootDir", storeConfig.storePathRootDir().toString());
    m.put("maxMessageSize", Integer.toString(storeConfig.maxMessageSize()));
    return m;
  }

  @Override
  public String toString() {
    return "BrokerConfig" + toMap() + " namesrv=" + Arrays.toString(namesrvAddrs.toArray());
  }
}
