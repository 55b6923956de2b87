package io.kitemq.remoting.protocol.body;

import java.util.List;

/**
 * One consumer group of a client in a heartbeat. Enum-valued fields travel as their RocketMQ names
 * ({@code CONSUME_PASSIVELY}, {@code CLUSTERING}, {@code CONSUME_FROM_LAST_OFFSET}) and are kept as
 * strings so that values unknown to us do not fail the whole heartbeat. Immutable.
 *
 * @param groupName the consumer group
 * @param consumeType CONSUME_PASSIVELY (push), CONSUME_ACTIVELY (pull) or CONSUME_POP
 * @param messageModel CLUSTERING or BROADCASTING
 * @param consumeFromWhere where a new group starts
 * @param subscriptionDataSet the group's subscriptions on this client
 * @param unitMode always false for the official client
 */
public record ConsumerData(
    String groupName,
    String consumeType,
    String messageModel,
    String consumeFromWhere,
    List<SubscriptionData> subscriptionDataSet,
    boolean unitMode) {

  public ConsumerData {
    subscriptionDataSet =
        subscriptionDataSet == null ? List.of() : List.copyOf(subscriptionDataSet);
  }
}
