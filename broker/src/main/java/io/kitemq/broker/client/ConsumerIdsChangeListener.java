package io.kitemq.broker.client;

import java.util.List;

/** Told when a consumer group's member set changed, with the channels still in the group. */
@FunctionalInterface
public interface ConsumerIdsChangeListener {

  void membersChanged(String group, List<ClientChannelInfo> remaining);
}
