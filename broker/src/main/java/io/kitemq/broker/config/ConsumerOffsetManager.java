package io.kitemq.broker.config;

import io.kitemq.remoting.protocol.body.BodyCodec;
import io.kitemq.remoting.protocol.body.DataVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Committed consumer offsets per group, topic and queue, keyed {@code topic@group} as in RocketMQ's
 * consumerOffset.json ({@code {"offsetTable":{"T@G":{"0":10,"1":12}}}}). Commits only touch memory;
 * {@link #persist()} (called periodically and at shutdown) writes the file atomically. Thread-safe.
 */
public final class ConsumerOffsetManager {

  /** The on-disk shape of consumerOffset.json. */
  public record OffsetFile(DataVersion dataVersion, Map<String, Map<Integer, Long>> offsetTable) {}

  private static final String SEP = "@";

  private final JsonConfigFile file;
  private final LongSupplier clock;
  private final ConcurrentMap<String, ConcurrentMap<Integer, Long>> table =
      new ConcurrentHashMap<>();
  private DataVersion dataVersion;

  public ConsumerOffsetManager(Path configDir, LongSupplier clock) {
    this.file = new JsonConfigFile(configDir.resolve("consumerOffset.json"));
    this.clock = clock;
    this.dataVersion = DataVersion.initial(clock.getAsLong());
  }

  /** Loads the file (or its backup). */
  public synchronized void load() {
    Optional<OffsetFile> stored = JsonFiles.load(file, OffsetFile.class);
    stored.ifPresent(
        f -> {
          if (f.offsetTable() != null) {
            f.offsetTable().forEach((k, v) -> table.put(k, new ConcurrentHashMap<>(v)));
          }
          if (f.dataVersion() != null) {
            dataVersion = f.dataVersion();
          }
        });
  }

  /** Records {@code offset} as the group's committed offset of the queue. */
  public void commit(String group, String topic, int queueId, long offset) {
    table.computeIfAbsent(topic + SEP + group, k -> new ConcurrentHashMap<>()).put(queueId, offset);
  }

  /** The committed offset, or -1 when none is stored. */
  public long query(String group, String topic, int queueId) {
    Map<Integer, Long> m = table.get(topic + SEP + group);
    if (m == null) {
      return -1;
    }
    Long v = m.get(queueId);
    return v == null ? -1 : v;
  }

  /** Queue id to committed offset for one group and topic (a copy; empty if none). */
  public Map<Integer, Long> queryAll(String group, String topic) {
    Map<Integer, Long> m = table.get(topic + SEP + group);
    return m == null ? Map.of() : new TreeMap<>(m);
  }

  /** Topics the group has committed offsets for. */
  public Set<String> topicsOf(String group) {
    Set<String> out = new HashSet<>();
    for (String key : table.keySet()) {
      int at = key.lastIndexOf(SEP);
      if (at > 0 && key.substring(at + 1).equals(group)) {
        out.add(key.substring(0, at));
      }
    }
    return out;
  }

  /** Groups that have committed offsets for the topic. */
  public Set<String> groupsOf(String topic) {
    Set<String> out = new HashSet<>();
    for (String key : table.keySet()) {
      int at = key.lastIndexOf(SEP);
      if (at > 0 && key.substring(0, at).equals(topic)) {
        out.add(key.substring(at + 1));
      }
    }
    return out;
  }

  /** Drops every offset of a topic (after the topic is deleted). */
  public void removeTopic(String topic) {
    table.keySet().removeIf(k -> k.startsWith(topic + SEP));
  }

  /** Every offset, as the file holds them (a copy). */
  public Map<String, Map<Integer, Long>> snapshot() {
    Map<String, Map<Integer, Long>> out = new TreeMap<>();
    table.forEach((k, v) -> out.put(k, new TreeMap<>(v)));
    return out;
  }

  /** Writes every offset to consumerOffset.json atomically. */
  public synchronized void persist() throws IOException {
    dataVersion = dataVersion.next(clock.getAsLong());
    file.write(BodyCodec.encode(new OffsetFile(dataVersion, snapshot())));
  }
}
