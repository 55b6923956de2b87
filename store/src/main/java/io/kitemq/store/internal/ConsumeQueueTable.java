package io.kitemq.store.internal;

import io.kitemq.store.StoreException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every consume queue, by topic and queue id, under {@code consumequeue/<topic>/<queueId>/}.
 * Lookups are lock-free; creation happens on the writer's path (or during load/recovery).
 */
public final class ConsumeQueueTable {

  private final Path root;
  private final int fileSize;
  private final ConcurrentHashMap<String, ConcurrentHashMap<Integer, ConsumeQueue>> table =
      new ConcurrentHashMap<>();

  public ConsumeQueueTable(Path root, int fileSize) {
    this.root = root;
    this.fileSize = fileSize;
  }

  /** Maps every queue directory found on disk. */
  public void load() {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (DirectoryStream<Path> topics = Files.newDirectoryStream(root)) {
      for (Path topicDir : topics) {
        if (!Files.isDirectory(topicDir)) {
          continue;
        }
        String topic = topicDir.getFileName().toString();
        try (DirectoryStream<Path> queues = Files.newDirectoryStream(topicDir)) {
          for (Path q : queues) {
            String name = q.getFileName().toString();
            if (!name.chars().allMatch(Character::isDigit) || name.isEmpty()) {
              continue;
            }
            ConsumeQueue cq = new ConsumeQueue(topicDir, topic, Integer.parseInt(name), fileSize);
            cq.load();
            table.computeIfAbsent(topic, t -> new ConcurrentHashMap<>()).put(cq.queueId(), cq);
          }
        }
      }
    } catch (IOException e) {
      throw new StoreException("cannot list " + root, e);
    }
  }

  /** The queue, or null if it was never written. */
  public ConsumeQueue find(String topic, int queueId) {
    Map<Integer, ConsumeQueue> m = table.get(topic);
    return m == null ? null : m.get(queueId);
  }

  public ConsumeQueue getOrCreate(String topic, int queueId) {
    ConsumeQueue cq = find(topic, queueId);
    if (cq != null) {
      return cq;
    }
    return table
        .computeIfAbsent(topic, t -> new ConcurrentHashMap<>())
        .computeIfAbsent(queueId, q -> new ConsumeQueue(root.resolve(topic), topic, q, fileSize));
  }

  public List<ConsumeQueue> all() {
    List<ConsumeQueue> out = new ArrayList<>();
    for (Map<Integer, ConsumeQueue> m : table.values()) {
      out.addAll(m.values());
    }
    return out;
  }

  /** Removes and deletes every queue of {@code topic}. Caller holds the writer lock. */
  public void delete(String topic) {
    Map<Integer, ConsumeQueue> m = table.remove(topic);
    if (m != null) {
      for (ConsumeQueue cq : m.values()) {
        cq.destroy();
      }
    }
    try {
      Files.deleteIfExists(root.resolve(topic));
    } catch (IOException e) {
      throw new StoreException("cannot delete queue directory of " + topic, e);
    }
  }

  public void close() {
    for (ConsumeQueue cq : all()) {
      cq.close();
    }
    table.clear();
  }
}
