package io.kitemq.broker.config;

import io.kitemq.broker.BrokerConfig;
import io.kitemq.common.topic.SystemTopics;
import io.kitemq.remoting.protocol.body.BodyCodec;
import io.kitemq.remoting.protocol.body.DataVersion;
import io.kitemq.remoting.protocol.body.SubscriptionGroupConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Consumer group settings: built-in groups at start, groups created by admin requests and, when
 * {@code autoCreateSubscriptionGroup} is on, by the first heartbeat or pull of a group. Persisted
 * to {@code config/subscriptionGroup.json} ({@code {"dataVersion":..,"forbiddenTable":{},
 * "subscriptionGroupTable":{..}}}) on every change. Thread-safe: lock-free reads, changes
 * serialized on this object.
 */
public final class SubscriptionGroupManager {

  /** The on-disk shape of subscriptionGroup.json. */
  public record GroupFile(
      DataVersion dataVersion,
      Map<String, Map<String, Integer>> forbiddenTable,
      Map<String, SubscriptionGroupConfig> subscriptionGroupTable) {}

  private static final List<String> BUILT_IN =
      List.of(
          SystemTopics.TOOLS_CONSUMER_GROUP,
          SystemTopics.FILTERSRV_CONSUMER_GROUP,
          SystemTopics.SELF_TEST_CONSUMER_GROUP,
          SystemTopics.TRANSACTION_CHECK_GROUP);

  private final BrokerConfig config;
  private final JsonConfigFile file;
  private final LongSupplier clock;
  private final Map<String, SubscriptionGroupConfig> table = new ConcurrentHashMap<>();
  private volatile DataVersion dataVersion;

  public SubscriptionGroupManager(BrokerConfig config, Path configDir, LongSupplier clock) {
    this.config = config;
    this.file = new JsonConfigFile(configDir.resolve("subscriptionGroup.json"));
    this.clock = clock;
    this.dataVersion = DataVersion.initial(clock.getAsLong());
  }

  /** Loads the file (or its backup) and adds the built-in groups. */
  public synchronized void load() {
    Optional<GroupFile> stored = JsonFiles.load(file, GroupFile.class);
    stored.ifPresent(
        f -> {
          if (f.subscriptionGroupTable() != null) {
            table.putAll(f.subscriptionGroupTable());
          }
          if (f.dataVersion() != null) {
            dataVersion = f.dataVersion();
          }
        });
    boolean added = false;
    for (String g : BUILT_IN) {
      added |= table.putIfAbsent(g, SubscriptionGroupConfig.of(g, 16)) == null;
    }
    if (added || stored.isEmpty()) {
      persist();
    }
  }

  /** The group's settings, or null. */
  public SubscriptionGroupConfig get(String group) {
    return table.get(group);
  }

  /**
   * The group's settings, creating them with defaults when auto-creation is on.
   *
   * @return null when the group does not exist and may not be created
   */
  public SubscriptionGroupConfig findOrCreate(String group) {
    SubscriptionGroupConfig existing = table.get(group);
    if (existing != null || !config.autoCreateSubscriptionGroup()) {
      return existing;
    }
    synchronized (this) {
      existing = table.get(group);
      if (existing != null) {
        return existing;
      }
      SubscriptionGroupConfig created =
          SubscriptionGroupConfig.of(group, config.maxReconsumeTimes());
      table.put(group, created);
      persist();
      return created;
    }
  }

  /** Creates or replaces a group (admin). */
  public synchronized void update(SubscriptionGroupConfig group) {
    table.put(group.groupName(), group);
    persist();
  }

  /** Removes a group; returns whether it existed. */
  public synchronized boolean delete(String group) {
    boolean removed = table.remove(group) != null;
    if (removed) {
      persist();
    }
    return removed;
  }

  /** A snapshot of every group, sorted by name. */
  public synchronized GroupFile snapshot() {
    return new GroupFile(dataVersion, Map.of(), new TreeMap<>(table));
  }

  private void persist() {
    dataVersion = dataVersion.next(clock.getAsLong());
    try {
      file.write(BodyCodec.encode(new GroupFile(dataVersion, Map.of(), new TreeMap<>(table))));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file.path(), e);
    }
  }
}
