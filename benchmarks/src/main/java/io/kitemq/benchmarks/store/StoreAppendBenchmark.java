package io.kitemq.benchmarks.store;

import io.kitemq.store.AppendRequest;
import io.kitemq.store.AppendResult;
import io.kitemq.store.AppendStatus;
import io.kitemq.store.DefaultMessageStore;
import io.kitemq.store.FlushDiskType;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.openjdk.jmh.annotations.Threads;

/**
 * Commit-log append throughput (messages per second): one message per append from 1 or 8 threads,
 * batches of 64, and a pipelined SYNC_FLUSH producer keeping 64 appends in flight (group commit at
 * depth). The store lives under java.io.tmpdir and is deleted after each trial.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class StoreAppendBenchmark {

  private static final int BATCH = 64;

  @Param({"100", "1024"})
  public int bodySize;

  @Param({"ASYNC_FLUSH", "SYNC_FLUSH"})
  public FlushDiskType flushDiskType;

  private Path root;
  private DefaultMessageStore store;
  private final AtomicInteger threadIds = new AtomicInteger();

  @Setup(Level.Trial)
  public void open() {
    root = StoreBenchSupport.tempDir();
    store = StoreBenchSupport.open(root, flushDiskType);
  }

  @TearDown(Level.Trial)
  public void close() {
    store.shutdown();
    StoreBenchSupport.deleteTree(root);
  }

  /** Per-thread messages, one queue per thread. */
  @State(Scope.Thread)
  public static class Producer {
    AppendRequest[] messages;
    List<List<AppendRequest>> batches;
    int next;
    final ArrayDeque<CompletableFuture<AppendResult>> inFlight = new ArrayDeque<>();

    @Setup(Level.Trial)
    public void prepare(StoreAppendBenchmark b) {
      int queueId = b.threadIds.getAndIncrement();
      messages = StoreBenchSupport.messages(1024, b.bodySize, queueId);
      batches = new java.util.ArrayList<>();
      for (int i = 0; i + BATCH <= messages.length; i += BATCH) {
        batches.add(Arrays.asList(messages).subList(i, i + BATCH));
      }
    }

    AppendRequest nextMessage() {
      AppendRequest r = messages[next];
      next = (next + 1) & (messages.length - 1);
      return r;
    }

    List<AppendRequest> nextBatch() {
      List<AppendRequest> r = batches.get(next % batches.size());
      next++;
      return r;
    }

    @TearDown(Level.Iteration)
    public void drain() {
      while (!inFlight.isEmpty()) {
        check(inFlight.poll().join());
      }
    }
  }

  private static AppendResult check(AppendResult r) {
    if (r.status() != AppendStatus.PUT_OK) {
      throw new IllegalStateException("append failed: " + r.status());
    }
    return r;
  }

  @Benchmark
  @Threads(1)
  public AppendResult append1Thread(Producer p) {
    return check(store.append(p.nextMessage()).join());
  }

  @Benchmark
  @Threads(8)
  public AppendResult append8Threads(Producer p) {
    return check(store.append(p.nextMessage()).join());
  }

  @Benchmark
  @Threads(1)
  @OperationsPerInvocation(BATCH)
  public AppendResult appendBatch64(Producer p) {
    return check(store.appendBatch(p.nextBatch()).join());
  }

  /** One producer keeping 64 appends in flight: what group commit does for a pipelining client. */
  @Benchmark
  @Threads(1)
  public void appendPipelined64(Producer p) {
    p.inFlight.add(store.append(p.nextMessage()));
    if (p.inFlight.size() >= 64) {
      check(p.inFlight.poll().join());
    }
  }
}
