package io.kitemq.store;

import static io.kitemq.store.StoreFixture.message;
import static io.kitemq.store.StoreFixture.smallConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.kitemq.common.message.StoredMessageDecoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Abnormal starts: the abort marker is left behind and the commit-log tail is damaged by hand. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RecoveryTest {

  private static final int SEGMENT = 64 * 1024;

  @TempDir Path root;
  private DefaultMessageStore store;
  private final List<AppendResult> written = new ArrayList<>();

  @AfterEach
  void stop() {
    if (store != null) {
      store.shutdown();
    }
  }

  private void open() {
    store = new DefaultMessageStore(smallConfig(root).build());
    store.start();
  }

  /** Writes messages, stops cleanly, then pretends the stop was a crash. */
  private long writeAndCrash(int n) throws IOException {
    open();
    for (int i = 0; i < n; i++) {
      AppendResult r =
          store
              .append(message("R", i % 2, ("payload-" + i).getBytes(), "t", "key-" + i, "U" + i, 0))
              .join();
      assertThat(r.status()).isEqualTo(AppendStatus.PUT_OK);
      written.add(r);
    }
    long end = store.getMaxPhyOffset();
    store.shutdown();
    store = null;
    Files.write(root.resolve("abort"), new byte[0]);
    return end;
  }

  private Path segmentOf(long offset) {
    return root.resolve("commitlog").resolve(String.format("%020d", offset - offset % SEGMENT));
  }

  private void writeAt(long offset, byte[] bytes) throws IOException {
    try (FileChannel ch = FileChannel.open(segmentOf(offset), StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(bytes), offset % SEGMENT);
    }
  }

  private byte[] readAt(long offset, int len) throws IOException {
    try (FileChannel ch = FileChannel.open(segmentOf(offset), StandardOpenOption.READ)) {
      ByteBuffer b = ByteBuffer.allocate(len);
      ch.read(b, offset % SEGMENT);
      return b.array();
    }
  }

  private void assertAllWrittenReadable() {
    for (int i = 0; i < written.size(); i++) {
      try (MessageSlice m = store.lookMessageByOffset(written.get(i).wroteOffset())) {
        assertThat(m).as("message %d", i).isNotNull();
        assertThat(
                new String(
                    StoredMessageDecoder.decode(m.buffer(), 0).getBody(), StandardCharsets.UTF_8))
            .isEqualTo("payload-" + i);
      }
    }
  }

  @Test
  void garbageAfterTheLastGoodMessageIsZeroedAndAppendingContinues() throws IOException {
    long end = writeAndCrash(300);
    byte[] garbage = new byte[700];
    new Random(42).nextBytes(garbage);
    writeAt(end, garbage);
    open();
    assertThat(store.getMaxPhyOffset()).isEqualTo(end);
    assertThat(readAt(end, 700)).containsOnly(0);
    assertAllWrittenReadable();
    assertThat(store.getMaxOffset("R", 0)).isEqualTo(150);
    AppendResult next = store.append(message("R", 0, "after")).join();
    assertThat(next.wroteOffset()).isEqualTo(end);
    assertThat(next.queueOffset()).isEqualTo(150);
  }

  @Test
  void aHalfWrittenMessageIsCutAndTheLastGoodOneSurvives() throws IOException {
    long end = writeAndCrash(120);
    AppendResult last = written.get(written.size() - 1);
    byte[] record = readAt(last.wroteOffset(), last.wroteBytes());
    ByteBuffer copy = ByteBuffer.wrap(record.clone());
    copy.putLong(28, end);
    writeAt(end, java.util.Arrays.copyOf(copy.array(), record.length / 2));
    open();
    assertThat(store.getMaxPhyOffset()).isEqualTo(end);
    assertAllWrittenReadable();
    try (QueryMessageResult q = store.queryMessage("R", "key-119", 5, 0, Long.MAX_VALUE)) {
      assertThat(q.messages()).hasSize(1);
    }
  }

  @Test
  void aCompleteRecordWithABadBodyCrcEndsTheLog() throws IOException {
    long end = writeAndCrash(100);
    AppendResult last = written.get(written.size() - 1);
    // A whole record after the end, right position, consistent sizes, but its body does not
    // match BODYCRC: a torn write that happened to leave a plausible header.
    ByteBuffer copy = ByteBuffer.wrap(readAt(last.wroteOffset(), last.wroteBytes()));
    copy.putLong(28, end);
    int bodyLen = copy.getInt(84);
    copy.put(88 + bodyLen - 1, (byte) (copy.get(88 + bodyLen - 1) ^ 0x55));
    writeAt(end, copy.array());
    open();
    assertThat(store.getMaxPhyOffset()).isEqualTo(end);
    assertThat(readAt(end, 16)).containsOnly(0);
    assertAllWrittenReadable();
    assertThat(store.getMaxOffset("R", 1)).isEqualTo(50);
  }

  @Test
  void lostConsumeQueuesIndexAndCheckpointAreRebuiltFromTheCommitLog() throws IOException {
    writeAndCrash(400);
    deleteTree(root.resolve("consumequeue"));
    deleteTree(root.resolve("index"));
    Files.delete(root.resolve("checkpoint"));
    open();
    assertThat(store.getMaxOffset("R", 0)).isEqualTo(200);
    assertThat(store.getMaxOffset("R", 1)).isEqualTo(200);
    try (GetMessageResult g = store.getMessages(null, "R", 1, 10, 1, 1 << 20, MessageFilter.ALL)) {
      assertThat(g.status()).isEqualTo(GetMessageStatus.FOUND);
      assertThat(g.messages().get(0).commitLogOffset()).isEqualTo(written.get(21).wroteOffset());
    }
    try (QueryMessageResult q = store.queryMessage("R", "U5", 5, 0, Long.MAX_VALUE)) {
      assertThat(q.messages()).hasSize(1);
      assertThat(q.messages().get(0).commitLogOffset()).isEqualTo(written.get(5).wroteOffset());
    }
  }

  @Test
  void rebuiltEntriesTakeTheirTagCodeFromTheResolver() throws IOException {
    writeAndCrash(10);
    deleteTree(root.resolve("consumequeue"));
    Files.delete(root.resolve("checkpoint"));
    store = new DefaultMessageStore(smallConfig(root).build());
    store.setTagsCodeResolver((topic, props, storeTime) -> storeTime + 1000);
    store.start();
    long storeTime = written.get(4).storeTimestamp();
    MessageFilter onlyResolved = code -> code == storeTime + 1000;
    try (GetMessageResult g = store.getMessages(null, "R", 0, 0, 32, 1 << 20, onlyResolved)) {
      assertThat(g.messages())
          .extracting(MessageSlice::commitLogOffset)
          .contains(written.get(4).wroteOffset());
    }
  }

  @Test
  void consumeQueueEntriesPointingPastTheLogAreTrimmed() throws IOException {
    long end = writeAndCrash(50);
    // Entry 25 of queue R-0 (files of 100 entries): commit-log offset past the end.
    Path cq = root.resolve("consumequeue/R/0/00000000000000000000");
    ByteBuffer entry = ByteBuffer.allocate(20).putLong(end + 1000).putInt(120).putLong(0);
    try (FileChannel ch = FileChannel.open(cq, StandardOpenOption.WRITE)) {
      ch.write(entry.flip(), 25 * 20L);
    }
    open();
    assertThat(store.getMaxOffset("R", 0)).isEqualTo(25);
    assertThat(store.append(message("R", 0, "next")).join().queueOffset()).isEqualTo(25);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
