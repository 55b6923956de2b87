package io.kitemq.store;

import static io.kitemq.store.StoreFixture.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kitemq.common.message.StoredMessageDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cold commit-log pages leave the process's resident set (as the kernel counts it in {@code
 * /proc/self/smaps}) and read back intact.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ResidentPagesTest {

  private static final int SEGMENT = 8 * 1024 * 1024;
  private static final int WINDOW = 1024 * 1024;
  private static final int MESSAGES = 6_000;

  @TempDir Path root;
  private DefaultMessageStore store;

  @AfterEach
  void stop() {
    if (store != null) {
      store.shutdown();
    }
  }

  private void open(long window) {
    MessageStoreConfig config =
        MessageStoreConfig.builder()
            .storePathRootDir(root)
            .mappedFileSizeCommitLog(SEGMENT)
            .flushIntervalCommitLog(20)
            .residentCommitLogWindow(window)
            // Rounds run by hand below, not by the housekeeping thread.
            .residentTrimInterval(3_600_000)
            .maxTransferCountOnMessageInMemory(1000)
            .maxTransferBytesOnMessageInMemory(1 << 20)
            .build();
    store = new DefaultMessageStore(config);
    store.start();
  }

  private static String body(int i) {
    return String.format("%06d", i) + "x".repeat(994);
  }

  private void fill() {
    for (int i = 0; i < MESSAGES; i++) {
      assertThat(store.append(message("R", 0, body(i))).join().status())
          .isEqualTo(AppendStatus.PUT_OK);
    }
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> store.flushBehindBytes() == 0);
  }

  /** Resident kilobytes of this process's mapping of the first commit-log segment. */
  private long residentKiB() throws IOException {
    String segment = root.resolve("commitlog").resolve("00000000000000000000").toString();
    List<String> lines = Files.readAllLines(Path.of("/proc/self/smaps"));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).endsWith(segment)) {
        for (int j = i + 1; j < lines.size(); j++) {
          if (lines.get(j).startsWith("Rss:")) {
            return Long.parseLong(lines.get(j).replaceAll("[^0-9]", ""));
          }
        }
      }
    }
    throw new AssertionError("no mapping of " + segment + " in /proc/self/smaps");
  }

  private void readAllBack() {
    long offset = 0;
    int next = 0;
    while (offset < MESSAGES) {
      try (GetMessageResult r =
          store.getMessages("g", "R", 0, offset, 1000, 1 << 20, MessageFilter.ALL)) {
        assertThat(r.status()).isEqualTo(GetMessageStatus.FOUND);
        for (MessageSlice m : r.messages()) {
          String text =
              new String(
                  StoredMessageDecoder.decode(m.buffer(), 0).getBody(), StandardCharsets.UTF_8);
          assertThat(text).isEqualTo(body(next++));
        }
        offset = r.nextBeginOffset();
      }
    }
    assertThat(next).isEqualTo(MESSAGES);
  }

  @Test
  void flushedPagesBehindTheWindowLeaveTheResidentSetAndReadBackIntact() throws Exception {
    assumeTrue(Files.isReadable(Path.of("/proc/self/smaps")), "needs Linux /proc/self/smaps");
    open(WINDOW);
    fill();
    long before = residentKiB();
    assertThat(before).as("written pages are resident").isGreaterThan(5 * 1024);

    assertThat(store.trimResidentPages()).isPositive();
    long after = residentKiB();
    assertThat(after).as("only the window stays").isLessThanOrEqualTo(WINDOW / 1024 + 8);

    readAllBack();
    assertThat(residentKiB()).as("reading maps the pages again").isGreaterThan(5 * 1024);
    store.trimResidentPages();
    assertThat(residentKiB()).isLessThanOrEqualTo(WINDOW / 1024 + 8);
  }

  @Test
  void aWindowOfMinusOneKeepsEveryPage() throws Exception {
    assumeTrue(Files.isReadable(Path.of("/proc/self/smaps")), "needs Linux /proc/self/smaps");
    open(-1);
    fill();
    long before = residentKiB();
    assertThat(store.trimResidentPages()).isZero();
    assertThat(residentKiB()).isGreaterThanOrEqualTo(before);
  }

  @Test
  void trimmedMessagesReadBackIntactAfterARestart() throws Exception {
    open(WINDOW);
    fill();
    store.trimResidentPages();
    store.shutdown();
    store = null;
    open(WINDOW);
    readAllBack();
  }
}
