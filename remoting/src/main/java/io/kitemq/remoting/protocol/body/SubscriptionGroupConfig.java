package io.kitemq.remoting.protocol.body;

import java.util.Map;
import java.util.Objects;

/**
 * A consumer group's settings on a broker (subscriptionGroup.json entries, the
 * UPDATE_AND_CREATE_SUBSCRIPTIONGROUP body, GET_ALL_SUBSCRIPTIONGROUP_CONFIG entries). JSON field
 * names follow RocketMQ's SubscriptionGroupConfig. Immutable.
 *
 * @param groupName the group
 * @param consumeEnable whether the group may pull
 * @param consumeFromMinEnable legacy flag, kept for the admin tools
 * @param consumeBroadcastEnable whether broadcasting consumers are allowed
 * @param consumeMessageOrderly whether the group consumes orderly
 * @param retryQueueNums queues of the group's %RETRY% topic (0 = drop failed messages)
 * @param retryMaxTimes default retry budget before the DLQ
 * @param brokerId broker id the group prefers to read from
 * @param whichBrokerWhenConsumeSlowly broker id suggested when the group lags
 * @param notifyConsumerIdsChangedEnable whether members are told about membership changes
 * @param groupSysFlag system flag bits
 * @param consumeTimeoutMinute client consume timeout hint
 * @param attributes free-form attributes (null reads as none)
 */
public record SubscriptionGroupConfig(
    String groupName,
    boolean consumeEnable,
    boolean consumeFromMinEnable,
    boolean consumeBroadcastEnable,
    boolean consumeMessageOrderly,
    int retryQueueNums,
    int retryMaxTimes,
    long brokerId,
    long whichBrokerWhenConsumeSlowly,
    boolean notifyConsumerIdsChangedEnable,
    int groupSysFlag,
    int consumeTimeoutMinute,
    Map<String, String> attributes) {

  public SubscriptionGroupConfig {
    Objects.requireNonNull(groupName, "groupName");
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  /** A group with RocketMQ's defaults: 1 retry queue, 16 retries, everything enabled. */
  public static SubscriptionGroupConfig of(String groupName, int retryMaxTimes) {
    return new SubscriptionGroupConfig(
        groupName, true, true, true, false, 1, retryMaxTimes, 0, 1, true, 0, 15, Map.of());
  }
}
