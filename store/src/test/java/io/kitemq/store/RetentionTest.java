package io.kitemq.store;

import static io.kitemq.store.StoreFixture.message;
import static io.kitemq.store.StoreFixture.smallConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Retention and disk safety with a stepped clock and a faked disk. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RetentionTest {

  @TempDir Path root;
  private DefaultMessageStore store;
  private final StoreFixture.MutableClock clock =
      new StoreFixture.MutableClock(Instant.parse("2026-03-01T04:30:00Z"));
  private final StoreFixture.FakeDisk disk = new StoreFixture.FakeDisk(0.10);

  @AfterEach
  void stop() {
    if (store != null) {
      store.shutdown();
    }
  }

  private void open(MessageStoreConfig.Builder b) {
    store = new DefaultMessageStore(b.build(), clock, disk);
    store.start();
  }

  private MessageStoreConfig.Builder config() {
    return smallConfig(root)
        .deleteWhen("04;10")
        .fileReservedTime(72)
        .cleanResourceInterval(50)
        .maxTransferCountOnMessageInMemory(1000)
        .maxTransferBytesOnMessageInMemory(1 << 20);
  }

  private void fill(int n) {
    for (int i = 0; i < n; i++) {
      assertThat(store.append(message("K", 0, "r".repeat(1000))).join().status())
          .isEqualTo(AppendStatus.PUT_OK);
    }
  }

  private long files(String dir) throws Exception {
    try (Stream<Path> s = Files.list(root.resolve(dir))) {
      return s.count();
    }
  }

  @Test
  void expiredSegmentsGoAtTheDeleteHourButNeverTheOneBeingWritten() throws Exception {
    open(config());
    fill(600);
    int before = store.commitLogSegmentCount();
    assertThat(before).isGreaterThan(8);
    clock.advanceHours(71);
    assertThat(store.runRetention()).as("not yet expired").isZero();
    assertThat(store.commitLogSegmentCount()).isEqualTo(before);
    clock.advanceHours(1 + 24);
    // 04:30 + 96 h = 04:30 again: a delete hour, and every segment is 72+ hours old. Passes
    // delete at most 10 segments each, and the housekeeping thread runs them too.
    Awaitility.await()
        .atMost(10, TimeUnit.SECONDS)
        .until(
            () -> {
              store.runRetention();
              return store.commitLogSegmentCount() == 1;
            });
    // The segment being written, plus perhaps the next one prepared ahead of need.
    assertThat(files("commitlog")).isBetween(1L, 2L);
    assertThat(root.resolve("commitlog/00000000000000000000")).doesNotExist();
    assertThat(store.getMinPhyOffset()).isGreaterThan(0);
    assertThat(store.getMinOffset("K", 0)).isGreaterThan(500);
    assertThat(files("consumequeue/K/0")).isLessThanOrEqualTo(2);
    long min = store.getMinOffset("K", 0);
    try (GetMessageResult r =
        store.getMessages(null, "K", 0, min, 100, 1 << 20, MessageFilter.ALL)) {
      assertThat(r.status()).isEqualTo(GetMessageStatus.FOUND);
      assertThat(r.nextBeginOffset()).isEqualTo(600);
    }
    fill(1);
    assertThat(store.getMaxOffset("K", 0)).isEqualTo(601);
  }

  @Test
  void outsideTheDeleteHourExpiredSegmentsStayWhileTheDiskHasRoom() {
    open(config());
    fill(300);
    int before = store.commitLogSegmentCount();
    clock.advanceHours(73);
    assertThat(clock.instant().atZone(clock.getZone()).getHour()).isEqualTo(5);
    assertThat(store.runRetention()).isZero();
    disk.set(0.80);
    store.runRetention();
    assertThat(store.commitLogSegmentCount())
        .as("above diskMaxUsedSpaceRatio 75 %")
        .isLessThan(before);
  }

  @Test
  void aboveTheForcibleRatioEvenFreshSegmentsGoOldestFirst() {
    open(config());
    fill(300);
    int before = store.commitLogSegmentCount();
    long minBefore = store.getMinPhyOffset();
    clock.advanceHours(1);
    assertThat(store.runRetention()).isZero();
    assertThat(store.commitLogSegmentCount()).isEqualTo(before);
    disk.set(0.86);
    store.runRetention();
    int deleted = before - store.commitLogSegmentCount();
    assertThat(deleted).isPositive();
    assertThat(store.getMinPhyOffset()).isEqualTo(minBefore + deleted * 64L * 1024);
  }

  @Test
  void aFullDiskRefusesAppendsAndKeepsStoredDataReadable() {
    open(config());
    fill(50);
    AppendResult kept = store.append(message("K", 0, "kept")).join();
    disk.set(0.95);
    Awaitility.await()
        .atMost(10, TimeUnit.SECONDS)
        .until(
            () ->
                store.append(message("K", 0, "no room")).join().status() == AppendStatus.DISK_FULL);
    assertThat(store.getMaxOffset("K", 0)).isEqualTo(51);
    try (MessageSlice m = store.lookMessageByOffset(kept.wroteOffset())) {
      assertThat(m).isNotNull();
    }
    try (GetMessageResult r = store.getMessages(null, "K", 0, 0, 100, 1 << 20, MessageFilter.ALL)) {
      assertThat(r.messageCount()).isEqualTo(51);
    }
    disk.set(0.50);
    Awaitility.await()
        .atMost(10, TimeUnit.SECONDS)
        .until(
            () ->
                store.append(message("K", 0, "room again")).join().status() == AppendStatus.PUT_OK);
  }
}
