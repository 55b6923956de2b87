package io.kitemq.store.internal;

import io.kitemq.store.BufferOwner;
import io.kitemq.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fixed-size file mapped whole into memory, named by the 20-digit offset of its first byte in
 * the logical stream it belongs to (commit log bytes, consume-queue bytes).
 *
 * <p>Threads: one writer at a time appends (the owning queue's writer serializes this) by writing
 * into {@link #writeBuffer()} and then publishing with {@link #setWrotePosition(int)} (a release
 * store), so a reader that reads the wrote position first (a volatile read) sees every byte below
 * it. Readers use absolute reads of {@link #buffer()} or {@link #slice(int, int)}.
 *
 * <p>Lifetime: reference counted. The file starts with one reference owned by its queue. Readers
 * and flushers call {@link #hold()} (fails once the file is being destroyed) and later {@link
 * #release()}. {@link #destroy()} deletes the file at once (the mapping keeps the inode alive) and
 * drops the owner's reference; the mapping is unmapped when the count reaches zero, so a reader's
 * slice stays valid until that reader releases.
 */
public final class MappedFile implements BufferOwner {

  private static final Logger LOG = LoggerFactory.getLogger(MappedFile.class);
  static final int OS_PAGE_SIZE = 4096;
  private static final VarHandle WROTE_POSITION;

  static {
    try {
      WROTE_POSITION =
          MethodHandles.lookup().findVarHandle(MappedFile.class, "wrotePosition", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Path path;
  private final long fileFromOffset;
  private final int fileSize;
  private final MappedByteBuffer mapped;
  private final AtomicInteger refCount = new AtomicInteger(1);
  private volatile boolean destroyed;
  private volatile int wrotePosition;
  private volatile int flushedPosition;
  private volatile long lastWriteTimestamp;

  private MappedFile(Path path, long fileFromOffset, int fileSize, MappedByteBuffer mapped) {
    this.path = path;
    this.fileFromOffset = fileFromOffset;
    this.fileSize = fileSize;
    this.mapped = mapped;
  }

  /** The 20-digit zero-padded file name of a start offset. */
  public static String fileName(long offset) {
    return String.format("%020d", offset);
  }

  /** Creates (or reopens, if it exists with the right size) and maps the file at {@code dir}. */
  public static MappedFile open(Path dir, long fileFromOffset, int fileSize) {
    return openPath(dir.resolve(fileName(fileFromOffset)), fileFromOffset, fileSize);
  }

  /** Same as {@link #open} for a file with a name of its own (index files). */
  public static MappedFile openPath(Path path, long fileFromOffset, int fileSize) {
    try (FileChannel ch =
        FileChannel.open(
            path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long len = ch.size();
      if (len != fileSize) {
        if (len != 0) {
          throw new StoreException(
              "file " + path + " has " + len + " bytes, expected " + fileSize + " or empty");
        }
        // A new file's length must itself survive a crash; data pages are forced later.
        ch.write(ByteBuffer.allocate(1), fileSize - 1L);
        ch.force(true);
      }
      MappedByteBuffer mapped = ch.map(FileChannel.MapMode.READ_WRITE, 0, fileSize);
      MappedFile f = new MappedFile(path, fileFromOffset, fileSize, mapped);
      f.lastWriteTimestamp = Files.getLastModifiedTime(path).toMillis();
      return f;
    } catch (IOException e) {
      throw new StoreException("cannot map " + path, e);
    }
  }

  public Path path() {
    return path;
  }

  public long fileFromOffset() {
    return fileFromOffset;
  }

  public int fileSize() {
    return fileSize;
  }

  /** The shared mapping for absolute reads; callers must not change its position or limit. */
  public ByteBuffer buffer() {
    return mapped;
  }

  /** A private view for the writer, positioned at the wrote position. */
  public ByteBuffer writeBuffer() {
    ByteBuffer b = mapped.duplicate();
    b.position(wrotePosition);
    return b;
  }

  public int wrotePosition() {
    return wrotePosition;
  }

  /**
   * Publishes bytes below {@code pos} to readers. Writer only. A release store, not a volatile one:
   * readers need the bytes ordered before the position, not a full fence after each record, which
   * on x86 cost the append path a drained store buffer per message. Whoever must see the position
   * before a later load of its own (long-polling wake-ups) runs after the writer lock's release,
   * which is a full fence.
   */
  public void setWrotePosition(int pos) {
    WROTE_POSITION.setRelease(this, pos);
  }

  public int flushedPosition() {
    return flushedPosition;
  }

  public void setFlushedPosition(int pos) {
    flushedPosition = pos;
  }

  public boolean isFull() {
    return wrotePosition == fileSize;
  }

  public long lastWriteTimestamp() {
    return lastWriteTimestamp;
  }

  public void touch(long timestamp) {
    lastWriteTimestamp = timestamp;
  }

  /** Takes a reference for a reader or flusher; false once the file is being destroyed. */
  public boolean hold() {
    while (true) {
      int c = refCount.get();
      if (c <= 0 || destroyed) {
        return false;
      }
      if (refCount.compareAndSet(c, c + 1)) {
        if (destroyed) {
          release();
          return false;
        }
        return true;
      }
    }
  }

  @Override
  public void release() {
    int c = refCount.decrementAndGet();
    if (c == 0) {
      Unmapper.unmap(mapped);
    } else if (c < 0) {
      throw new IllegalStateException("released more often than held: " + path);
    }
  }

  /** A read-only-by-convention view of {@code size} bytes at {@code pos}; caller holds the file. */
  public ByteBuffer slice(int pos, int size) {
    return mapped.slice(pos, size);
  }

  /** Forces the whole mapping (files written at random positions, like index files). */
  public void flushAll() {
    if (hold()) {
      try {
        mapped.force();
      } catch (UncheckedIOException e) {
        throw new StoreException("cannot flush " + path, e);
      } finally {
        release();
      }
    }
  }

  /**
   * Forces the bytes written since the last flush to disk.
   *
   * @return the new flushed position
   */
  public int flush() {
    int wrote = wrotePosition;
    int flushed = flushedPosition;
    if (wrote > flushed && hold()) {
      try {
        mapped.force(flushed, wrote - flushed);
        flushedPosition = wrote;
      } catch (UncheckedIOException e) {
        throw new StoreException("cannot flush " + path, e);
      } finally {
        release();
      }
    }
    return flushedPosition;
  }

  /** Number of whole dirty pages (written, not yet flushed). */
  public int dirtyPages() {
    return wrotePosition / OS_PAGE_SIZE - flushedPosition / OS_PAGE_SIZE;
  }

  /**
   * Zeroes everything from {@code from} to the end of the file and sets the wrote and flushed
   * positions to {@code from}. Recovery only, before any reader exists.
   *
   * <p>Done by cutting the file at {@code from} and extending it again, which turns the tail into a
   * hole: O(1) instead of reading a possibly gigabyte-long tail to find stale bytes. No other
   * thread may touch the mapping meanwhile (an access past the cut would fault).
   */
  public void truncateTo(int from) {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
      ch.truncate(from);
      ch.write(ByteBuffer.allocate(1), fileSize - 1L);
      ch.force(true);
    } catch (IOException e) {
      throw new StoreException("cannot truncate " + path + " to " + from, e);
    }
    wrotePosition = from;
    flushedPosition = from;
  }

  /** Deletes the file now and unmaps it once every reader has released it. Idempotent. */
  public void destroy() {
    if (destroyed) {
      return;
    }
    destroyed = true;
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.warn("Could not delete {}: {}", path, e.toString());
    }
    release();
  }

  /** Drops the owner's reference without deleting the file (shutdown). */
  public void close() {
    if (!destroyed) {
      destroyed = true;
      release();
    }
  }

  @Override
  public String toString() {
    return path.getFileName() + "@" + wrotePosition;
  }
}
