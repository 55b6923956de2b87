package io.kitemq.store.internal;

import static io.kitemq.store.MessageStoreConfig.CQ_UNIT_SIZE;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logical queue of one topic and queue id: entry N (queue offset N) sits at byte N*20 of a run
 * of {@link MappedFile}s named by their start byte offset.
 *
 * <pre>
 * entry (20 bytes): | commit-log offset (8) | message size (4) | tag hash code (8) |
 * </pre>
 *
 * A size of 0 marks an entry that was never written (the zeros before the first entry of a queue
 * that did not start at 0).
 *
 * <p>Threads: the commit-log writer appends (under its lock); housekeeping flushes and deletes head
 * files; readers use {@link #entries(long)} and release what it returns.
 */
public final class ConsumeQueue {

  private static final Logger LOG = LoggerFactory.getLogger(ConsumeQueue.class);

  private final String topic;
  private final int queueId;
  private final MappedFileQueue files;
  private volatile long minLogicOffset;

  public ConsumeQueue(Path topicDir, String topic, int queueId, int fileSize) {
    this.topic = topic;
    this.queueId = queueId;
    this.files = new MappedFileQueue(topicDir.resolve(Integer.toString(queueId)), fileSize);
  }

  public String topic() {
    return topic;
  }

  public int queueId() {
    return queueId;
  }

  public MappedFileQueue files() {
    return files;
  }

  /** Maps existing files and finds the end of the written entries in the last one. */
  public void load() {
    files.load();
    MappedFile last = files.last();
    if (last == null) {
      return;
    }
    ByteBuffer b = last.buffer();
    int end = 0;
    for (int pos = last.fileSize() - CQ_UNIT_SIZE; pos >= 0; pos -= CQ_UNIT_SIZE) {
      if (b.getInt(pos + 8) != 0) {
        end = pos + CQ_UNIT_SIZE;
        break;
      }
    }
    last.setWrotePosition(end);
    last.setFlushedPosition(end);
    minLogicOffset = firstWrittenOffset();
  }

  private long firstWrittenOffset() {
    MappedFile first = files.first();
    if (first == null) {
      return 0;
    }
    ByteBuffer b = first.buffer();
    int limit = first.wrotePosition();
    for (int pos = 0; pos < limit; pos += CQ_UNIT_SIZE) {
      if (b.getInt(pos + 8) != 0) {
        return (first.fileFromOffset() + pos) / CQ_UNIT_SIZE;
      }
    }
    return (first.fileFromOffset() + limit) / CQ_UNIT_SIZE;
  }

  /** First queue offset still readable. */
  public long minOffset() {
    return minLogicOffset;
  }

  /** Queue offset the next message will get (one past the last entry). */
  public long maxOffset() {
    return files.maxOffset() / CQ_UNIT_SIZE;
  }

  /**
   * Writes the entry for {@code queueOffset}. Writer only. Entries must arrive in order; an offset
   * below the current end is refused (false), a gap is skipped over (zeros).
   */
  public boolean put(long queueOffset, long phyOffset, int size, long tagsCode) {
    long pos = queueOffset * CQ_UNIT_SIZE;
    boolean wasEmpty = maxOffset() <= minLogicOffset;
    MappedFile f = files.lastFileForAppend(pos);
    long end = f.fileFromOffset() + f.wrotePosition();
    if (pos < end) {
      LOG.error("{}-{}: entry {} arrives behind the end {}", topic, queueId, queueOffset, end / 20);
      return false;
    }
    while (pos >= f.fileFromOffset() + f.fileSize()) {
      f.setWrotePosition(f.fileSize());
      f = files.lastFileForAppend(pos);
    }
    int at = (int) (pos - f.fileFromOffset());
    ByteBuffer b = f.buffer();
    b.putLong(at, phyOffset);
    b.putInt(at + 8, size);
    b.putLong(at + 12, tagsCode);
    f.setWrotePosition(at + CQ_UNIT_SIZE);
    if (wasEmpty) {
      minLogicOffset = queueOffset;
    }
    return true;
  }

  /** Whether the entry at {@code queueOffset} exists and points at this record. */
  public boolean hasEntry(long queueOffset, long phyOffset, int size) {
    if (queueOffset < minLogicOffset || queueOffset >= maxOffset()) {
      return false;
    }
    MappedFile f = files.findByOffset(queueOffset * CQ_UNIT_SIZE);
    if (f == null) {
      return false;
    }
    int at = (int) (queueOffset * CQ_UNIT_SIZE - f.fileFromOffset());
    ByteBuffer b = f.buffer();
    return b.getLong(at) == phyOffset && b.getInt(at + 8) == size;
  }

  /**
   * Recovery form of {@link #put}: an entry already present with the same commit-log offset and
   * size is kept; a different one is replaced and everything after it dropped.
   */
  public void putRecovered(long queueOffset, long phyOffset, int size, long tagsCode) {
    if (queueOffset < maxOffset()) {
      MappedFile f = files.findByOffset(queueOffset * CQ_UNIT_SIZE);
      if (f != null && queueOffset >= minLogicOffset) {
        int at = (int) (queueOffset * CQ_UNIT_SIZE - f.fileFromOffset());
        ByteBuffer b = f.buffer();
        if (b.getLong(at) == phyOffset && b.getInt(at + 8) == size) {
          return;
        }
      }
      files.truncateFrom(queueOffset * CQ_UNIT_SIZE);
      if (queueOffset < minLogicOffset) {
        minLogicOffset = queueOffset;
      }
    }
    put(queueOffset, phyOffset, size, tagsCode);
  }

  /**
   * The written entries from {@code queueOffset} to the end of its file, or null when that offset
   * is not stored. The caller reads the returned slice and then calls {@link EntrySlice#release()}.
   */
  public EntrySlice entries(long queueOffset) {
    long pos = queueOffset * CQ_UNIT_SIZE;
    MappedFile f = files.findByOffset(pos);
    if (f == null || !f.hold()) {
      return null;
    }
    int at = (int) (pos - f.fileFromOffset());
    int wrote = f.wrotePosition();
    if (at >= wrote) {
      f.release();
      return null;
    }
    return new EntrySlice(f, f.slice(at, wrote - at), queueOffset);
  }

  /** Commit-log offset of the entry at {@code queueOffset}, or -1 if it is not stored. */
  public long phyOffsetAt(long queueOffset) {
    EntrySlice s = entries(queueOffset);
    if (s == null) {
      return -1;
    }
    try {
      return s.buffer().getInt(8) == 0 ? -1 : s.buffer().getLong(0);
    } finally {
      s.release();
    }
  }

  /** Start queue offset of the file after the one holding {@code queueOffset}. */
  public long nextFileOffset(long queueOffset) {
    int perFile = files.fileSize() / CQ_UNIT_SIZE;
    return queueOffset + perFile - queueOffset % perFile;
  }

  /**
   * Moves the minimum past entries whose messages start below {@code commitLogMinOffset} (they were
   * deleted with their commit-log segment).
   */
  public void correctMinOffset(long commitLogMinOffset) {
    MappedFile first = files.first();
    if (first == null || !first.hold()) {
      return;
    }
    try {
      ByteBuffer b = first.buffer();
      int wrote = first.wrotePosition();
      long min = (first.fileFromOffset() + wrote) / CQ_UNIT_SIZE;
      for (int pos = 0; pos < wrote; pos += CQ_UNIT_SIZE) {
        if (b.getInt(pos + 8) != 0 && b.getLong(pos) >= commitLogMinOffset) {
          min = (first.fileFromOffset() + pos) / CQ_UNIT_SIZE;
          break;
        }
      }
      if (min > minLogicOffset) {
        minLogicOffset = min;
      }
    } finally {
      first.release();
    }
  }

  /** Deletes head files all of whose entries point below {@code commitLogMinOffset}. */
  public int deleteExpired(long commitLogMinOffset) {
    int n =
        files.deleteHead(
            f -> {
              int lastEntry = f.wrotePosition() - CQ_UNIT_SIZE;
              return f.isFull() && f.buffer().getLong(lastEntry) < commitLogMinOffset;
            },
            Integer.MAX_VALUE);
    correctMinOffset(commitLogMinOffset);
    return n;
  }

  /** Drops entries whose messages end past {@code commitLogMaxOffset}. Recovery only. */
  public void truncateBeyond(long commitLogMaxOffset) {
    long max = maxOffset();
    long keep = max;
    while (keep > minLogicOffset) {
      MappedFile f = files.findByOffset((keep - 1) * CQ_UNIT_SIZE);
      if (f == null) {
        break;
      }
      int at = (int) ((keep - 1) * CQ_UNIT_SIZE - f.fileFromOffset());
      ByteBuffer b = f.buffer();
      if (b.getInt(at + 8) != 0 && b.getLong(at) + b.getInt(at + 8) <= commitLogMaxOffset) {
        break;
      }
      keep--;
    }
    if (keep < max) {
      LOG.info("{}-{}: dropping entries {}..{} beyond the commit log", topic, queueId, keep, max);
      files.truncateFrom(keep * CQ_UNIT_SIZE);
      if (keep <= minLogicOffset) {
        minLogicOffset = keep;
      }
    }
  }

  /** Flushes files with at least {@code leastPages} dirty pages (0: every dirty file). */
  public void flush(int leastPages) {
    files.flush(leastPages);
  }

  public void destroy() {
    files.destroyAll();
  }

  public void close() {
    files.close();
  }

  /** Entries read from one consume-queue file; valid until {@link #release()}. */
  public static final class EntrySlice {
    private final MappedFile file;
    private final ByteBuffer buffer;
    private final long startOffset;

    EntrySlice(MappedFile file, ByteBuffer buffer, long startOffset) {
      this.file = file;
      this.buffer = buffer;
      this.startOffset = startOffset;
    }

    /** Entries from position 0, {@code limit() / 20} of them; absolute reads only. */
    public ByteBuffer buffer() {
      return buffer;
    }

    public long startOffset() {
      return startOffset;
    }

    public int count() {
      return buffer.limit() / CQ_UNIT_SIZE;
    }

    public void release() {
      file.release();
    }
  }
}
