package io.kitemq.client.internal;

import io.kitemq.remoting.protocol.body.ConsumerData;
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
}
