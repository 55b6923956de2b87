package io.kitemq.client.internal;

import io.kitemq.client.ClientException;
import io.kitemq.common.message.MessageQueue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offsets of a broadcasting consumer in a local file, one queue per line:
 *
 * <pre>
 * topic TAB brokerName TAB queueId TAB offset LF
 * </pre>
 *
 * Written whole to a temporary file then moved over the old one, so a crash leaves either version.
 * Thread-safe.
 */
public final class LocalOffsetStore implements OffsetStore {

  private static final Logger LOG = LoggerFactory.getLogger(LocalOffsetStore.class);

  private final Path file;
  private final Map<MessageQueue, Long> offsets = new ConcurrentHashMap<>();

  /**
   * Loads {@code file} if it exists.
   *
   * @throws UncheckedIOException if it exists but cannot be read or parsed
   */
  public LocalOffsetStore(Path file) {
    this.file = file;
    if (Files.exists(file)) {
      try {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (line.isEmpty()) {
            continue;
          }
          String[] f = line.split("\t");
          if (f.length != 4) {
            throw new IOException("bad offset line in " + file + ": " + line);
          }
          offsets.put(new MessageQueue(f[0], f[1], Integer.parseInt(f[2])), Long.parseLong(f[3]));
        }
      } catch (IOException | NumberFormatException e) {
        throw new UncheckedIOException(
            e instanceof IOException io ? io : new IOException(e.getMessage(), e));
      }
    }
  }

  @Override
  public long readStored(MessageQueue queue) throws ClientException {
    return offsets.getOrDefault(queue, -1L);
  }

  @Override
  public void update(MessageQueue queue, long offset) {
    offsets.merge(queue, offset, Math::max);
  }

  @Override
  public void overwrite(MessageQueue queue, long offset) {
    offsets.put(queue, offset);
  }

  @Override
  public long inMemory(MessageQueue queue) {
    return offsets.getOrDefault(queue, -1L);
  }

  /** Writes every known offset (the file holds all queues, not only {@code queues}). */
  @Override
  public synchronized void persist(Collection<MessageQueue> queues) {
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(offsets)
        .forEach(
            (q, off) ->
                sb.append(q.topic())
                    .append('\t')
                    .append(q.brokerName())
                    .append('\t')
                    .append(q.queueId())
                    .append('\t')
                    .append(off)
                    .append('\n'));
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, sb, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.warn("cannot persist offsets to {}: {}", file, e.toString());
    }
  }

  @Override
  public void remove(MessageQueue queue) {
    // Broadcasting members keep every queue's offset: a queue may come back after a route change.
  }
}
