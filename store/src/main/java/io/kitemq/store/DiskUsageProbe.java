package io.kitemq.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reports how full the disk holding a store directory is, as a ratio in [0, 1]. Injected so that
 * tests can fake fullness instead of filling a disk. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface DiskUsageProbe {

  /** The used fraction of the file system holding {@code path}. */
  double usedRatio(Path path);

  /** The real file system, through {@link FileStore}. */
  static DiskUsageProbe fileSystem() {
    return path -> {
      try {
        FileStore store = Files.getFileStore(path);
        return usedRatio(
            store.getTotalSpace(), store.getUnallocatedSpace(), store.getUsableSpace());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read disk usage of " + path, e);
      }
    };
  }

  /**
   * The used share of the space this process may fill, as {@code df} reports it: used / (used +
   * usable). Blocks reserved for other users (ext4's root reserve, or a reserve of half the disk)
   * are neither used nor usable; counting them as used, as total - usable over total does, called a
   * disk 85 % full that {@code df} shows 62 % full, and retention deleted unconsumed segments.
   *
   * @param total bytes of the file system
   * @param unallocated free bytes, reserved ones included
   * @param usable free bytes this process may allocate
   */
  static double usedRatio(long total, long unallocated, long usable) {
    long used = Math.max(0, total - unallocated);
    long room = used + Math.max(0, usable);
    return room <= 0 ? 0.0 : (double) used / room;
  }
}
