package io.kitemq.nameserver.kv;

import io.kitemq.remoting.protocol.body.BodyCodec;
import io.kitemq.remoting.protocol.body.BodyCodecException;
import io.kitemq.remoting.protocol.body.KvTable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The name server's namespaced key-value configuration (e.g. namespace {@code ORDER_TOPIC_CONFIG}:
 * topic to {@code brokerName:queueNums;...}), persisted as JSON in RocketMQ's kvConfig.json layout
 * {@code {"configTable":{"<namespace>":{"<key>":"<value>"}}}}.
 *
 * <p>Every change is written at once and atomically: the whole table goes to {@code <path>.tmp},
 * which is forced to disk and then renamed over the file, so a crash leaves either the old or the
 * new table. Thread-safe: a read-write lock guards the table; writes persist under the write lock.
 */
public final class KvConfigManager {

  /** Namespace of ordered-topic configurations. */
  public static final String NAMESPACE_ORDER_TOPIC_CONFIG = "ORDER_TOPIC_CONFIG";

  private static final Logger LOG = LoggerFactory.getLogger(KvConfigManager.class);

  /** The file layout. */
  record KvConfigFile(Map<String, Map<String, String>> configTable) {}

  private final Path path;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, Map<String, String>> table = new TreeMap<>();

  public KvConfigManager(Path path) {
    this.path = path;
  }

  /**
   * Loads the file if it exists.
   *
   * @throws IOException if the file exists but cannot be read or parsed
   */
  public void load() throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    KvConfigFile file;
    try {
      file = BodyCodec.decode(Files.readAllBytes(path), KvConfigFile.class);
    } catch (BodyCodecException e) {
      throw new IOException("corrupt KV config file " + path + ": " + e.getMessage(), e);
    }
    Map<String, Map<String, String>> loaded =
        file.configTable() == null ? Map.of() : file.configTable();
    lock.writeLock().lock();
    try {
      table.clear();
      loaded.forEach((ns, kv) -> table.put(ns, kv == null ? new TreeMap<>() : new TreeMap<>(kv)));
    } finally {
      lock.writeLock().unlock();
    }
    LOG.info("loaded KV config from {} ({} namespaces)", path, loaded.size());
  }

  /**
   * Sets {@code key} in {@code namespace} and persists.
   *
   * @throws IOException if the table cannot be persisted (the change stays in memory)
   */
  public void put(String namespace, String key, String value) throws IOException {
    lock.writeLock().lock();
    try {
      String prev = table.computeIfAbsent(namespace, ns -> new TreeMap<>()).put(key, value);
      LOG.info("KV config {} {}:{}", prev == null ? "created" : "updated", namespace, key);
      persist();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The value, or null. */
  public String get(String namespace, String key) {
    lock.readLock().lock();
    try {
      Map<String, String> kv = table.get(namespace);
      return kv == null ? null : kv.get(key);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Removes {@code key} from {@code namespace} (absent is fine) and persists.
   *
   * @throws IOException if the table cannot be persisted
   */
  public void delete(String namespace, String key) throws IOException {
    lock.writeLock().lock();
    try {
      Map<String, String> kv = table.get(namespace);
      if (kv != null && kv.remove(key) != null) {
        LOG.info("KV config deleted {}:{}", namespace, key);
      }
      persist();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The whole namespace, or null when it does not exist. */
  public KvTable namespace(String namespace) {
    lock.readLock().lock();
    try {
      Map<String, String> kv = table.get(namespace);
      return kv == null ? null : new KvTable(kv);
    } finally {
      lock.readLock().unlock();
    }
  }

  private void persist() throws IOException {
    byte[] bytes = BodyCodec.encode(new KvConfigFile(table));
    Path dir = path.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
    Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
