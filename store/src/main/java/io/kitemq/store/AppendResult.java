package io.kitemq.store;

import io.kitemq.common.message.OffsetMessageId;

/**
 * Outcome of an append: the status and, when stored, where: the commit-log offset and queue offset
 * of the (first) message, bytes written, message count and store time. For a batch the messages sit
 * at consecutive queue offsets and at the commit-log offsets of {@link #physicalOffsets()}. Offset
 * message ids are computed on demand. Immutable.
 */
public final class AppendResult {

  private final AppendStatus status;
  private final long wroteOffset;
  private final int wroteBytes;
  private final long queueOffset;
  private final long[] physicalOffsets;
  private final long storeTimestamp;
  private final byte[] storeIp;
  private final int storePort;

  private AppendResult(
      AppendStatus status,
      long wroteOffset,
      int wroteBytes,
      long queueOffset,
      long[] physicalOffsets,
      long storeTimestamp,
      byte[] storeIp,
      int storePort) {
    this.status = status;
    this.wroteOffset = wroteOffset;
    this.wroteBytes = wroteBytes;
    this.queueOffset = queueOffset;
    this.physicalOffsets = physicalOffsets;
    this.storeTimestamp = storeTimestamp;
    this.storeIp = storeIp;
    this.storePort = storePort;
  }

  /**
   * A stored message or batch. {@code physicalOffsets} and {@code storeIp} (4 or 16 bytes, as in
   * the record's STOREHOST) are held, not copied.
   */
  public static AppendResult stored(
      long[] physicalOffsets,
      int wroteBytes,
      long queueOffset,
      long storeTimestamp,
      byte[] storeIp,
      int storePort) {
    return new AppendResult(
        AppendStatus.PUT_OK,
        physicalOffsets[0],
        wroteBytes,
        queueOffset,
        physicalOffsets,
        storeTimestamp,
        storeIp,
        storePort);
  }

  /** A refused append: nothing was written. */
  public static AppendResult refused(AppendStatus status) {
    return new AppendResult(status, -1, 0, -1, new long[0], 0, null, 0);
  }

  /** The same placement with another status (a flush timeout). */
  public AppendResult withStatus(AppendStatus newStatus) {
    return new AppendResult(
        newStatus,
        wroteOffset,
        wroteBytes,
        queueOffset,
        physicalOffsets,
        storeTimestamp,
        storeIp,
        storePort);
  }

  public AppendStatus status() {
    return status;
  }

  /** Whether the message is in the store (PUT_OK or FLUSH_DISK_TIMEOUT). */
  public boolean isStored() {
    return status == AppendStatus.PUT_OK || status == AppendStatus.FLUSH_DISK_TIMEOUT;
  }

  /** Commit-log offset of the first message, -1 if refused. */
  public long wroteOffset() {
    return wroteOffset;
  }

  public int wroteBytes() {
    return wroteBytes;
  }

  /** Queue offset of the first message (0 for prepared/rollback records), -1 if refused. */
  public long queueOffset() {
    return queueOffset;
  }

  public int messageCount() {
    return physicalOffsets.length;
  }

  /** Commit-log offset of each message, in order (a copy). */
  public long[] physicalOffsets() {
    return physicalOffsets.clone();
  }

  /** Commit-log offset just past the last message written. */
  public long endOffset() {
    return wroteOffset + wroteBytes;
  }

  public long storeTimestamp() {
    return storeTimestamp;
  }

  /**
   * The offset message id (store host + commit-log offset), comma-joined for a batch as the send
   * response carries it; null if refused.
   */
  public String offsetMsgId() {
    if (physicalOffsets.length == 0) {
      return null;
    }
    if (physicalOffsets.length == 1) {
      return OffsetMessageId.encode(storeIp, storePort, wroteOffset);
    }
    return OffsetMessageId.encodeAll(storeIp, storePort, physicalOffsets);
  }

  @Override
  public String toString() {
    return status + "@" + wroteOffset + " q=" + queueOffset + " n=" + physicalOffsets.length;
  }
}
