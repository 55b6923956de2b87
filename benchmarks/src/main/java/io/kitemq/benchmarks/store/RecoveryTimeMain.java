package io.kitemq.benchmarks.store;

import io.kitemq.store.AppendRequest;
import io.kitemq.store.DefaultMessageStore;
import io.kitemq.store.FlushDiskType;
import io.kitemq.store.MessageStoreConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Measures start-up after a SIGKILL with a large log: a child JVM appends {@code GiB} gibibytes of
 * 1 KiB messages spread over {@code queues} queues (ASYNC_FLUSH, 1 GiB segments), is killed with
 * SIGKILL, and this JVM then times the abnormal recovery ({@code start()}) and a clean restart.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.kitemq.benchmarks.store.RecoveryTimeMain [GiB] [queues]
 * </pre>
 */
public final class RecoveryTimeMain {

  private RecoveryTimeMain() {}

  private static MessageStoreConfig config(Path root) {
    return MessageStoreConfig.builder()
        .storePathRootDir(root)
        .flushDiskType(FlushDiskType.ASYNC_FLUSH)
        .build();
  }

  public static void main(String[] args) throws Exception {
    if (args.length >= 4 && args[0].equals("write")) {
      write(Path.of(args[1]), Double.parseDouble(args[2]), Integer.parseInt(args[3]));
      return;
    }
    double gib = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
    int queues = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    Path root = StoreBenchSupport.tempDir();
    try {
      Process child =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx512m",
                  "-cp",
                  System.getProperty("java.class.path"),
                  RecoveryTimeMain.class.getName(),
                  "write",
                  root.toString(),
                  Double.toString(gib),
                  Integer.toString(queues))
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      try (BufferedReader r =
          new BufferedReader(
              new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null && !line.startsWith("WRITTEN")) {
          System.out.println("child: " + line);
        }
        System.out.println("child: " + line);
      }
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
      long t0 = System.nanoTime();
      DefaultMessageStore store = new DefaultMessageStore(config(root));
      store.start();
      long abnormalMs = (System.nanoTime() - t0) / 1_000_000;
      long max = store.getMaxPhyOffset();
      store.shutdown();
      t0 = System.nanoTime();
      store = new DefaultMessageStore(config(root));
      store.start();
      long cleanMs = (System.nanoTime() - t0) / 1_000_000;
      store.shutdown();
      System.out.printf(
          "commit log %.2f GiB in %d queues: start after SIGKILL %d ms, clean start %d ms%n",
          max / (double) (1L << 30), queues, abnormalMs, cleanMs);
    } finally {
      StoreBenchSupport.deleteTree(root);
    }
  }

  private static void write(Path root, double gib, int queues) {
    DefaultMessageStore store = new DefaultMessageStore(config(root));
    store.start();
    long target = (long) (gib * (1L << 30));
    // 64 prepared 1 KiB messages per queue keep the heap small even with 1,000 queues.
    AppendRequest[][] msgs = new AppendRequest[queues][];
    for (int q = 0; q < queues; q++) {
      msgs[q] = StoreBenchSupport.messages(64, 1024, q);
    }
    long t0 = System.nanoTime();
    long n = 0;
    while (store.getMaxPhyOffset() < target) {
      store.appendBatch(Arrays.asList(msgs[(int) (n % queues)])).join();
      n++;
    }
    System.out.printf(
        "WRITTEN %d bytes in %d ms%n",
        store.getMaxPhyOffset(), (System.nanoTime() - t0) / 1_000_000);
    System.out.flush();
    while (true) {
      // Keep appending until killed, so the kill lands mid-write.
      store.appendBatch(Arrays.asList(msgs[(int) (n++ % queues)])).join();
    }
  }
}
