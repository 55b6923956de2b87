package io.kitemq.broker.client;

import io.kitemq.remoting.protocol.body.SubscriptionData;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Consumer groups and their live members, from heartbeats. A member leaves when it unregisters,
 * when its connection closes, or when it has been silent longer than the expiry (checked by {@link
 * #scanExpired()} against the injected clock). Every change of a group's member set is reported to
 * the {@link ConsumerIdsChangeListener} (the broker tells the remaining members to rebalance).
 * Thread-safe.
 */
public final class ConsumerManager {

  private final Map<String, ConsumerGroupInfo> groups = new ConcurrentHashMap<>();
  private final LongSupplier clock;
  private final long expiryMillis;
  private final ConsumerIdsChangeListener listener;

  public ConsumerManager(
      LongSupplier clock, long expiryMillis, ConsumerIdsChangeListener listener) {
    this.clock = clock;
    this.expiryMillis = expiryMillis;
    this.listener = listener;
  }

  /**
   * Registers or refreshes a member with its subscriptions.
   *
   * @return whether the group's member set changed
   */
  public boolean register(
      String group,
      Channel channel,
      String clientId,
      String language,
      int version,
      String consumeType,
      String messageModel,
      String consumeFromWhere,
      List<SubscriptionData> subscriptions) {
    ConsumerGroupInfo info = groups.computeIfAbsent(group, ConsumerGroupInfo::new);
    boolean membersChanged;
    synchronized (info) {
      membersChanged =
          info.upsert(
              new ClientChannelInfo(channel, clientId, language, version, clock.getAsLong()),
              consumeType,
              messageModel,
              consumeFromWhere);
      info.updateSubscriptions(subscriptions);
    }
    if (membersChanged) {
      listener.membersChanged(group, info.members());
    }
    return membersChanged;
  }

  /** Removes one member of a group (UNREGISTER_CLIENT). */
  public void unregister(String group, Channel channel) {
    ConsumerGroupInfo info = groups.get(group);
    if (info == null) {
      return;
    }
    ClientChannelInfo removed;
    synchronized (info) {
      removed = info.remove(channel);
      if (info.isEmpty()) {
        groups.remove(group, info);
      }
    }
    if (removed != null) {
      listener.membersChanged(group, info.members());
    }
  }

  /** Removes the channel from every group (its connection closed). */
  public void channelClosed(Channel channel) {
    for (ConsumerGroupInfo info : groups.values()) {
      ClientChannelInfo removed;
      synchronized (info) {
        removed = info.remove(channel);
        if (info.isEmpty()) {
          groups.remove(info.groupName(), info);
        }
      }
      if (removed != null) {
        listener.membersChanged(info.groupName(), info.members());
      }
    }
  }

  /**
   * Drops members silent for longer than the expiry.
   *
   * @return the channels dropped (the caller closes them)
   */
  public List<Channel> scanExpired() {
    long deadline = clock.getAsLong() - expiryMillis;
    List<Channel> dropped = new ArrayList<>();
    for (ConsumerGroupInfo info : groups.values()) {
      List<ClientChannelInfo> removed;
      synchronized (info) {
        removed = info.removeSilentSince(deadline);
        if (info.isEmpty()) {
          groups.remove(info.groupName(), info);
        }
      }
      if (!removed.isEmpty()) {
        removed.forEach(c -> dropped.add(c.channel()));
        listener.membersChanged(info.groupName(), info.members());
      }
    }
    return dropped;
  }

  /** The group, or null when it has no live member. */
  public ConsumerGroupInfo group(String group) {
    return groups.get(group);
  }

  /** The subscription a group declared for a topic, or null. */
  public SubscriptionData subscription(String group, String topic) {
    ConsumerGroupInfo info = groups.get(group);
    return info == null ? null : info.subscription(topic);
  }

  /** Client ids of a group's live members (empty when none). */
  public List<String> clientIds(String group) {
    ConsumerGroupInfo info = groups.get(group);
    return info == null ? List.of() : info.clientIds();
  }

  /** Topics the live members of a group subscribe to (empty when none). */
  public Set<String> subscriptionsOf(String group) {
    ConsumerGroupInfo info = groups.get(group);
    return info == null ? Set.of() : Set.copyOf(info.subscriptions().keySet());
  }

  /** Names of the groups with live members. */
  public Set<String> groupNames() {
    return Set.copyOf(groups.keySet());
  }

  /** Groups with a live member subscribed to {@code topic}. */
  public Set<String> groupsSubscribing(String topic) {
    Set<String> out = new HashSet<>();
    groups.forEach(
        (g, info) -> {
          if (info.subscription(topic) != null) {
            out.add(g);
          }
        });
    return out;
  }
}
