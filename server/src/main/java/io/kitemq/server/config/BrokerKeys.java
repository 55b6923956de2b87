package io.kitemq.server.config;

import java.util.Set;

/**
 * The broker.conf keys the broker itself reads ({@code BrokerConfig.fromProperties}; the store's
 * are in {@link StoreKeys}). The broker ignores keys it does not know, so the launcher keeps this
 * list to tell a broker key from a typo; a test checks that the broker rejects a bad value for each
 * numeric and boolean key, i.e. really reads it.
 */
public final class BrokerKeys {

  /** Every key {@code BrokerConfig.fromProperties} reads, store keys aside. */
  public static final Set<String> KEYS =
      Set.of(
          "brokerClusterName",
          "brokerName",
          "brokerId",
          "namesrvAddr",
          "listenPort",
          "brokerIP1",
          "autoCreateTopicEnable",
          "autoCreateSubscriptionGroup",
          "defaultTopicQueueNums",
          "brokerPermission",
          "registerNameServerPeriod",
          "flushConsumerOffsetInterval",
          "longPollingEnable",
          "shortPollingTimeMills",
          "enablePropertyFilter",
          "sendOnIoThread",
          "pullOnIoThread",
          "sendMessageThreadPoolNums",
          "sendThreadPoolQueueCapacity",
          "pullMessageThreadPoolNums",
          "pullThreadPoolQueueCapacity",
          "adminBrokerThreadPoolNums",
          "adminThreadPoolQueueCapacity",
          "channelExpiredTimeout",
          "rebalanceLockMaxLiveTime",
          "maxReconsumeTimes",
          "messageDelayLevel",
          "transactionTimeOut",
          "transactionCheckMax",
          "transactionCheckInterval",
          "traceTopicEnable",
          "msgTraceTopicName");

  private BrokerKeys() {}
}
