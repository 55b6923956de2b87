package io.kitemq.broker.client;

import io.kitemq.remoting.protocol.body.SubscriptionData;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live members of one consumer group on this broker and the subscriptions they declared in
 * their heartbeats (the latest heartbeat wins per topic). Thread-safe.
 */
public final class ConsumerGroupInfo {

  private final String groupName;
  private final Map<Channel, ClientChannelInfo> channels = new ConcurrentHashMap<>();
  private final Map<String, SubscriptionData> subscriptions = new ConcurrentHashMap<>();
  private volatile String consumeType;
  private volatile String messageModel;
  private volatile String consumeFromWhere;

  ConsumerGroupInfo(String groupName) {
    this.groupName = groupName;
  }

  public String groupName() {
    return groupName;
  }

  public String consumeType() {
    return consumeType;
  }

  public String messageModel() {
    return messageModel;
  }

  public String consumeFromWhere() {
    return consumeFromWhere;
  }

  /** The subscription of {@code topic}, or null. */
  public SubscriptionData subscription(String topic) {
    return subscriptions.get(topic);
  }

  public Map<String, SubscriptionData> subscriptions() {
    return Map.copyOf(subscriptions);
  }

  /** Every member's channel info (a copy). */
  public List<ClientChannelInfo> members() {
    return new ArrayList<>(channels.values());
  }

  /** Client ids of the members. */
  public List<String> clientIds() {
    List<String> ids = new ArrayList<>();
    for (ClientChannelInfo c : channels.values()) {
      ids.add(c.clientId());
    }
    return ids;
  }

  boolean isEmpty() {
    return channels.isEmpty();
  }

  /** Adds or refreshes a member; returns whether the member set changed. */
  boolean upsert(
      ClientChannelInfo info, String consumeType, String messageModel, String consumeFromWhere) {
    this.consumeType = consumeType;
    this.messageModel = messageModel;
    this.consumeFromWhere = consumeFromWhere;
    ClientChannelInfo old = channels.get(info.channel());
    if (old != null && old.clientId().equals(info.clientId())) {
      old.touch(info.lastUpdate());
      return false;
    }
    channels.put(info.channel(), info);
    return true;
  }

  /** Replaces the declared subscriptions; returns whether anything changed. */
  boolean updateSubscriptions(List<SubscriptionData> subs) {
    boolean changed = false;
    for (SubscriptionData s : subs) {
      SubscriptionData old = subscriptions.get(s.topic());
      if (old == null || old.subVersion() < s.subVersion()) {
        subscriptions.put(s.topic(), s);
        changed = true;
      }
    }
    return changed;
  }

  ClientChannelInfo remove(Channel channel) {
    return channels.remove(channel);
  }

  /** Removes members silent since before {@code deadline}; returns them. */
  List<ClientChannelInfo> removeSilentSince(long deadline) {
    List<ClientChannelInfo> removed = new ArrayList<>();
    channels
        .values()
        .removeIf(
            c -> {
              if (c.lastUpdate() < deadline) {
                removed.add(c);
                return true;
              }
              return false;
            });
    return removed;
  }
}
