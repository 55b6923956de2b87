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
        long total = store.getTotalSpace();
        if (total <= 0) {
          return 0.0;
        }
        return (double) (total - store.getUsableSpace()) / total;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read disk usage of " + path, e);
      }
    };
  }
}
