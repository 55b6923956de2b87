package io.kitemq.store;

import static io.kitemq.store.StoreFixture.message;
import static io.kitemq.store.StoreFixture.smallConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.MessageSysFlag;
import io.kitemq.common.message.MessageVersion;
import io.kitemq.common.message.OffsetMessageId;
import io.kitemq.common.message.StoredMessageDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DefaultMessageStoreTest {

  @TempDir Path root;
  private DefaultMessageStore store;

  private DefaultMessageStore open() {
    store = new DefaultMessageStore(smallConfig(root).build());
    store.start();
    return store;
  }

  @AfterEach
  void stop() {
    if (store != null) {
      store.shutdown();
    }
  }

  private static AppendResult put(MessageStore s, AppendRequest r) {
    AppendResult res = s.append(r).join();
    assertThat(res.status()).isEqualTo(AppendStatus.PUT_OK);
    return res;
  }

  private static MessageExt decode(MessageSlice m) {
    return StoredMessageDecoder.decode(m.buffer(), 0);
  }

  @Test
  void appendedMessagesReadBackByteForByteAcrossManyRolledSegments() {
    open();
    List<AppendResult> results = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      results.add(put(store, message("T", i % 3, "body-" + i + "-".repeat(i % 200))));
    }
    assertThat(store.commitLogSegmentCount()).isGreaterThan(5);
    assertThat(Files.exists(root.resolve("commitlog/00000000000000000000"))).isTrue();
    assertThat(Files.exists(root.resolve("commitlog/00000000000000065536"))).isTrue();
    assertThat(store.getMaxOffset("T", 0)).isEqualTo(1000);
    long next = 0;
    int seen = 0;
    while (true) {
      try (GetMessageResult r =
          store.getMessages("g", "T", 1, next, 32, 1 << 20, MessageFilter.ALL)) {
        if (r.status() != GetMessageStatus.FOUND) {
          assertThat(r.status()).isEqualTo(GetMessageStatus.OFFSET_OVERFLOW_ONE);
          break;
        }
        for (MessageSlice m : r.messages()) {
          MessageExt e = decode(m);
          int i = 3 * seen + 1;
          assertThat(new String(e.getBody(), StandardCharsets.UTF_8))
              .isEqualTo("body-" + i + "-".repeat(i % 200));
          assertThat(e.getQueueOffset()).isEqualTo(seen);
          assertThat(e.getCommitLogOffset()).isEqualTo(results.get(i).wroteOffset());
          assertThat(e.getCommitLogOffset()).isEqualTo(m.commitLogOffset());
          assertThat(e.getFlag()).isEqualTo(7);
          assertThat(e.getStoreHost()).isEqualTo(StoreFixture.STORE);
          seen++;
        }
        next = r.nextBeginOffset();
      }
    }
    assertThat(seen).isEqualTo(1000);
  }

  @Test
  void aSegmentEndsWithABlankRecordWhenTheNextMessageDoesNotFit() throws Exception {
    open();
    AppendResult last = null;
    while (last == null || last.wroteOffset() < 65536) {
      last = put(store, message("T", 0, "x".repeat(1000)));
    }
    assertThat(last.wroteOffset()).isEqualTo(65536);
    byte[] seg = Files.readAllBytes(root.resolve("commitlog/00000000000000000000"));
    ByteBuffer b = ByteBuffer.wrap(seg);
    int pos = 0;
    while (b.getInt(pos + 4) != MessageVersion.BLANK_MAGIC_CODE) {
      pos += b.getInt(pos);
    }
    assertThat(b.getInt(pos)).isEqualTo(65536 - pos);
  }

  @Test
  void resultCarriesOffsetsStoreTimeAndOffsetMessageId() {
    open();
    put(store, message("T", 0, "a"));
    AppendResult r = put(store, message("T", 0, "b"));
    assertThat(r.queueOffset()).isEqualTo(1);
    assertThat(r.offsetMsgId())
        .isEqualTo(OffsetMessageId.encode(StoreFixture.STORE, r.wroteOffset()));
    try (MessageSlice m = store.lookMessageByOffset(r.wroteOffset())) {
      MessageExt e = decode(m);
      assertThat(new String(e.getBody(), StandardCharsets.UTF_8)).isEqualTo("b");
      assertThat(e.getStoreTimestamp()).isEqualTo(r.storeTimestamp());
    }
    assertThat(store.lookMessageByOffset(r.wroteOffset() + 1)).isNull();
  }

  @Test
  void batchIsOneWriteWithConsecutiveQueueOffsets() {
    open();
    put(store, message("B", 2, "first"));
    List<AppendRequest> batch = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      batch.add(message("B", 2, "inner-" + i));
    }
    AppendResult r = store.appendBatch(batch).join();
    assertThat(r.status()).isEqualTo(AppendStatus.PUT_OK);
    assertThat(r.queueOffset()).isEqualTo(1);
    assertThat(r.messageCount()).isEqualTo(10);
    assertThat(r.offsetMsgId().split(",")).hasSize(10);
    try (GetMessageResult g = store.getMessages(null, "B", 2, 1, 100, 1 << 20, MessageFilter.ALL)) {
      assertThat(g.messageCount()).isEqualTo(10);
      for (int i = 0; i < 10; i++) {
        MessageExt e = decode(g.messages().get(i));
        assertThat(e.getQueueOffset()).isEqualTo(1 + i);
        assertThat(e.getCommitLogOffset()).isEqualTo(r.physicalOffsets()[i]);
        assertThat(new String(e.getBody(), StandardCharsets.UTF_8)).isEqualTo("inner-" + i);
      }
    }
    List<AppendRequest> mixed = List.of(message("B", 2, "x"), message("B", 3, "y"));
    assertThat(store.appendBatch(mixed).join().status()).isEqualTo(AppendStatus.MESSAGE_ILLEGAL);
  }

  @Test
  void preparedAndRollbackRecordsGetNoQueueEntry() {
    open();
    AppendResult half =
        put(
            store,
            message(
                "TX",
                0,
                "h".getBytes(),
                null,
                null,
                null,
                MessageSysFlag.TRANSACTION_PREPARED_TYPE));
    put(
        store,
        message(
            "TX", 0, "r".getBytes(), null, null, null, MessageSysFlag.TRANSACTION_ROLLBACK_TYPE));
    AppendResult commit =
        put(
            store,
            message(
                "TX", 0, "c".getBytes(), null, null, null, MessageSysFlag.TRANSACTION_COMMIT_TYPE));
    assertThat(half.queueOffset()).isZero();
    assertThat(commit.queueOffset()).isZero();
    assertThat(store.getMaxOffset("TX", 0)).isEqualTo(1);
    try (MessageSlice m = store.lookMessageByOffset(half.wroteOffset())) {
      assertThat(new String(decode(m).getBody(), StandardCharsets.UTF_8)).isEqualTo("h");
    }
  }

  @Test
  void keysAndUniqueIdsAreFoundByQueryEvenAfterARestart() {
    open();
    for (int i = 0; i < 300; i++) {
      put(
          store,
          message("Q", 0, ("m" + i).getBytes(), "tag", "order-" + i + " shared", "UNIQ" + i, 0));
    }
    try (QueryMessageResult q = store.queryMessage("Q", "order-123", 10, 0, Long.MAX_VALUE)) {
      assertThat(q.messages()).hasSize(1);
      assertThat(new String(decode(q.messages().get(0)).getBody(), StandardCharsets.UTF_8))
          .isEqualTo("m123");
    }
    store.shutdown();
    open();
    try (QueryMessageResult q = store.queryMessage("Q", "UNIQ77", 10, 0, Long.MAX_VALUE)) {
      assertThat(q.messages()).hasSize(1);
      assertThat(decode(q.messages().get(0)).getProperties())
          .containsEntry("KEYS", "order-77 shared");
    }
    try (QueryMessageResult q = store.queryMessage("Q", "shared", 5, 0, Long.MAX_VALUE)) {
      assertThat(q.messages()).hasSize(5);
      assertThat(decode(q.messages().get(0)).getQueueOffset()).isEqualTo(299);
    }
    try (QueryMessageResult q = store.queryMessage("Other", "shared", 5, 0, Long.MAX_VALUE)) {
      assertThat(q.messages()).isEmpty();
    }
  }

  @Test
  void cleanRestartKeepsEverythingAndContinuesOffsets() {
    open();
    for (int i = 0; i < 500; i++) {
      put(store, message("R", i % 2, "v" + i));
    }
    long maxPhy = store.getMaxPhyOffset();
    store.shutdown();
    assertThat(root.resolve("abort")).doesNotExist();
    open();
    assertThat(root.resolve("abort")).exists();
    assertThat(store.getMaxPhyOffset()).isEqualTo(maxPhy);
    assertThat(store.getMaxOffset("R", 1)).isEqualTo(250);
    AppendResult r = put(store, message("R", 1, "after"));
    assertThat(r.queueOffset()).isEqualTo(250);
    assertThat(r.wroteOffset()).isEqualTo(maxPhy);
  }

  @Test
  void offsetByTimeAndEarliestTimeUseStoreTimestamps() {
    StoreFixture.MutableClock clock =
        new StoreFixture.MutableClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));
    store =
        new DefaultMessageStore(smallConfig(root).build(), clock, new StoreFixture.FakeDisk(0.1));
    store.start();
    for (int i = 0; i < 50; i++) {
      put(store, message("TT", 0, "at-" + i));
      clock.advanceHours(1);
    }
    long t0 = java.time.Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    assertThat(store.getEarliestMessageTime("TT", 0)).isEqualTo(t0);
    assertThat(store.getOffsetByTime("TT", 0, t0 - 1)).isZero();
    assertThat(store.getOffsetByTime("TT", 0, t0 + 10 * 3_600_000L)).isEqualTo(10);
    assertThat(store.getOffsetByTime("TT", 0, t0 + 10 * 3_600_000L + 1)).isEqualTo(11);
    assertThat(store.getOffsetByTime("TT", 0, t0 + 1000 * 3_600_000L)).isEqualTo(50);
    assertThat(store.getOffsetByTime("none", 0, t0)).isZero();
    assertThat(store.getMessageStoreTimestamp("TT", 0, 7)).isEqualTo(t0 + 7 * 3_600_000L);
    assertThat(store.getMessageStoreTimestamp("TT", 0, 50)).isEqualTo(-1);
  }

  @Test
  void arrivalListenerHearsEveryQueuedMessage() {
    open();
    List<String> heard = new CopyOnWriteArrayList<>();
    store.setArrivalListener(
        (t, q, off, tags, ts) -> heard.add(t + "/" + q + "/" + off + "/" + tags));
    put(store, message("L", 1, "a".getBytes(), "TagA", null, null, 0));
    store.appendBatch(List.of(message("L", 1, "b"), message("L", 1, "c"))).join();
    assertThat(heard).containsExactly("L/1/0/" + "TagA".hashCode(), "L/1/1/0", "L/1/2/0");
  }

  @Test
  void deletedTopicsLoseTheirQueuesAndStartOverAtZero() {
    open();
    for (int i = 0; i < 10; i++) {
      put(store, message("D", 0, "x"));
    }
    put(store, message("Keep", 0, "y"));
    store.deleteTopics(Set.of("D"));
    assertThat(store.getMaxOffset("D", 0)).isZero();
    assertThat(root.resolve("consumequeue/D")).doesNotExist();
    assertThat(store.getMaxOffset("Keep", 0)).isEqualTo(1);
    assertThat(put(store, message("D", 0, "again")).queueOffset()).isZero();
  }

  @Test
  void oversizedBodiesAreRefusedAsIllegal() {
    open();
    AppendResult r = store.append(message("T", 0, "z".repeat(16 * 1024 + 1))).join();
    assertThat(r.status()).isEqualTo(AppendStatus.MESSAGE_ILLEGAL);
    assertThat(store.getMaxPhyOffset()).isZero();
  }

  @Test
  void aSecondStoreOnTheSameDirectoryIsRefused() {
    open();
    DefaultMessageStore second = new DefaultMessageStore(smallConfig(root).build());
    assertThatThrownBy(second::start)
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("in use");
  }

  @Test
  void appendsAfterShutdownAreRefused() {
    open();
    store.shutdown();
    assertThat(store.append(message("T", 0, "late")).join().status())
        .isEqualTo(AppendStatus.SERVICE_NOT_AVAILABLE);
    store = null;
  }
}
