package io.kitemq.client.internal;

import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.MessageQueue;
import io.kitemq.remoting.protocol.body.ConsumeMessageDirectlyResult;
import io.kitemq.remoting.protocol.body.ConsumerData;
import io.kitemq.remoting.protocol.body.ConsumerRunningInfo;
import java.util.Map;
import java.util.Set;

/** What the shared instance needs from a consumer registered with it. */
public interface ConsumerMember {

  String group();

  /** The group's entry in heartbeats (subscriptions included). */
  ConsumerData consumerData();

  /** Topics whose routes the consumer needs. */
  Set<String> topics();

  /** Asks for a rebalance soon (the group's member set changed); must not block. */
  void rebalanceSoon();

  /** What GET_CONSUMER_RUNNING_INFO reports; null when this kind of consumer reports nothing. */
  default ConsumerRunningInfo runningInfo() {
    return null;
  }

  /**
   * Runs the listener on {@code message} now (CONSUME_MESSAGE_DIRECTLY); null when this kind of
   * consumer has no listener.
   */
  default ConsumeMessageDirectlyResult consumeDirectly(MessageExt message, String brokerName) {
    return null;
  }

  /**
   * Restarts consumption of {@code topic}'s queues from the given offsets
   * (RESET_CONSUMER_CLIENT_OFFSET); false when this kind of consumer does not take resets.
   */
  default boolean resetOffsets(String topic, Map<MessageQueue, Long> offsets) {
    return false;
  }
}
