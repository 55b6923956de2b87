package io.kitemq.store;

import static io.kitemq.store.StoreFixture.message;
import static io.kitemq.store.StoreFixture.smallConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.StoredMessageDecoder;
import io.kitemq.common.util.Crc;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers, readers holding slices, and forcible retention deleting segments under them, all at
 * once. A slice touched after its segment was unmapped would crash the JVM; every slice read here
 * must still decode with a matching body CRC.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConcurrentReadRetentionTest {

  @TempDir Path root;

  @Test
  void heldSlicesStayReadableWhileRetentionDeletesTheirSegments() throws Exception {
    StoreFixture.FakeDisk disk = new StoreFixture.FakeDisk(0.10);
    DefaultMessageStore store =
        new DefaultMessageStore(
            smallConfig(root).cleanResourceInterval(5).build(),
            new StoreFixture.MutableClock(Instant.now()),
            disk);
    store.start();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong verified = new AtomicLong();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    List<Thread> threads = new ArrayList<>();
    threads.add(
        new Thread(
            () -> {
              for (int i = 0; !stop.get(); i++) {
                store.append(message("C", i % 2, "v" + i + "-".repeat(i % 500))).join();
              }
            }));
    for (int q = 0; q < 2; q++) {
      int queueId = q;
      threads.add(new Thread(() -> readLoop(store, queueId, stop, verified, failures)));
    }
    disk.set(0.86);
    threads.forEach(Thread::start);
    try {
      Awaitility.await()
          .atMost(30, TimeUnit.SECONDS)
          .until(() -> verified.get() > 20_000 && store.getMinPhyOffset() > 10 * 65536L);
    } finally {
      stop.set(true);
      for (Thread t : threads) {
        t.join(10_000);
      }
      store.shutdown();
    }
    assertThat(failures).isEmpty();
  }

  private static void readLoop(
      MessageStore store,
      int queueId,
      AtomicBoolean stop,
      AtomicLong verified,
      ConcurrentLinkedQueue<Throwable> failures) {
    long next = 0;
    List<GetMessageResult> held = new ArrayList<>();
    try {
      while (!stop.get()) {
        GetMessageResult r =
            store.getMessages(null, "C", queueId, next, 16, 1 << 20, MessageFilter.ALL);
        next = r.nextBeginOffset();
        held.add(r);
        if (held.size() > 8) {
          // Read the oldest held result only now, after retention had time to delete its segment.
          GetMessageResult old = held.remove(0);
          for (MessageSlice m : old.messages()) {
            MessageExt e = StoredMessageDecoder.decode(m.buffer(), 0);
            assertThat(Crc.crc32(e.getBody())).isEqualTo(e.getBodyCrc());
            assertThat(e.getQueueId()).isEqualTo(queueId);
            verified.incrementAndGet();
          }
          old.release();
        }
      }
    } catch (Throwable t) {
      failures.add(t);
    } finally {
      held.forEach(GetMessageResult::release);
    }
  }
}
