package io.kitemq.store;

import io.kitemq.common.util.Crc;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * The process {@link CrashRecoveryTest} kills: opens a SYNC_FLUSH store and appends from a few
 * threads until killed, printing {@code ACK queueId queueOffset commitLogOffset bodyCrc key} for
 * every acknowledged message (only after its future completed with PUT_OK).
 */
public final class CrashChild {

  static final String TOPIC = "Crash";
  static final int QUEUES = 3;

  private CrashChild() {}

  static MessageStoreConfig config(Path root) {
    return StoreFixture.smallConfig(root)
        .mappedFileSizeCommitLog(256 * 1024)
        .flushDiskType(FlushDiskType.SYNC_FLUSH)
        .build();
  }

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    int cycle = Integer.parseInt(args[1]);
    PrintStream out = System.out;
    DefaultMessageStore store = new DefaultMessageStore(config(root));
    store.start();
    synchronized (out) {
      out.println("READY");
      out.flush();
    }
    Thread[] producers = new Thread[QUEUES];
    for (int t = 0; t < QUEUES; t++) {
      int queueId = t;
      producers[t] = new Thread(() -> produce(store, out, cycle, queueId), "producer-" + t);
      producers[t].start();
    }
    for (Thread p : producers) {
      p.join();
    }
  }

  private static void produce(DefaultMessageStore store, PrintStream out, int cycle, int q) {
    Random rnd = new Random(cycle * 31L + q);
    Semaphore inFlight = new Semaphore(16);
    for (long n = 0; ; n++) {
      byte[] body = new byte[1 + rnd.nextInt(3000)];
      rnd.nextBytes(body);
      String key = "k-" + cycle + "-" + q + "-" + n;
      int crc = Crc.crc32(body);
      inFlight.acquireUninterruptibly();
      CompletableFuture<AppendResult> f =
          store.append(StoreFixture.message(TOPIC, q, body, "tag" + q, key, "U" + key, 0));
      f.whenComplete(
          (r, e) -> {
            inFlight.release();
            if (r != null && r.status() == AppendStatus.PUT_OK) {
              synchronized (out) {
                out.println(
                    "ACK "
                        + q
                        + " "
                        + r.queueOffset()
                        + " "
                        + r.wroteOffset()
                        + " "
                        + crc
                        + " "
                        + key);
                out.flush();
              }
            }
          });
    }
  }
}
