package io.kitemq.store.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * One hash index file (RocketMQ layout), named by its creation time {@code yyyyMMddHHmmssSSS}.
 *
 * <pre>
 * header (40): beginTimestamp 8 | endTimestamp 8 | beginPhyOffset 8 | endPhyOffset 8 |
 *              hashSlotCount 4 | indexCount 4 (starts at 1, entry 0 unused)
 * slots:       slotNum * 4      newest entry number in the slot, 0 = empty
 * entries:     indexNum * 20    keyHash 4 | commit-log offset 8 | timeDiff 4 (s since begin) |
 *                               previous entry number in the same slot 4
 * </pre>
 *
 * slot = abs(key.hashCode()) % slotNum, with Integer.MIN_VALUE hashing to 0.
 *
 * <p>Threads: one writer (the commit-log writer); readers concurrently. The entry count, end
 * timestamp and end offset are volatile fields the writer sets with release stores once the entry
 * and slot are written (ordered after them, without a full fence per key); readers ignore entry
 * numbers at or past the count they read first.
 */
public final class IndexFile {

  static final int HEADER_SIZE = 40;
  static final int SLOT_SIZE = 4;
  static final int ENTRY_SIZE = 20;
  private static final VarHandle INDEX_COUNT;
  private static final VarHandle END_TIMESTAMP;
  private static final VarHandle END_PHY_OFFSET;

  static {
    MethodHandles.Lookup l = MethodHandles.lookup();
    try {
      INDEX_COUNT = l.findVarHandle(IndexFile.class, "indexCount", int.class);
      END_TIMESTAMP = l.findVarHandle(IndexFile.class, "endTimestamp", long.class);
      END_PHY_OFFSET = l.findVarHandle(IndexFile.class, "endPhyOffset", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final MappedFile file;
  private final int slotNum;
  private final int indexNum;
  private volatile int indexCount;
  private volatile long beginTimestamp;
  private volatile long endTimestamp;
  private volatile long endPhyOffset;

  private IndexFile(MappedFile file, int slotNum, int indexNum) {
    this.file = file;
    this.slotNum = slotNum;
    this.indexNum = indexNum;
    ByteBuffer b = file.buffer();
    beginTimestamp = b.getLong(0);
    endTimestamp = b.getLong(8);
    endPhyOffset = b.getLong(24);
    int count = b.getInt(36);
    indexCount = count < 1 ? 1 : count;
  }

  static int fileSize(int slotNum, int indexNum) {
    return HEADER_SIZE + slotNum * SLOT_SIZE + indexNum * ENTRY_SIZE;
  }

  /** Opens (or creates, zeroed) an index file with these dimensions. */
  public static IndexFile open(Path path, int slotNum, int indexNum) {
    long size = (long) HEADER_SIZE + (long) slotNum * SLOT_SIZE + (long) indexNum * ENTRY_SIZE;
    if (size > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("index file of " + size + " bytes cannot be mapped");
    }
    MappedFile f = MappedFile.openPath(path, 0, (int) size);
    return new IndexFile(f, slotNum, indexNum);
  }

  public MappedFile mappedFile() {
    return file;
  }

  public boolean isFull() {
    return indexCount >= indexNum;
  }

  /** File position of the first entry: entries are appended from here on, in order. */
  int entriesStart() {
    return HEADER_SIZE + slotNum * SLOT_SIZE;
  }

  /** File position just past the newest entry. */
  int entriesEnd() {
    return entriesStart() + indexCount * ENTRY_SIZE;
  }

  public long beginTimestamp() {
    return beginTimestamp;
  }

  public long endTimestamp() {
    return endTimestamp;
  }

  public long endPhyOffset() {
    return endPhyOffset;
  }

  static int keyHash(String key) {
    return normalize(key.hashCode());
  }

  /** The stored hash of a key whose {@link String#hashCode()} is {@code stringHash}. */
  static int normalize(int stringHash) {
    return stringHash == Integer.MIN_VALUE ? 0 : Math.abs(stringHash);
  }

  /**
   * Adds one key, given as the {@link String#hashCode()} of {@code topic#key}; false when the file
   * is full. Writer only.
   */
  public boolean put(int keyStringHash, long phyOffset, long storeTimestamp) {
    int count = indexCount;
    if (count >= indexNum) {
      return false;
    }
    int hash = normalize(keyStringHash);
    int slotPos = HEADER_SIZE + (hash % slotNum) * SLOT_SIZE;
    ByteBuffer b = file.buffer();
    int prev = b.getInt(slotPos);
    if (prev <= 0 || prev >= count) {
      prev = 0;
    }
    long begin = beginTimestamp;
    long diff = begin <= 0 ? 0 : (storeTimestamp - begin) / 1000;
    int timeDiff = (int) Math.max(0, Math.min(Integer.MAX_VALUE, diff));
    int entryPos = HEADER_SIZE + slotNum * SLOT_SIZE + count * ENTRY_SIZE;
    b.putInt(entryPos, hash);
    b.putLong(entryPos + 4, phyOffset);
    b.putInt(entryPos + 12, timeDiff);
    b.putInt(entryPos + 16, prev);
    b.putInt(slotPos, count);
    if (count <= 1) {
      beginTimestamp = storeTimestamp;
      b.putLong(0, storeTimestamp);
      b.putLong(16, phyOffset);
    }
    if (prev == 0) {
      b.putInt(32, b.getInt(32) + 1);
    }
    b.putLong(8, storeTimestamp);
    b.putLong(24, phyOffset);
    b.putInt(36, count + 1);
    END_TIMESTAMP.setRelease(this, storeTimestamp);
    END_PHY_OFFSET.setRelease(this, phyOffset);
    INDEX_COUNT.setRelease(this, count + 1);
    return true;
  }

  /** Whether this file's time span overlaps [begin, end]. */
  public boolean overlaps(long begin, long end) {
    long b = beginTimestamp;
    return indexCount > 1 && b <= end && endTimestamp >= begin;
  }

  /**
   * Adds to {@code out} the commit-log offsets of entries for {@code key} stored within [begin,
   * end], newest first, until {@code out} holds {@code maxNum}. The caller holds the file.
   */
  public void query(String key, int maxNum, long begin, long end, List<Long> out) {
    int count = indexCount;
    int hash = keyHash(key);
    ByteBuffer b = file.buffer();
    int n = b.getInt(HEADER_SIZE + (hash % slotNum) * SLOT_SIZE);
    long base = beginTimestamp;
    int guard = count;
    while (n > 0 && n < count && out.size() < maxNum && guard-- > 0) {
      int entryPos = HEADER_SIZE + slotNum * SLOT_SIZE + n * ENTRY_SIZE;
      long time = base + b.getInt(entryPos + 12) * 1000L;
      if (b.getInt(entryPos) == hash && time >= begin && time <= end) {
        out.add(b.getLong(entryPos + 4));
      }
      int prev = b.getInt(entryPos + 16);
      if (prev >= n) {
        break;
      }
      n = prev;
    }
  }
}
