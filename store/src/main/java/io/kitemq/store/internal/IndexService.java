package io.kitemq.store.internal;

import io.kitemq.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key and unique-id index over the commit log: a run of {@link IndexFile}s, the newest taking
 * writes. A message with topic T is indexed under {@code T#UNIQ_KEY} and {@code T#k} for each
 * space-separated word k of its KEYS.
 *
 * <p>Threads: {@link #index} is called by the commit-log writer only; queries run concurrently and
 * hold each file they read; housekeeping flushes and deletes old files.
 */
public final class IndexService {

  private static final Logger LOG = LoggerFactory.getLogger(IndexService.class);
  private static final DateTimeFormatter NAME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneId.systemDefault());

  /** 31^n for the key lengths seen in practice (a UNIQ_KEY is 32 characters). */
  private static final int[] POW31 = new int[129];

  static {
    POW31[0] = 1;
    for (int i = 1; i < POW31.length; i++) {
      POW31[i] = POW31[i - 1] * 31;
    }
  }

  private final Path dir;
  private final int slotNum;
  private final int indexNum;
  private final Clock clock;
  private final CopyOnWriteArrayList<IndexFile> files = new CopyOnWriteArrayList<>();
  private volatile boolean dirty;
  private IndexFile current;

  public IndexService(Path dir, int slotNum, int indexNum, Clock clock) {
    this.dir = dir;
    this.slotNum = slotNum;
    this.indexNum = indexNum;
    this.clock = clock;
  }

  /** Maps the existing files, oldest first; files of another size are refused. */
  public void load() {
    for (Path p : NumberedFiles.list(dir, 17)) {
      current = IndexFile.open(p, slotNum, indexNum);
      files.add(current);
    }
  }

  /** Commit-log offset of the newest indexed message, or -1. */
  public long lastIndexedOffset() {
    for (int i = files.size() - 1; i >= 0; i--) {
      IndexFile f = files.get(i);
      if (f.endPhyOffset() > 0 || f.endTimestamp() > 0) {
        return f.endPhyOffset();
      }
    }
    return -1;
  }

  /** Indexes one message. Writer only (the writer lock, or recovery before start). */
  public void index(String topic, String keys, String uniqKey, long phyOffset, long storeTime) {
    int topicHash = topic.hashCode();
    if (uniqKey != null && !uniqKey.isEmpty()) {
      put(keyHash(topicHash, uniqKey, 0, uniqKey.length()), phyOffset, storeTime);
    }
    if (keys != null && !keys.isEmpty()) {
      int start = 0;
      int len = keys.length();
      while (start < len) {
        int sp = keys.indexOf(' ', start);
        int end = sp < 0 ? len : sp;
        if (end > start) {
          put(keyHash(topicHash, keys, start, end), phyOffset, storeTime);
        }
        start = end + 1;
      }
    }
  }

  /**
   * {@code (topic + "#" + s.substring(from, to)).hashCode()} without building the string: the hash
   * of a concatenation is h(a) * 31^len(b) + h(b).
   */
  static int keyHash(int topicHash, String s, int from, int to) {
    int h;
    if (from == 0 && to == s.length()) {
      h = s.hashCode(); // a UNIQ_KEY, or KEYS of one key: the JDK's loop, no char-at-a-time reads
    } else {
      h = 0;
      for (int i = from; i < to; i++) {
        h = 31 * h + s.charAt(i);
      }
    }
    int len = to - from;
    return topicHash * pow31(len + 1) + '#' * pow31(len) + h;
  }

  private static int pow31(int n) {
    if (n < POW31.length) {
      return POW31[n];
    }
    int result = 1;
    int base = 31;
    while (n > 0) {
      if ((n & 1) != 0) {
        result *= base;
      }
      base *= base;
      n >>= 1;
    }
    return result;
  }

  private void put(int keyStringHash, long phyOffset, long storeTime) {
    IndexFile f = current;
    if (f == null || !f.put(keyStringHash, phyOffset, storeTime)) {
      f = newFile();
      f.put(keyStringHash, phyOffset, storeTime);
    }
    if (!dirty) {
      dirty = true;
    }
  }

  private IndexFile newFile() {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StoreException("cannot create " + dir, e);
    }
    long t = clock.millis();
    Path p = dir.resolve(NAME.format(Instant.ofEpochMilli(t)));
    while (Files.exists(p)) {
      t++;
      p = dir.resolve(NAME.format(Instant.ofEpochMilli(t)));
    }
    IndexFile f = IndexFile.open(p, slotNum, indexNum);
    files.add(f);
    current = f;
    LOG.info("New index file {}", p.getFileName());
    return f;
  }

  /**
   * Commit-log offsets of messages indexed under {@code topic#key} stored within [begin, end],
   * newest first, at most {@code maxNum}. Candidates only: a caller must check that the message at
   * each offset really carries the key (offsets can be stale after a torn tail was cut).
   */
  public List<Long> query(String topic, String key, int maxNum, long begin, long end) {
    List<Long> out = new ArrayList<>();
    String full = topic + '#' + key;
    for (int i = files.size() - 1; i >= 0 && out.size() < maxNum; i--) {
      IndexFile f;
      try {
        f = files.get(i);
      } catch (IndexOutOfBoundsException e) {
        continue;
      }
      if (!f.overlaps(begin, end) || !f.mappedFile().hold()) {
        continue;
      }
      try {
        f.query(full, maxNum, begin, end, out);
      } finally {
        f.mappedFile().release();
      }
    }
    return out;
  }

  /** Forces every file written since the last flush. */
  public void flush() {
    if (!dirty) {
      return;
    }
    dirty = false;
    // Only the newest file takes writes; the one before may have filled since the last flush.
    List<IndexFile> snapshot = List.copyOf(files);
    for (int i = Math.max(0, snapshot.size() - 2); i < snapshot.size(); i++) {
      snapshot.get(i).mappedFile().flushAll();
    }
  }

  /** Deletes files (never the newest) whose messages all lie below {@code commitLogMinOffset}. */
  public int deleteExpired(long commitLogMinOffset) {
    int n = 0;
    while (files.size() > 1) {
      IndexFile f = files.get(0);
      if (f.endPhyOffset() >= commitLogMinOffset) {
        break;
      }
      files.remove(0);
      f.mappedFile().destroy();
      LOG.info("Deleted index file {}", f.mappedFile().path().getFileName());
      n++;
    }
    return n;
  }

  /** Store time of the newest indexed message, or 0. */
  public long lastUpdateTimestamp() {
    IndexFile f = current;
    return f == null ? 0 : f.endTimestamp();
  }

  /** Commit-log offset of the newest indexed message, or 0. */
  public long lastUpdatePhyOffset() {
    IndexFile f = current;
    return f == null ? 0 : f.endPhyOffset();
  }

  public int fileCount() {
    return files.size();
  }

  /** The index files, oldest first (a snapshot: hold a file's mapping before touching it). */
  List<IndexFile> files() {
    return List.copyOf(files);
  }

  public void close() {
    flush();
    for (IndexFile f : files) {
      f.mappedFile().flushAll();
      f.mappedFile().close();
    }
    files.clear();
  }
}
