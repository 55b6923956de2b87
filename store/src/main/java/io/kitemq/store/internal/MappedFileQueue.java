package io.kitemq.store.internal;

import io.kitemq.store.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only logical byte stream stored as a run of equally sized {@link MappedFile}s, each
 * named by the 20-digit offset of its first byte:
 *
 * <pre>
 *   dir/00000000000000000000  [0, size)
 *   dir/00000000000001048576  [size, 2*size)   ...
 * </pre>
 *
 * <p>Threads: one writer creates files at the tail ({@link #lastFileForAppend}), under the caller's
 * writer lock; housekeeping removes files at the head; readers look files up lock-free (the list is
 * copy-on-write) and {@link MappedFile#hold()} what they read.
 */
public final class MappedFileQueue {

  private static final Logger LOG = LoggerFactory.getLogger(MappedFileQueue.class);

  private final Path dir;
  private final int fileSize;
  private final CopyOnWriteArrayList<MappedFile> files = new CopyOnWriteArrayList<>();
  private volatile MappedFile preallocated;

  public MappedFileQueue(Path dir, int fileSize) {
    this.dir = dir;
    this.fileSize = fileSize;
  }

  public Path dir() {
    return dir;
  }

  public int fileSize() {
    return fileSize;
  }

  /** Maps every existing file, oldest first, marking each one full; recovery fixes the tail. */
  public void load() {
    for (Path p : NumberedFiles.list(dir, 20)) {
      long from = Long.parseLong(p.getFileName().toString());
      MappedFile f = MappedFile.open(dir, from, fileSize);
      f.setWrotePosition(fileSize);
      f.setFlushedPosition(fileSize);
      files.add(f);
    }
  }

  public List<MappedFile> files() {
    return files;
  }

  public boolean isEmpty() {
    return files.isEmpty();
  }

  public MappedFile first() {
    try {
      return files.isEmpty() ? null : files.get(0);
    } catch (IndexOutOfBoundsException e) {
      return null;
    }
  }

  public MappedFile last() {
    while (true) {
      int n = files.size();
      if (n == 0) {
        return null;
      }
      try {
        return files.get(n - 1);
      } catch (IndexOutOfBoundsException e) {
        // the head was deleted concurrently; look again
      }
    }
  }

  /**
   * The file to append at, creating the next one when the last is full or none exists (the first
   * then starts at the file boundary at or below {@code offsetIfEmpty}). Writer only.
   */
  public MappedFile lastFileForAppend(long offsetIfEmpty) {
    MappedFile last = last();
    if (last != null && !last.isFull()) {
      return last;
    }
    return roll(offsetIfEmpty);
  }

  // Synchronized with preallocateNext so that both never map the same new file.
  private synchronized MappedFile roll(long offsetIfEmpty) {
    MappedFile last = last();
    if (last != null && !last.isFull()) {
      return last;
    }
    long from =
        last == null ? offsetIfEmpty - offsetIfEmpty % fileSize : last.fileFromOffset() + fileSize;
    MappedFile f = preallocated;
    preallocated = null;
    if (f != null && f.fileFromOffset() != from) {
      f.close();
      f = null;
    }
    if (f == null) {
      f = createFile(from);
    }
    files.add(f);
    return f;
  }

  /** Creates the file after the last one ahead of need; called off the writer's path. */
  public synchronized void preallocateNext() {
    MappedFile last = last();
    if (last == null || preallocated != null) {
      return;
    }
    if (last.wrotePosition() < fileSize / 2) {
      return;
    }
    long from = last.fileFromOffset() + fileSize;
    if (Files.exists(dir.resolve(MappedFile.fileName(from)))) {
      return;
    }
    preallocated = createFile(from);
  }

  private MappedFile createFile(long from) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StoreException("cannot create " + dir, e);
    }
    MappedFile f = MappedFile.open(dir, from, fileSize);
    syncDirectory();
    return f;
  }

  private void syncDirectory() {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      LOG.debug("Directory fsync not supported for {}: {}", dir, e.toString());
    }
  }

  /** The file holding byte {@code offset}, or null. Lock-free; the caller holds it to read. */
  public MappedFile findByOffset(long offset) {
    MappedFile first = first();
    if (first == null || offset < first.fileFromOffset()) {
      return null;
    }
    int index = (int) ((offset - first.fileFromOffset()) / fileSize);
    List<MappedFile> snapshot = files;
    if (index < snapshot.size()) {
      try {
        MappedFile f = snapshot.get(index);
        if (offset >= f.fileFromOffset() && offset < f.fileFromOffset() + fileSize) {
          return f;
        }
      } catch (IndexOutOfBoundsException e) {
        // shrank concurrently; fall through to the scan
      }
    }
    for (MappedFile f : snapshot) {
      if (offset >= f.fileFromOffset() && offset < f.fileFromOffset() + fileSize) {
        return f;
      }
    }
    return null;
  }

  /** Offset of the first byte still stored, or 0 when empty. */
  public long minOffset() {
    MappedFile f = first();
    return f == null ? 0 : f.fileFromOffset();
  }

  /** Offset just past the last written byte, or 0 when empty. */
  public long maxOffset() {
    MappedFile f = last();
    return f == null ? 0 : f.fileFromOffset() + f.wrotePosition();
  }

  /** Offset up to which every byte is known forced to disk. */
  public long flushedOffset() {
    long flushed = 0;
    for (MappedFile f : files) {
      if (f.flushedPosition() < fileSize) {
        return f.fileFromOffset() + f.flushedPosition();
      }
      flushed = f.fileFromOffset() + fileSize;
    }
    return flushed;
  }

  /**
   * Forces dirty files to disk, oldest first.
   *
   * @param leastPages flush a file only when at least this many whole pages are dirty (0 = any
   *     byte); a full file is always flushed completely
   * @return the flushed offset afterwards
   */
  public long flush(int leastPages) {
    for (MappedFile f : files) {
      if (f.flushedPosition() == fileSize) {
        continue;
      }
      boolean full = f.isFull();
      if (full || leastPages == 0 || f.dirtyPages() >= leastPages) {
        f.flush();
      }
      if (!full) {
        break;
      }
    }
    return flushedOffset();
  }

  /** Total bytes written but not yet forced. */
  public long unflushedBytes() {
    return maxOffset() - flushedOffset();
  }

  /**
   * Drops everything from {@code offset} on: later files are deleted, the file holding it is zeroed
   * from there. Recovery only.
   */
  public void truncateFrom(long offset) {
    List<MappedFile> drop = new ArrayList<>();
    for (MappedFile f : files) {
      long from = f.fileFromOffset();
      if (from + fileSize <= offset) {
        continue;
      }
      if (from <= offset) {
        f.truncateTo((int) (offset - from));
      } else {
        drop.add(f);
      }
    }
    for (MappedFile f : drop) {
      files.remove(f);
      f.destroy();
    }
  }

  /**
   * Deletes head files matching {@code expired}, oldest first, stopping at the first that does not
   * match, never the last file, at most {@code max} of them.
   *
   * @return how many were deleted
   */
  public synchronized int deleteHead(Predicate<MappedFile> expired, int max) {
    int deleted = 0;
    while (deleted < max && files.size() > 1) {
      MappedFile f = files.get(0);
      if (!expired.test(f)) {
        break;
      }
      files.remove(0);
      f.destroy();
      deleted++;
      LOG.info("Deleted {}", f.path());
    }
    return deleted;
  }

  /** Deletes every file and the directory (topic deletion). */
  public synchronized void destroyAll() {
    for (MappedFile f : files) {
      f.destroy();
    }
    files.clear();
    MappedFile p = preallocated;
    preallocated = null;
    if (p != null) {
      p.destroy();
    }
    try {
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      LOG.warn("Could not delete {}: {}", dir, e.toString());
    }
  }

  /** Flushes everything and drops the owner references (shutdown). */
  public synchronized void close() {
    flush(0);
    for (MappedFile f : files) {
      f.close();
    }
    files.clear();
    MappedFile p = preallocated;
    preallocated = null;
    if (p != null) {
      p.close();
    }
  }
}
