package io.kitemq.broker.config;

import io.kitemq.broker.BrokerConfig;
import io.kitemq.common.topic.SystemTopics;
import io.kitemq.common.topic.TopicConfig;
import io.kitemq.common.topic.TopicPermission;
import io.kitemq.remoting.protocol.body.BodyCodec;
import io.kitemq.remoting.protocol.body.DataVersion;
import io.kitemq.remoting.protocol.body.TopicConfigSerializeWrapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The broker's topic table: system topics created at start, topics created by admin requests, by
 * the first send to a new topic (inheriting from the template topic {@code TBW102} named in the
 * send header when auto-creation is on), and %RETRY%/%DLQ% topics of consumer groups. Persisted to
 * {@code config/topics.json} (fastjson-compatible {@link TopicConfigSerializeWrapper} JSON) on
 * every change; each change bumps the data version and runs the change hook (the broker
 * re-registers with the name servers at once).
 *
 * <p>Thread-safe: lookups are lock-free, changes are serialized on this object.
 */
public final class TopicConfigManager {

  private final BrokerConfig config;
  private final JsonConfigFile file;
  private final LongSupplier clock;
  private final Map<String, TopicConfig> table = new ConcurrentHashMap<>();
  private volatile DataVersion dataVersion;
  private volatile Runnable onChange = () -> {};

  public TopicConfigManager(BrokerConfig config, Path configDir, LongSupplier clock) {
    this.config = config;
    this.file = new JsonConfigFile(configDir.resolve("topics.json"));
    this.clock = clock;
    this.dataVersion = DataVersion.initial(clock.getAsLong());
  }

  /** Runs after every change (outside the lock); replaces the previous hook. */
  public void setOnChange(Runnable hook) {
    this.onChange = hook;
  }

  /** Loads topics.json (or its backup), then adds the system topics that are missing. */
  public synchronized void load() {
    Optional<TopicConfigSerializeWrapper> stored =
        JsonFiles.load(file, TopicConfigSerializeWrapper.class);
    stored.ifPresent(
        w -> {
          table.putAll(w.topicConfigTable());
          dataVersion = w.dataVersion();
        });
    boolean added = false;
    for (TopicConfig t : systemTopics()) {
      added |= table.putIfAbsent(t.topicName(), t) == null;
    }
    if (!config.autoCreateTopicEnable()) {
      added |= table.remove(SystemTopics.AUTO_CREATE_TOPIC_KEY_TOPIC) != null;
    }
    if (added || stored.isEmpty()) {
      bumpAndPersist();
    }
  }

  private List<TopicConfig> systemTopics() {
    List<TopicConfig> list = new ArrayList<>();
    int rw = TopicPermission.READ_WRITE;
    if (config.autoCreateTopicEnable()) {
      int q = config.defaultTopicQueueNums();
      list.add(
          TopicConfig.of(
              SystemTopics.AUTO_CREATE_TOPIC_KEY_TOPIC, q, q, rw | TopicPermission.INHERIT));
    }
    list.add(TopicConfig.of(SystemTopics.SELF_TEST_TOPIC, 1, 1, rw));
    list.add(TopicConfig.of(SystemTopics.BENCHMARK_TOPIC, 1024, 1024, rw));
    list.add(TopicConfig.of(config.brokerClusterName(), 16, 16, rw));
    list.add(TopicConfig.of(config.brokerName(), 1, 1, rw));
    list.add(TopicConfig.of(SystemTopics.OFFSET_MOVED_EVENT, 1, 1, rw));
    list.add(TopicConfig.of(SystemTopics.SCHEDULE_TOPIC, 18, 18, rw));
    list.add(TopicConfig.of(SystemTopics.TRANS_HALF_TOPIC, 1, 1, rw));
    list.add(TopicConfig.of(SystemTopics.TRANS_OP_HALF_TOPIC, 1, 1, rw));
    list.add(TopicConfig.of(SystemTopics.TRANS_CHECK_MAX_TIME_TOPIC, 1, 1, rw));
    list.add(TopicConfig.of(SystemTopics.replyTopic(config.brokerClusterName()), 1, 1, rw));
    return list;
  }

  /** The topic's config, or null. */
  public TopicConfig get(String topic) {
    return table.get(topic);
  }

  public boolean contains(String topic) {
    return table.containsKey(topic);
  }

  /**
   * Creates {@code topic} on its first send by inheriting from {@code defaultTopic}: allowed when
   * auto-creation is on and the template exists with the INHERIT bit. Queue count = min(requested,
   * template's write queues); perm = template's without INHERIT.
   *
   * @return the existing or new config, or null when the topic may not be created
   */
  public TopicConfig createFromSend(String topic, String defaultTopic, int requestedQueues) {
    TopicConfig created;
    synchronized (this) {
      TopicConfig existing = table.get(topic);
      if (existing != null) {
        return existing;
      }
      TopicConfig template = defaultTopic == null ? null : table.get(defaultTopic);
      if (template == null
          || !TopicPermission.isInherited(template.perm())
          || (SystemTopics.AUTO_CREATE_TOPIC_KEY_TOPIC.equals(defaultTopic)
              && !config.autoCreateTopicEnable())) {
        return null;
      }
      int queues = Math.max(1, Math.min(requestedQueues, template.writeQueueNums()));
      int perm = template.perm() & ~TopicPermission.INHERIT;
      created = TopicConfig.of(topic, queues, queues, perm);
      table.put(topic, created);
      bumpAndPersist();
    }
    onChange.run();
    return created;
  }

  /** Creates a %RETRY% or %DLQ% topic if absent (no inheritance needed). */
  public TopicConfig createIfAbsent(String topic, int queues, int perm) {
    TopicConfig created;
    synchronized (this) {
      TopicConfig existing = table.get(topic);
      if (existing != null) {
        return existing;
      }
      created = TopicConfig.of(topic, queues, queues, perm);
      table.put(topic, created);
      bumpAndPersist();
    }
    onChange.run();
    return created;
  }

  /** Creates or replaces a topic (admin). */
  public void update(TopicConfig topic) {
    synchronized (this) {
      table.put(topic.topicName(), topic);
      bumpAndPersist();
    }
    onChange.run();
  }

  /** Removes a topic; returns whether it existed. */
  public boolean delete(String topic) {
    boolean removed;
    synchronized (this) {
      removed = table.remove(topic) != null;
      if (removed) {
        bumpAndPersist();
      }
    }
    if (removed) {
      onChange.run();
    }
    return removed;
  }

  /** A consistent snapshot of every topic and the data version, for registration and admin. */
  public synchronized TopicConfigSerializeWrapper snapshot() {
    return new TopicConfigSerializeWrapper(new TreeMap<>(table), dataVersion);
  }

  public DataVersion dataVersion() {
    return dataVersion;
  }

  private void bumpAndPersist() {
    dataVersion = dataVersion.next(clock.getAsLong());
    try {
      file.write(
          BodyCodec.encode(new TopicConfigSerializeWrapper(new TreeMap<>(table), dataVersion)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file.path(), e);
    }
  }
}
