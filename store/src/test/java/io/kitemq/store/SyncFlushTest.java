package io.kitemq.store;

import static io.kitemq.store.StoreFixture.message;
import static io.kitemq.store.StoreFixture.smallConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.kitemq.store.internal.CommitLog;
import io.kitemq.store.internal.CommitLogFlusher;
import io.kitemq.store.internal.ConsumeQueueTable;
import io.kitemq.store.internal.MappedFileQueue;
import io.kitemq.store.internal.StoreCheckpoint;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SyncFlushTest {

  @TempDir Path root;

  @Test
  void groupCommitCompletesEveryConcurrentAppendOnlyOnceForced() throws Exception {
    MessageStoreConfig config = smallConfig(root).flushDiskType(FlushDiskType.SYNC_FLUSH).build();
    DefaultMessageStore store = new DefaultMessageStore(config);
    store.start();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<AppendResult>>> jobs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int q = t;
        jobs.add(
            pool.submit(
                () -> {
                  List<CompletableFuture<AppendResult>> fs = new ArrayList<>();
                  for (int i = 0; i < 200; i++) {
                    fs.add(store.append(message("S", q, "sync-" + i)));
                  }
                  List<AppendResult> out = new ArrayList<>();
                  for (CompletableFuture<AppendResult> f : fs) {
                    out.add(f.get(10, TimeUnit.SECONDS));
                  }
                  return out;
                }));
      }
      long maxEnd = 0;
      for (Future<List<AppendResult>> j : jobs) {
        for (AppendResult r : j.get()) {
          assertThat(r.status()).isEqualTo(AppendStatus.PUT_OK);
          maxEnd = Math.max(maxEnd, r.endOffset());
        }
      }
      assertThat(maxEnd).isEqualTo(store.getMaxPhyOffset());
      for (int q = 0; q < 8; q++) {
        assertThat(store.getMaxOffset("S", q)).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
      store.shutdown();
    }
  }

  @Test
  void syncFlushAnswersANoWaitAppendAtOnceAndStillForcesIt() throws Exception {
    MessageStoreConfig config = smallConfig(root).flushDiskType(FlushDiskType.SYNC_FLUSH).build();
    DefaultMessageStore store = new DefaultMessageStore(config);
    store.start();
    try {
      CompletableFuture<AppendResult> f =
          store.append(message("W", 0, "no-wait").withoutFlushWait());
      assertThat(f).isDone();
      assertThat(f.join().status()).isEqualTo(AppendStatus.PUT_OK);
      long end = f.join().endOffset();
      Path checkpoint = root.resolve("checkpoint");
      Awaitility.await()
          .atMost(10, TimeUnit.SECONDS)
          .until(
              () ->
                  java.nio.ByteBuffer.wrap(java.nio.file.Files.readAllBytes(checkpoint)).getLong(72)
                      >= end);
    } finally {
      store.shutdown();
    }
  }

  @Test
  void asyncFlushAcknowledgesAtOnceAndForcesWithinTheInterval() throws Exception {
    // Fewer than flushCommitLogLeastPages dirty pages: only the thorough flush forces them.
    DefaultMessageStore store =
        new DefaultMessageStore(smallConfig(root).flushCommitLogThoroughInterval(200).build());
    store.start();
    try {
      AppendResult last = null;
      for (int i = 0; i < 100; i++) {
        CompletableFuture<AppendResult> f = store.append(message("A", 0, "async-" + i));
        assertThat(f).isDone();
        last = f.join();
      }
      long end = last.endOffset();
      Path checkpoint = root.resolve("checkpoint");
      Awaitility.await()
          .atMost(10, TimeUnit.SECONDS)
          .until(
              () ->
                  java.nio.ByteBuffer.wrap(java.nio.file.Files.readAllBytes(checkpoint)).getLong(72)
                      >= end);
    } finally {
      store.shutdown();
    }
  }

  @Test
  void aRequestNoFsyncCoversInTimeCompletesWithFlushDiskTimeout() {
    MessageStoreConfig config =
        smallConfig(root).flushDiskType(FlushDiskType.SYNC_FLUSH).syncFlushTimeout(50).build();
    MappedFileQueue log = new MappedFileQueue(root.resolve("commitlog"), 64 * 1024);
    ConsumeQueueTable queues = new ConsumeQueueTable(root.resolve("consumequeue"), 2000);
    CommitLog commitLog = new CommitLog(log, queues, null, Clock.systemUTC());
    StoreCheckpoint cp = new StoreCheckpoint(root.resolve("checkpoint"));
    // The flush thread is deliberately not started: nothing will force the write.
    CommitLogFlusher flusher = new CommitLogFlusher(commitLog, config, cp);
    try {
      AppendResult stored = commitLog.append(List.of(message("S", 0, "waits")));
      CompletableFuture<AppendResult> f = flusher.await(stored);
      assertThat(f).isNotDone();
      Awaitility.await()
          .atMost(5, TimeUnit.SECONDS)
          .until(
              () -> {
                flusher.expireOverdue();
                return f.isDone();
              });
      AppendResult r = f.join();
      assertThat(r.status()).isEqualTo(AppendStatus.FLUSH_DISK_TIMEOUT);
      assertThat(r.wroteOffset()).isZero();
      assertThat(r.isStored()).isTrue();
    } finally {
      queues.close();
      log.close();
      cp.close();
    }
  }
}
