package io.kitemq.benchmarks.store;

import io.kitemq.store.AppendRequest;
import io.kitemq.store.DefaultMessageStore;
import io.kitemq.store.FlushDiskType;
import io.kitemq.store.GetMessageResult;
import io.kitemq.store.GetMessageStatus;
import io.kitemq.store.MessageFilter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Pull-read throughput in messages per second: pulls of 32 messages (zero-copy slices, released
 * after each pull) walking a queue of 200,000 pre-written messages.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class StoreReadBenchmark {

  private static final int PULL = 32;
  private static final int MESSAGES = 200_000;

  @Param({"100", "1024"})
  public int bodySize;

  private Path root;
  private DefaultMessageStore store;
  private long offset;

  @Setup(Level.Trial)
  public void open() {
    root = StoreBenchSupport.tempDir();
    store = StoreBenchSupport.open(root, FlushDiskType.ASYNC_FLUSH);
    AppendRequest[] msgs = StoreBenchSupport.messages(1024, bodySize, 0);
    for (int i = 0; i < MESSAGES; i += 64) {
      store.appendBatch(Arrays.asList(msgs).subList(i % 1024, i % 1024 + 64)).join();
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    store.shutdown();
    StoreBenchSupport.deleteTree(root);
  }

  @Benchmark
  @OperationsPerInvocation(PULL)
  public int pull32() {
    try (GetMessageResult r =
        store.getMessages("g", "BenchTopic", 0, offset, PULL, 1 << 20, MessageFilter.ALL)) {
      if (r.status() != GetMessageStatus.FOUND) {
        offset = 0;
        return 0;
      }
      offset = r.nextBeginOffset();
      return r.totalBytes();
    }
  }
}
