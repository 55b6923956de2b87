package io.kitemq.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ConsumeQueueTest {

  private static final int FILE = 20 * 10;

  @TempDir Path dir;

  private ConsumeQueue queue() {
    return new ConsumeQueue(dir.resolve("T"), "T", 3, FILE);
  }

  @Test
  void entriesRollAcrossFilesNamedByByteOffset() {
    ConsumeQueue cq = queue();
    for (int i = 0; i < 35; i++) {
      assertThat(cq.put(i, 1000L * i, 100 + i, i * 7L)).isTrue();
    }
    assertThat(cq.minOffset()).isZero();
    assertThat(cq.maxOffset()).isEqualTo(35);
    assertThat(dir.resolve("T/3/00000000000000000200")).exists();
    assertThat(dir.resolve("T/3/00000000000000000600")).exists();
    ConsumeQueue.EntrySlice s = cq.entries(12);
    try {
      assertThat(s.count()).isEqualTo(8);
      assertThat(s.buffer().getLong(0)).isEqualTo(12_000);
      assertThat(s.buffer().getInt(8)).isEqualTo(112);
      assertThat(s.buffer().getLong(12)).isEqualTo(84);
    } finally {
      s.release();
    }
    assertThat(cq.entries(35)).isNull();
    assertThat(cq.nextFileOffset(12)).isEqualTo(20);
    cq.close();
  }

  @Test
  void reloadFindsTheEndOfWrittenEntries() {
    ConsumeQueue cq = queue();
    for (int i = 0; i < 13; i++) {
      cq.put(i, 500L * i, 50, 0);
    }
    cq.close();
    ConsumeQueue again = queue();
    again.load();
    assertThat(again.minOffset()).isZero();
    assertThat(again.maxOffset()).isEqualTo(13);
    assertThat(again.phyOffsetAt(12)).isEqualTo(6000);
    again.close();
  }

  @Test
  void aQueueStartingPastZeroReportsItsFirstEntryAsMinimum() {
    ConsumeQueue cq = queue();
    cq.put(25, 9000, 80, 0);
    cq.put(26, 9080, 80, 0);
    assertThat(cq.minOffset()).isEqualTo(25);
    assertThat(cq.maxOffset()).isEqualTo(27);
    cq.close();
    ConsumeQueue again = queue();
    again.load();
    assertThat(again.minOffset()).isEqualTo(25);
    assertThat(again.maxOffset()).isEqualTo(27);
    again.close();
  }

  @Test
  void entriesBeyondTheCommitLogAreTrimmed() {
    ConsumeQueue cq = queue();
    for (int i = 0; i < 15; i++) {
      cq.put(i, 100L * i, 100, 0);
    }
    cq.truncateBeyond(1000);
    assertThat(cq.maxOffset()).isEqualTo(10);
    assertThat(cq.put(10, 1000, 100, 0)).isTrue();
    assertThat(cq.maxOffset()).isEqualTo(11);
    cq.close();
  }

  @Test
  void recoveredEntriesKeepMatchesAndReplaceMismatches() {
    ConsumeQueue cq = queue();
    for (int i = 0; i < 5; i++) {
      cq.put(i, 100L * i, 100, 0);
    }
    cq.putRecovered(3, 300, 100, 0);
    assertThat(cq.maxOffset()).isEqualTo(5);
    cq.putRecovered(3, 999, 50, 0);
    assertThat(cq.maxOffset()).isEqualTo(4);
    assertThat(cq.phyOffsetAt(3)).isEqualTo(999);
    cq.putRecovered(4, 1049, 10, 0);
    assertThat(cq.maxOffset()).isEqualTo(5);
    cq.close();
  }

  @Test
  void retentionDropsWholeFilesBelowTheCommitLogMinimumButNeverTheLast() {
    ConsumeQueue cq = queue();
    for (int i = 0; i < 25; i++) {
      cq.put(i, 100L * i, 100, 0);
    }
    assertThat(cq.deleteExpired(1500)).isEqualTo(1);
    assertThat(cq.minOffset()).isEqualTo(15);
    assertThat(cq.deleteExpired(100_000)).isEqualTo(1);
    assertThat(cq.files().files()).hasSize(1);
    assertThat(cq.minOffset()).isEqualTo(25);
    assertThat(cq.maxOffset()).isEqualTo(25);
    cq.put(25, 2500, 100, 0);
    assertThat(cq.minOffset()).isEqualTo(25);
    cq.close();
  }
}
