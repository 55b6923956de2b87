package io.kitemq.broker.client;

import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Producer groups and the channels of their live producers, from heartbeats (kept for transaction
 * check-backs, which call a producer of the group). Members leave on unregister, connection close
 * or expiry. Thread-safe.
 */
public final class ProducerManager {

  private final Map<String, Map<Channel, ClientChannelInfo>> groups = new ConcurrentHashMap<>();
  private final LongSupplier clock;
  private final long expiryMillis;

  public ProducerManager(LongSupplier clock, long expiryMillis) {
    this.clock = clock;
    this.expiryMillis = expiryMillis;
  }

  public void register(
      String group, Channel channel, String clientId, String language, int version) {
    Map<Channel, ClientChannelInfo> members =
        groups.computeIfAbsent(group, g -> new ConcurrentHashMap<>());
    ClientChannelInfo old = members.get(channel);
    long now = clock.getAsLong();
    if (old != null && old.clientId().equals(clientId)) {
      old.touch(now);
    } else {
      members.put(channel, new ClientChannelInfo(channel, clientId, language, version, now));
    }
  }

  public void unregister(String group, Channel channel) {
    Map<Channel, ClientChannelInfo> members = groups.get(group);
    if (members != null) {
      members.remove(channel);
      if (members.isEmpty()) {
        groups.remove(group, members);
      }
    }
  }

  public void channelClosed(Channel channel) {
    for (String group : List.copyOf(groups.keySet())) {
      unregister(group, channel);
    }
  }

  /** Drops producers silent longer than the expiry; returns their channels. */
  public List<Channel> scanExpired() {
    long deadline = clock.getAsLong() - expiryMillis;
    List<Channel> dropped = new ArrayList<>();
    groups.forEach(
        (g, members) ->
            members
                .values()
                .removeIf(
                    c -> {
                      if (c.lastUpdate() < deadline) {
                        dropped.add(c.channel());
                        return true;
                      }
                      return false;
                    }));
    groups.values().removeIf(Map::isEmpty);
    return dropped;
  }

  /** The groups with live producers (a copy). */
  public Set<String> groupNames() {
    return new TreeSet<>(groups.keySet());
  }

  /** The live producers of a group (a copy; empty when none). */
  public List<ClientChannelInfo> members(String group) {
    Map<Channel, ClientChannelInfo> members = groups.get(group);
    return members == null ? List.of() : new ArrayList<>(members.values());
  }
}
