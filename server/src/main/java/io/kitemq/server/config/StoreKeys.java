package io.kitemq.server.config;

import java.util.Set;

/**
 * The broker.conf keys the store reads ({@code MessageStoreConfig.fromProperties}). The store
 * ignores keys it does not know, so the launcher keeps this list to tell a store key from a typo; a
 * test checks that the store rejects a bad value for each of them, i.e. really reads it.
 */
public final class StoreKeys {

  /** Every key {@code MessageStoreConfig.fromProperties} reads. */
  public static final Set<String> KEYS =
      Set.of(
          "storePathRootDir",
          "storePathCommitLog",
          "mappedFileSizeCommitLog",
          "mappedFileSizeConsumeQueue",
          "flushDiskType",
          "flushIntervalCommitLog",
          "flushCommitLogLeastPages",
          "flushCommitLogThoroughInterval",
          "flushIntervalConsumeQueue",
          "flushConsumeQueueLeastPages",
          "flushConsumeQueueThoroughInterval",
          "syncFlushTimeout",
          "fileReservedTime",
          "deleteWhen",
          "cleanResourceInterval",
          "diskMaxUsedSpaceRatio",
          "diskSpaceWarningLevelRatio",
          "diskSpaceCleanForciblyRatio",
          "maxMessageSize",
          "maxHashSlotNum",
          "maxIndexNum",
          "messageIndexEnable",
          "maxTransferCountOnMessageInMemory",
          "maxTransferBytesOnMessageInMemory",
          "maxTransferCountOnMessageInDisk",
          "maxTransferBytesOnMessageInDisk",
          "accessMessageInMemoryMaxRatio",
          "residentCommitLogWindow",
          "residentTrimInterval");

  /** The keys of {@link #KEYS} that are KiteMQ's own: Apache RocketMQ's broker has no such key. */
  public static final Set<String> KITE_ONLY =
      Set.of("residentCommitLogWindow", "residentTrimInterval");

  private StoreKeys() {}
}
