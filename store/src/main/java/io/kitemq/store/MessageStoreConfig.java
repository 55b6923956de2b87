package io.kitemq.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The store's settings, immutable and validated once by {@link Builder#build()}. Keys and defaults
 * follow RocketMQ's broker.conf where the meaning is the same, so a broker can pass its whole
 * configuration to {@link #fromProperties(Properties)}: keys the store does not know are ignored,
 * while a known key with a bad value fails with that key named.
 *
 * <p>Thread-safe (immutable).
 */
public final class MessageStoreConfig {

  /** Bytes of one consume-queue entry; a consume-queue file size must be a multiple of it. */
  public static final int CQ_UNIT_SIZE = 20;

  private final Path storePathRootDir;
  private final Path storePathCommitLog;
  private final int mappedFileSizeCommitLog;
  private final int mappedFileSizeConsumeQueue;
  private final FlushDiskType flushDiskType;
  private final int flushIntervalCommitLog;
  private final int flushCommitLogLeastPages;
  private final int flushCommitLogThoroughInterval;
  private final int flushIntervalConsumeQueue;
  private final int flushConsumeQueueLeastPages;
  private final int flushConsumeQueueThoroughInterval;
  private final long syncFlushTimeout;
  private final int fileReservedTime;
  private final int[] deleteWhenHours;
  private final String deleteWhen;
  private final int cleanResourceInterval;
  private final int diskMaxUsedSpaceRatio;
  private final double diskSpaceWarningLevelRatio;
  private final double diskSpaceCleanForciblyRatio;
  private final int maxMessageSize;
  private final int maxHashSlotNum;
  private final int maxIndexNum;
  private final boolean messageIndexEnable;
  private final int maxTransferCountOnMessageInMemory;
  private final int maxTransferBytesOnMessageInMemory;
  private final int maxTransferCountOnMessageInDisk;
  private final int maxTransferBytesOnMessageInDisk;
  private final int accessMessageInMemoryMaxRatio;
  private final long residentCommitLogWindow;
  private final int residentTrimInterval;

  private MessageStoreConfig(Builder b) {
    storePathRootDir = b.storePathRootDir;
    storePathCommitLog =
        b.storePathCommitLog != null
            ? b.storePathCommitLog
            : b.storePathRootDir.resolve("commitlog");
    mappedFileSizeCommitLog = b.mappedFileSizeCommitLog;
    mappedFileSizeConsumeQueue = b.mappedFileSizeConsumeQueue;
    flushDiskType = b.flushDiskType;
    flushIntervalCommitLog = b.flushIntervalCommitLog;
    flushCommitLogLeastPages = b.flushCommitLogLeastPages;
    flushCommitLogThoroughInterval = b.flushCommitLogThoroughInterval;
    flushIntervalConsumeQueue = b.flushIntervalConsumeQueue;
    flushConsumeQueueLeastPages = b.flushConsumeQueueLeastPages;
    flushConsumeQueueThoroughInterval = b.flushConsumeQueueThoroughInterval;
    syncFlushTimeout = b.syncFlushTimeout;
    fileReservedTime = b.fileReservedTime;
    deleteWhen = b.deleteWhen;
    deleteWhenHours = parseDeleteWhen(b.deleteWhen);
    cleanResourceInterval = b.cleanResourceInterval;
    diskMaxUsedSpaceRatio = b.diskMaxUsedSpaceRatio;
    diskSpaceWarningLevelRatio = b.diskSpaceWarningLevelRatio;
    diskSpaceCleanForciblyRatio = b.diskSpaceCleanForciblyRatio;
    maxMessageSize = b.maxMessageSize;
    maxHashSlotNum = b.maxHashSlotNum;
    maxIndexNum = b.maxIndexNum;
    messageIndexEnable = b.messageIndexEnable;
    maxTransferCountOnMessageInMemory = b.maxTransferCountOnMessageInMemory;
    maxTransferBytesOnMessageInMemory = b.maxTransferBytesOnMessageInMemory;
    maxTransferCountOnMessageInDisk = b.maxTransferCountOnMessageInDisk;
    maxTransferBytesOnMessageInDisk = b.maxTransferBytesOnMessageInDisk;
    accessMessageInMemoryMaxRatio = b.accessMessageInMemoryMaxRatio;
    residentCommitLogWindow = b.residentCommitLogWindow;
    residentTrimInterval = b.residentTrimInterval;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads the store keys out of a whole broker configuration; other keys are left alone. Values are
   * trimmed; a value that does not parse or is out of range fails with its key named.
   */
  public static MessageStoreConfig fromProperties(Properties props) {
    Builder b = builder();
    PropertyReader r = new PropertyReader(props);
    r.path("storePathRootDir", b::storePathRootDir);
    r.path("storePathCommitLog", b::storePathCommitLog);
    r.integer("mappedFileSizeCommitLog", b::mappedFileSizeCommitLog);
    r.integer("mappedFileSizeConsumeQueue", b::mappedFileSizeConsumeQueue);
    r.string("flushDiskType", v -> b.flushDiskType(parseFlushDiskType(v)));
    r.integer("flushIntervalCommitLog", b::flushIntervalCommitLog);
    r.integer("flushCommitLogLeastPages", b::flushCommitLogLeastPages);
    r.integer("flushCommitLogThoroughInterval", b::flushCommitLogThoroughInterval);
    r.integer("flushIntervalConsumeQueue", b::flushIntervalConsumeQueue);
    r.integer("flushConsumeQueueLeastPages", b::flushConsumeQueueLeastPages);
    r.integer("flushConsumeQueueThoroughInterval", b::flushConsumeQueueThoroughInterval);
    r.longValue("syncFlushTimeout", b::syncFlushTimeout);
    r.integer("fileReservedTime", b::fileReservedTime);
    r.string("deleteWhen", b::deleteWhen);
    r.integer("cleanResourceInterval", b::cleanResourceInterval);
    r.integer("diskMaxUsedSpaceRatio", b::diskMaxUsedSpaceRatio);
    r.decimal("diskSpaceWarningLevelRatio", b::diskSpaceWarningLevelRatio);
    r.decimal("diskSpaceCleanForciblyRatio", b::diskSpaceCleanForciblyRatio);
    r.integer("maxMessageSize", b::maxMessageSize);
    r.integer("maxHashSlotNum", b::maxHashSlotNum);
    r.integer("maxIndexNum", b::maxIndexNum);
    r.bool("messageIndexEnable", b::messageIndexEnable);
    r.integer("maxTransferCountOnMessageInMemory", b::maxTransferCountOnMessageInMemory);
    r.integer("maxTransferBytesOnMessageInMemory", b::maxTransferBytesOnMessageInMemory);
    r.integer("maxTransferCountOnMessageInDisk", b::maxTransferCountOnMessageInDisk);
    r.integer("maxTransferBytesOnMessageInDisk", b::maxTransferBytesOnMessageInDisk);
    r.integer("accessMessageInMemoryMaxRatio", b::accessMessageInMemoryMaxRatio);
    r.longValue("residentCommitLogWindow", b::residentCommitLogWindow);
    r.integer("residentTrimInterval", b::residentTrimInterval);
    return b.build();
  }

  private static FlushDiskType parseFlushDiskType(String v) {
    try {
      return FlushDiskType.valueOf(v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new StoreConfigException(
          "flushDiskType", "expected ASYNC_FLUSH or SYNC_FLUSH, got " + v);
    }
  }

  private static int[] parseDeleteWhen(String value) {
    TreeSet<Integer> hours = new TreeSet<>();
    for (String part : value.split(";")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      int h;
      try {
        h = Integer.parseInt(p);
      } catch (NumberFormatException e) {
        throw new StoreConfigException("deleteWhen", "not an hour list like 04 or 04;10: " + value);
      }
      if (h < 0 || h > 23) {
        throw new StoreConfigException("deleteWhen", "hour out of 0..23: " + p);
      }
      hours.add(h);
    }
    if (hours.isEmpty()) {
      throw new StoreConfigException("deleteWhen", "no hour given");
    }
    return hours.stream().mapToInt(Integer::intValue).toArray();
  }

  public Path storePathRootDir() {
    return storePathRootDir;
  }

  public Path storePathCommitLog() {
    return storePathCommitLog;
  }

  public Path storePathConsumeQueue() {
    return storePathRootDir.resolve("consumequeue");
  }

  public Path storePathIndex() {
    return storePathRootDir.resolve("index");
  }

  public Path checkpointPath() {
    return storePathRootDir.resolve("checkpoint");
  }

  public Path abortPath() {
    return storePathRootDir.resolve("abort");
  }

  public Path lockPath() {
    return storePathRootDir.resolve("lock");
  }

  public int mappedFileSizeCommitLog() {
    return mappedFileSizeCommitLog;
  }

  public int mappedFileSizeConsumeQueue() {
    return mappedFileSizeConsumeQueue;
  }

  public FlushDiskType flushDiskType() {
    return flushDiskType;
  }

  public int flushIntervalCommitLog() {
    return flushIntervalCommitLog;
  }

  public int flushCommitLogLeastPages() {
    return flushCommitLogLeastPages;
  }

  public int flushCommitLogThoroughInterval() {
    return flushCommitLogThoroughInterval;
  }

  public int flushIntervalConsumeQueue() {
    return flushIntervalConsumeQueue;
  }

  public int flushConsumeQueueLeastPages() {
    return flushConsumeQueueLeastPages;
  }

  public int flushConsumeQueueThoroughInterval() {
    return flushConsumeQueueThoroughInterval;
  }

  public long syncFlushTimeout() {
    return syncFlushTimeout;
  }

  /** Hours a commit-log segment is kept after its last write. */
  public int fileReservedTime() {
    return fileReservedTime;
  }

  public String deleteWhen() {
    return deleteWhen;
  }

  /** Whether {@code hourOfDay} is one of the {@code deleteWhen} hours. */
  public boolean isDeleteHour(int hourOfDay) {
    for (int h : deleteWhenHours) {
      if (h == hourOfDay) {
        return true;
      }
    }
    return false;
  }

  public int cleanResourceInterval() {
    return cleanResourceInterval;
  }

  /** Percent (1..95) of disk usage above which expired files are deleted at any hour. */
  public int diskMaxUsedSpaceRatio() {
    return diskMaxUsedSpaceRatio;
  }

  public double diskSpaceWarningLevelRatio() {
    return diskSpaceWarningLevelRatio;
  }

  public double diskSpaceCleanForciblyRatio() {
    return diskSpaceCleanForciblyRatio;
  }

  public int maxMessageSize() {
    return maxMessageSize;
  }

  public int maxHashSlotNum() {
    return maxHashSlotNum;
  }

  public int maxIndexNum() {
    return maxIndexNum;
  }

  public boolean messageIndexEnable() {
    return messageIndexEnable;
  }

  public int maxTransferCountOnMessageInMemory() {
    return maxTransferCountOnMessageInMemory;
  }

  public int maxTransferBytesOnMessageInMemory() {
    return maxTransferBytesOnMessageInMemory;
  }

  public int maxTransferCountOnMessageInDisk() {
    return maxTransferCountOnMessageInDisk;
  }

  public int maxTransferBytesOnMessageInDisk() {
    return maxTransferBytesOnMessageInDisk;
  }

  public int accessMessageInMemoryMaxRatio() {
    return accessMessageInMemoryMaxRatio;
  }

  /**
   * Bytes behind the newest message whose commit-log pages stay in the broker's resident set;
   * flushed pages further back are handed to the page cache every {@link #residentTrimInterval()}
   * ms (Linux). -1 keeps every mapped page resident.
   */
  public long residentCommitLogWindow() {
    return residentCommitLogWindow;
  }

  /** Milliseconds between two rounds of {@link #residentCommitLogWindow()} trimming. */
  public int residentTrimInterval() {
    return residentTrimInterval;
  }

  /** Mutable, single-threaded collector of settings; {@link #build()} validates them all. */
  public static final class Builder {
    private Path storePathRootDir = Path.of(System.getProperty("user.home"), "store");
    private Path storePathCommitLog;
    private int mappedFileSizeCommitLog = 1024 * 1024 * 1024;
    private int mappedFileSizeConsumeQueue = 300_000 * CQ_UNIT_SIZE;
    private FlushDiskType flushDiskType = FlushDiskType.ASYNC_FLUSH;
    private int flushIntervalCommitLog = 500;
    private int flushCommitLogLeastPages = 4;
    private int flushCommitLogThoroughInterval = 10_000;
    private int flushIntervalConsumeQueue = 1000;
    private int flushConsumeQueueLeastPages = 2;
    private int flushConsumeQueueThoroughInterval = 60_000;
    private long syncFlushTimeout = 5000;
    private int fileReservedTime = 72;
    private String deleteWhen = "04";
    private int cleanResourceInterval = 10_000;
    private int diskMaxUsedSpaceRatio = 75;
    private double diskSpaceWarningLevelRatio = 0.90;
    private double diskSpaceCleanForciblyRatio = 0.85;
    private int maxMessageSize = 4 * 1024 * 1024;
    private int maxHashSlotNum = 5_000_000;
    private int maxIndexNum = 20_000_000;
    private boolean messageIndexEnable = true;
    private int maxTransferCountOnMessageInMemory = 32;
    private int maxTransferBytesOnMessageInMemory = 256 * 1024;
    private int maxTransferCountOnMessageInDisk = 8;
    private int maxTransferBytesOnMessageInDisk = 64 * 1024;
    private int accessMessageInMemoryMaxRatio = 40;
    private long residentCommitLogWindow = 128L * 1024 * 1024;
    private int residentTrimInterval = 2000;

    private Builder() {}

    public Builder storePathRootDir(Path v) {
      storePathRootDir = v;
      return this;
    }

    public Builder storePathCommitLog(Path v) {
      storePathCommitLog = v;
      return this;
    }

    public Builder mappedFileSizeCommitLog(int v) {
      mappedFileSizeCommitLog = v;
      return this;
    }

    public Builder mappedFileSizeConsumeQueue(int v) {
      mappedFileSizeConsumeQueue = v;
      return this;
    }

    public Builder flushDiskType(FlushDiskType v) {
      flushDiskType = v;
      return this;
    }

    public Builder flushIntervalCommitLog(int v) {
      flushIntervalCommitLog = v;
      return this;
    }

    public Builder flushCommitLogLeastPages(int v) {
      flushCommitLogLeastPages = v;
      return this;
    }

    public Builder flushCommitLogThoroughInterval(int v) {
      flushCommitLogThoroughInterval = v;
      return this;
    }

    public Builder flushIntervalConsumeQueue(int v) {
      flushIntervalConsumeQueue = v;
      return this;
    }

    public Builder flushConsumeQueueLeastPages(int v) {
      flushConsumeQueueLeastPages = v;
      return this;
    }

    public Builder flushConsumeQueueThoroughInterval(int v) {
      flushConsumeQueueThoroughInterval = v;
      return this;
    }

    public Builder syncFlushTimeout(long v) {
      syncFlushTimeout = v;
      return this;
    }

    public Builder fileReservedTime(int v) {
      fileReservedTime = v;
      return this;
    }

    public Builder deleteWhen(String v) {
      deleteWhen = v;
      return this;
    }

    public Builder cleanResourceInterval(int v) {
      cleanResourceInterval = v;
      return this;
    }

    public Builder diskMaxUsedSpaceRatio(int v) {
      diskMaxUsedSpaceRatio = v;
      return this;
    }

    public Builder diskSpaceWarningLevelRatio(double v) {
      diskSpaceWarningLevelRatio = v;
      return this;
    }

    public Builder diskSpaceCleanForciblyRatio(double v) {
      diskSpaceCleanForciblyRatio = v;
      return this;
    }

    public Builder maxMessageSize(int v) {
      maxMessageSize = v;
      return this;
    }

    public Builder maxHashSlotNum(int v) {
      maxHashSlotNum = v;
      return this;
    }

    public Builder maxIndexNum(int v) {
      maxIndexNum = v;
      return this;
    }

    public Builder messageIndexEnable(boolean v) {
      messageIndexEnable = v;
      return this;
    }

    public Builder maxTransferCountOnMessageInMemory(int v) {
      maxTransferCountOnMessageInMemory = v;
      return this;
    }

    public Builder maxTransferBytesOnMessageInMemory(int v) {
      maxTransferBytesOnMessageInMemory = v;
      return this;
    }

    public Builder maxTransferCountOnMessageInDisk(int v) {
      maxTransferCountOnMessageInDisk = v;
      return this;
    }

    public Builder maxTransferBytesOnMessageInDisk(int v) {
      maxTransferBytesOnMessageInDisk = v;
      return this;
    }

    public Builder accessMessageInMemoryMaxRatio(int v) {
      accessMessageInMemoryMaxRatio = v;
      return this;
    }

    public Builder residentCommitLogWindow(long v) {
      residentCommitLogWindow = v;
      return this;
    }

    public Builder residentTrimInterval(int v) {
      residentTrimInterval = v;
      return this;
    }

    /** Validates every setting, naming the first bad key. */
    public MessageStoreConfig build() {
      if (storePathRootDir == null) {
        throw new StoreConfigException("storePathRootDir", "required");
      }
      atLeast("mappedFileSizeCommitLog", mappedFileSizeCommitLog, 4096);
      atLeast("mappedFileSizeConsumeQueue", mappedFileSizeConsumeQueue, CQ_UNIT_SIZE);
      if (mappedFileSizeConsumeQueue % CQ_UNIT_SIZE != 0) {
        throw new StoreConfigException(
            "mappedFileSizeConsumeQueue", "must be a multiple of " + CQ_UNIT_SIZE);
      }
      if (flushDiskType == null) {
        throw new StoreConfigException("flushDiskType", "required");
      }
      atLeast("flushIntervalCommitLog", flushIntervalCommitLog, 1);
      atLeast("flushCommitLogLeastPages", flushCommitLogLeastPages, 0);
      atLeast("flushCommitLogThoroughInterval", flushCommitLogThoroughInterval, 1);
      atLeast("flushIntervalConsumeQueue", flushIntervalConsumeQueue, 1);
      atLeast("flushConsumeQueueLeastPages", flushConsumeQueueLeastPages, 0);
      atLeast("flushConsumeQueueThoroughInterval", flushConsumeQueueThoroughInterval, 1);
      if (syncFlushTimeout < 1) {
        throw new StoreConfigException("syncFlushTimeout", "must be >= 1 ms");
      }
      atLeast("fileReservedTime", fileReservedTime, 0);
      if (deleteWhen == null) {
        throw new StoreConfigException("deleteWhen", "required");
      }
      parseDeleteWhen(deleteWhen);
      atLeast("cleanResourceInterval", cleanResourceInterval, 1);
      if (diskMaxUsedSpaceRatio < 1 || diskMaxUsedSpaceRatio > 95) {
        throw new StoreConfigException("diskMaxUsedSpaceRatio", "must be a percent in 1..95");
      }
      ratio("diskSpaceWarningLevelRatio", diskSpaceWarningLevelRatio);
      ratio("diskSpaceCleanForciblyRatio", diskSpaceCleanForciblyRatio);
      if (diskSpaceCleanForciblyRatio > diskSpaceWarningLevelRatio) {
        throw new StoreConfigException(
            "diskSpaceCleanForciblyRatio", "must not exceed diskSpaceWarningLevelRatio");
      }
      atLeast("maxMessageSize", maxMessageSize, 1);
      if (maxMessageSize > mappedFileSizeCommitLog / 2) {
        throw new StoreConfigException(
            "maxMessageSize", "must fit twice in a segment (mappedFileSizeCommitLog)");
      }
      atLeast("maxHashSlotNum", maxHashSlotNum, 1);
      atLeast("maxIndexNum", maxIndexNum, 2);
      atLeast("maxTransferCountOnMessageInMemory", maxTransferCountOnMessageInMemory, 1);
      atLeast("maxTransferBytesOnMessageInMemory", maxTransferBytesOnMessageInMemory, 1);
      atLeast("maxTransferCountOnMessageInDisk", maxTransferCountOnMessageInDisk, 1);
      atLeast("maxTransferBytesOnMessageInDisk", maxTransferBytesOnMessageInDisk, 1);
      if (accessMessageInMemoryMaxRatio < 0 || accessMessageInMemoryMaxRatio > 100) {
        throw new StoreConfigException("accessMessageInMemoryMaxRatio", "must be in 0..100");
      }
      atLeast("residentCommitLogWindow", residentCommitLogWindow, -1);
      atLeast("residentTrimInterval", residentTrimInterval, 100);
      return new MessageStoreConfig(this);
    }

    private static void atLeast(String key, long value, long min) {
      if (value < min) {
        throw new StoreConfigException(key, "must be >= " + min + ", got " + value);
      }
    }

    private static void ratio(String key, double value) {
      if (!(value > 0.0 && value < 1.0)) {
        throw new StoreConfigException(key, "must be a ratio in (0, 1), got " + value);
      }
    }
  }
}
