package io.kitemq.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskUsageProbeTest {

  private static final long GIB = 1L << 30;

  @Test
  void reservedBlocksCountAsNeitherUsedNorUsable() {
    // 252 GiB in all, 63 used, 39 usable, 150 reserved for other users: df shows 62 %.
    double ratio = DiskUsageProbe.usedRatio(252 * GIB, 189 * GIB, 39 * GIB);

    assertThat(ratio).isCloseTo(63.0 / 102, within(1e-9));
  }

  @Test
  void withoutReserveTheRatioIsUsedOverTotal() {
    assertThat(DiskUsageProbe.usedRatio(100 * GIB, 40 * GIB, 40 * GIB))
        .isCloseTo(0.6, within(1e-9));
  }

  @Test
  void noUsableSpaceLeftIsFull() {
    assertThat(DiskUsageProbe.usedRatio(100 * GIB, 5 * GIB, 0)).isEqualTo(1.0);
  }

  @Test
  void anEmptyOrUnreadableFileSystemIsNotFull() {
    assertThat(DiskUsageProbe.usedRatio(0, 0, 0)).isZero();
  }

  @Test
  void theRealFileSystemGivesARatioBetweenZeroAndOne(@TempDir Path dir) {
    assertThat(DiskUsageProbe.fileSystem().usedRatio(dir)).isBetween(0.0, 1.0);
  }
}
