package io.kitemq.store.internal;

import io.kitemq.store.StoreException;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The {@code checkpoint} file: one page recording how far each structure is known durable.
 *
 * <pre>
 * offset size field
 *   0     8   physicMsgTimestamp   store time of the last flushed commit-log message (RocketMQ)
 *   8     8   logicsMsgTimestamp   same for consume queues (RocketMQ)
 *  16     8   indexMsgTimestamp    same for the index (RocketMQ)
 *  24     8   masterFlushedOffset  (RocketMQ 5.x, written as the flushed commit-log offset)
 *  32     8   confirmPhyOffset     (RocketMQ 5.x, written as the flushed commit-log offset)
 *  64     4   0x4B495445 ("KITE")  marks the fields below as present
 *  72     8   commit-log offset up to which the commit log is forced
 *  80     8   commit-log offset up to which every consume-queue entry is forced
 *  88     8   commit-log offset up to which every index entry is forced
 *  96     8   commit-log end written at clean shutdown, -1 while running
 * </pre>
 *
 * RocketMQ reads only the first 40 bytes, so the file stays readable by it; recovery here uses the
 * exact offsets, which unlike timestamps do not depend on the clock. Thread-safe (synchronized).
 */
public final class StoreCheckpoint {

  private static final int SIZE = 4096;
  private static final int MAGIC = 0x4B495445;
  private static final int MAGIC_POS = 64;
  private static final int PHYSIC_OFFSET_POS = 72;
  private static final int LOGICS_OFFSET_POS = 80;
  private static final int INDEX_OFFSET_POS = 88;
  private static final int CLEAN_END_POS = 96;

  private final FileChannel channel;
  private final MappedByteBuffer buf;
  private final boolean hadOffsets;

  public StoreCheckpoint(Path path) {
    try {
      channel =
          FileChannel.open(
              path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      buf = channel.map(FileChannel.MapMode.READ_WRITE, 0, SIZE);
    } catch (IOException e) {
      throw new StoreException("cannot open checkpoint " + path, e);
    }
    hadOffsets = buf.getInt(MAGIC_POS) == MAGIC;
    if (!hadOffsets) {
      buf.putLong(PHYSIC_OFFSET_POS, 0);
      buf.putLong(LOGICS_OFFSET_POS, 0);
      buf.putLong(INDEX_OFFSET_POS, 0);
      buf.putLong(CLEAN_END_POS, -1);
      buf.putInt(MAGIC_POS, MAGIC);
    }
  }

  /** Whether the file carried the offsets when opened (false for a new or foreign file). */
  public boolean hadOffsets() {
    return hadOffsets;
  }

  public synchronized long physicFlushedOffset() {
    return buf.getLong(PHYSIC_OFFSET_POS);
  }

  public synchronized long logicsFlushedOffset() {
    return buf.getLong(LOGICS_OFFSET_POS);
  }

  public synchronized long indexFlushedOffset() {
    return buf.getLong(INDEX_OFFSET_POS);
  }

  /** Commit-log end recorded by the last clean shutdown, or -1. */
  public synchronized long cleanEndOffset() {
    return buf.getLong(CLEAN_END_POS);
  }

  public synchronized void physicFlushed(long offset, long storeTimestamp) {
    buf.putLong(PHYSIC_OFFSET_POS, offset);
    buf.putLong(24, offset);
    buf.putLong(32, offset);
    if (storeTimestamp > 0) {
      buf.putLong(0, storeTimestamp);
    }
  }

  public synchronized void logicsFlushed(long offset, long storeTimestamp) {
    buf.putLong(LOGICS_OFFSET_POS, offset);
    if (storeTimestamp > 0) {
      buf.putLong(8, storeTimestamp);
    }
  }

  public synchronized void indexFlushed(long offset, long storeTimestamp) {
    buf.putLong(INDEX_OFFSET_POS, offset);
    if (storeTimestamp > 0) {
      buf.putLong(16, storeTimestamp);
    }
  }

  public synchronized void cleanEnd(long offset) {
    buf.putLong(CLEAN_END_POS, offset);
  }

  /** Forces the page to disk. */
  public synchronized void flush() {
    buf.force();
  }

  public synchronized void close() {
    buf.force();
    Unmapper.unmap(buf);
    try {
      channel.close();
    } catch (IOException e) {
      throw new StoreException("cannot close checkpoint", e);
    }
  }
}
