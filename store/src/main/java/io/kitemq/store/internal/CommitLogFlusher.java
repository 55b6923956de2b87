package io.kitemq.store.internal;

import io.kitemq.store.AppendResult;
import io.kitemq.store.AppendStatus;
import io.kitemq.store.FlushDiskType;
import io.kitemq.store.MessageStoreConfig;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one flush thread of the commit log.
 *
 * <p>ASYNC_FLUSH: every {@code flushIntervalCommitLog} ms, force the dirty pages if at least {@code
 * flushCommitLogLeastPages} of them accumulated (all of them every {@code
 * flushCommitLogThoroughInterval} ms).
 *
 * <p>SYNC_FLUSH (group commit): appenders {@link #await} a future instead of blocking. The thread
 * wakes when requests are pending, forces everything written so far with one fsync, and completes
 * every request that fsync covered; requests arriving meanwhile form the next group. A request not
 * covered within {@code syncFlushTimeout} is completed with FLUSH_DISK_TIMEOUT by {@link
 * #expireOverdue()} (called from the housekeeping thread, so it fires even while an fsync hangs).
 * Appends that do not wait ({@code WAIT=false}) only {@link #wakeUp} the thread, which forces
 * whatever is written whenever it wakes, waiters or not.
 *
 * <p>Also prepares the next segment ahead of need. Thread-safe: {@link #await} from any thread.
 */
public final class CommitLogFlusher implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(CommitLogFlusher.class);
  private static final long SYNC_IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private final CommitLog commitLog;
  private final MessageStoreConfig config;
  private final StoreCheckpoint checkpoint;
  private final ConcurrentLinkedQueue<Request> pending = new ConcurrentLinkedQueue<>();
  private volatile boolean running;
  private volatile boolean stopped;
  private volatile Thread thread;
  private long lastThoroughFlush;

  public CommitLogFlusher(
      CommitLog commitLog, MessageStoreConfig config, StoreCheckpoint checkpoint) {
    this.commitLog = commitLog;
    this.config = config;
    this.checkpoint = checkpoint;
  }

  public void start() {
    running = true;
    Thread t = new Thread(this, "kite-store-flush");
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  /**
   * A future completed when an fsync covers {@code result} (SYNC_FLUSH), or at once (ASYNC_FLUSH).
   */
  public CompletableFuture<AppendResult> await(AppendResult result) {
    if (config.flushDiskType() == FlushDiskType.ASYNC_FLUSH) {
      return CompletableFuture.completedFuture(result);
    }
    CompletableFuture<AppendResult> f = new CompletableFuture<>();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.syncFlushTimeout());
    pending.add(new Request(result, f, deadline));
    Thread t = thread;
    if (t != null) {
      LockSupport.unpark(t);
    }
    if (stopped) {
      // Raced with shutdown, whose last flush ran after the final write: the data is forced.
      pending.remove(new Request(result, f, deadline));
      f.complete(result);
    }
    return f;
  }

  /** Makes the thread run a round now (SYNC_FLUSH: force what is written without a waiter). */
  public void wakeUp() {
    Thread t = thread;
    if (t != null) {
      LockSupport.unpark(t);
    }
  }

  @Override
  public void run() {
    lastThoroughFlush = System.currentTimeMillis();
    while (running) {
      try {
        if (config.flushDiskType() == FlushDiskType.SYNC_FLUSH) {
          syncRound();
        } else {
          asyncRound();
        }
        commitLog.files().preallocateNext();
      } catch (RuntimeException e) {
        LOG.error("Commit-log flush failed; retrying", e);
        LockSupport.parkNanos(SYNC_IDLE_PARK_NANOS);
      }
    }
    long flushed = commitLog.files().flush(0);
    checkpoint.physicFlushed(flushed, commitLog.lastStoreTimestamp());
    completeCovered(flushed);
  }

  private void syncRound() {
    if (pending.isEmpty()) {
      LockSupport.parkNanos(this, SYNC_IDLE_PARK_NANOS);
      if (pending.isEmpty() && commitLog.files().flushedOffset() >= commitLog.maxOffset()) {
        return;
      }
    }
    long ts = commitLog.lastStoreTimestamp();
    long flushed = commitLog.files().flush(0);
    checkpoint.physicFlushed(flushed, ts);
    completeCovered(flushed);
  }

  private void asyncRound() {
    LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(config.flushIntervalCommitLog()));
    long now = System.currentTimeMillis();
    int least = config.flushCommitLogLeastPages();
    if (now - lastThoroughFlush >= config.flushCommitLogThoroughInterval()) {
      lastThoroughFlush = now;
      least = 0;
    }
    long ts = commitLog.lastStoreTimestamp();
    long flushed = commitLog.files().flush(least);
    checkpoint.physicFlushed(flushed, ts);
  }

  private void completeCovered(long flushed) {
    for (Iterator<Request> it = pending.iterator(); it.hasNext(); ) {
      Request r = it.next();
      if (r.result.endOffset() <= flushed) {
        it.remove();
        r.future.complete(r.result);
      }
    }
  }

  /** Completes overdue requests with FLUSH_DISK_TIMEOUT. Called periodically by housekeeping. */
  public void expireOverdue() {
    long now = System.nanoTime();
    for (Iterator<Request> it = pending.iterator(); it.hasNext(); ) {
      Request r = it.next();
      if (now - r.deadlineNanos >= 0) {
        it.remove();
        if (r.future.complete(r.result.withStatus(AppendStatus.FLUSH_DISK_TIMEOUT))) {
          LOG.warn(
              "Flush did not cover offset {} within {} ms",
              r.result.wroteOffset(),
              config.syncFlushTimeout());
        }
      }
    }
  }

  /** Stops the thread after a last full flush that completes every pending request. */
  public void shutdown() {
    running = false;
    Thread t = thread;
    if (t == null) {
      return;
    }
    LockSupport.unpark(t);
    try {
      t.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread = null;
    stopped = true;
    completeCovered(commitLog.files().flush(0));
  }

  private record Request(
      AppendResult result, CompletableFuture<AppendResult> future, long deadlineNanos) {}
}
