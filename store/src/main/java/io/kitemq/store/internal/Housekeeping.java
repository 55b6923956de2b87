package io.kitemq.store.internal;

import io.kitemq.store.DiskUsageProbe;
import io.kitemq.store.MessageStoreConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's one scheduled thread: flushes consume queues and the index (and the checkpoint),
 * expires overdue sync-flush waits, watches disk usage, deletes old files and takes cold mapped
 * pages out of the resident set ({@link ResidentSetTrimmer}).
 *
 * <p>Retention: at a {@code deleteWhen} hour, or at any hour once disk usage passes {@code
 * diskMaxUsedSpaceRatio}, commit-log segments whose last write is older than {@code
 * fileReservedTime} hours are deleted, oldest first; above {@code diskSpaceCleanForciblyRatio} the
 * oldest are deleted whatever their age. The segment being written is never deleted. Then
 * consume-queue and index files that only point below the new commit-log minimum go too. Above
 * {@code diskSpaceWarningLevelRatio} the disk counts as full and appends are refused.
 *
 * <p>Time comes from the injected clock and usage from the injected probe, so tests step both.
 */
public final class Housekeeping {

  private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);
  private static final int DELETE_BATCH_MAX = 10;

  private final MessageStoreConfig config;
  private final CommitLog commitLog;
  private final ConsumeQueueTable queues;
  private final IndexService index;
  private final StoreCheckpoint checkpoint;
  private final CommitLogFlusher flusher;
  private final Clock clock;
  private final DiskUsageProbe probe;
  private final ResidentSetTrimmer trimmer;
  private volatile boolean diskFull;
  private volatile double lastUsage;
  private ScheduledExecutorService executor;
  private long lastThoroughCqFlush = System.currentTimeMillis();

  public Housekeeping(
      MessageStoreConfig config,
      CommitLog commitLog,
      ConsumeQueueTable queues,
      IndexService index,
      StoreCheckpoint checkpoint,
      CommitLogFlusher flusher,
      Clock clock,
      DiskUsageProbe probe) {
    this.config = config;
    this.commitLog = commitLog;
    this.queues = queues;
    this.index = index;
    this.checkpoint = checkpoint;
    this.flusher = flusher;
    this.clock = clock;
    this.probe = probe;
    this.trimmer =
        config.residentCommitLogWindow() < 0
            ? null
            : new ResidentSetTrimmer(
                commitLog.files(), queues, index, config.residentCommitLogWindow());
  }

  public void start() {
    checkDisk();
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "kite-store-housekeeping");
              t.setDaemon(true);
              return t;
            });
    int cq = config.flushIntervalConsumeQueue();
    executor.scheduleWithFixedDelay(guard(this::flushLogics), cq, cq, TimeUnit.MILLISECONDS);
    int clean = config.cleanResourceInterval();
    executor.scheduleWithFixedDelay(guard(this::clean), clean, clean, TimeUnit.MILLISECONDS);
    long sweep = Math.max(1, Math.min(100, config.syncFlushTimeout() / 4));
    executor.scheduleWithFixedDelay(
        guard(flusher::expireOverdue), sweep, sweep, TimeUnit.MILLISECONDS);
    if (trimmer != null) {
      int trim = config.residentTrimInterval();
      executor.scheduleWithFixedDelay(guard(this::trimResident), trim, trim, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * One round of taking cold mapped pages out of the resident set.
   *
   * @return the ranges given back; 0 when trimming is off or unavailable
   */
  public int trimResident() {
    return trimmer == null ? 0 : trimmer.trim();
  }

  private static Runnable guard(Runnable r) {
    return () -> {
      try {
        r.run();
      } catch (RuntimeException e) {
        LOG.error("Housekeeping task failed", e);
      }
    };
  }

  /** Whether appends must be refused for lack of disk space. */
  public boolean isDiskFull() {
    return diskFull;
  }

  public double lastUsage() {
    return lastUsage;
  }

  /**
   * Flushes consume queues and the index, then records in the checkpoint the commit-log offset they
   * are known complete up to.
   */
  public void flushLogics() {
    long dispatched = commitLog.dispatchedOffset();
    long ts = commitLog.lastStoreTimestamp();
    long now = System.currentTimeMillis();
    boolean thorough = now - lastThoroughCqFlush >= config.flushConsumeQueueThoroughInterval();
    int least = thorough ? 0 : config.flushConsumeQueueLeastPages();
    for (ConsumeQueue cq : queues.all()) {
      cq.flush(least);
    }
    if (thorough) {
      lastThoroughCqFlush = now;
      checkpoint.logicsFlushed(dispatched, ts);
    }
    if (index != null) {
      index.flush();
      checkpoint.indexFlushed(dispatched, ts);
    }
    checkpoint.flush();
  }

  /** Forces every consume queue and the index and records it (shutdown, after recovery). */
  public void flushLogicsFully() {
    lastThoroughCqFlush = 0;
    flushLogics();
  }

  /** Samples disk usage; updates the disk-full flag. Returns the used ratio. */
  public double checkDisk() {
    double usage = probe.usedRatio(config.storePathCommitLog());
    lastUsage = usage;
    boolean full = usage > config.diskSpaceWarningLevelRatio();
    if (full != diskFull) {
      if (full) {
        LOG.error(
            "Disk usage {} is above {}: appends refused",
            usage,
            config.diskSpaceWarningLevelRatio());
      } else {
        LOG.info("Disk usage {} is back below the warning level: appends accepted", usage);
      }
    }
    diskFull = full;
    return usage;
  }

  /** One retention pass. Returns how many commit-log segments were deleted. */
  public synchronized int clean() {
    double usage = checkDisk();
    int hour =
        ZonedDateTime.ofInstant(Instant.ofEpochMilli(clock.millis()), clock.getZone()).getHour();
    boolean timeUp = config.isDeleteHour(hour);
    boolean spaceFull = usage > config.diskMaxUsedSpaceRatio() / 100.0;
    boolean forcibly = usage > config.diskSpaceCleanForciblyRatio();
    int deleted = 0;
    if (timeUp || spaceFull || forcibly) {
      long now = clock.millis();
      long keepMillis = config.fileReservedTime() * 3_600_000L;
      deleted =
          commitLog
              .files()
              .deleteHead(
                  f -> forcibly || now - f.lastWriteTimestamp() >= keepMillis, DELETE_BATCH_MAX);
      if (deleted > 0) {
        LOG.info("Retention deleted {} commit-log segment(s), disk usage {}", deleted, usage);
      }
    }
    long min = commitLog.minOffset();
    for (ConsumeQueue cq : queues.all()) {
      cq.deleteExpired(min);
    }
    if (index != null) {
      index.deleteExpired(min);
    }
    return deleted;
  }

  public void shutdown() {
    if (executor == null) {
      return;
    }
    executor.shutdown();
    try {
      if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("Housekeeping did not stop within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
