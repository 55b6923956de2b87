package io.kitemq.store.internal;

import io.kitemq.common.message.MessageSysFlag;
import io.kitemq.common.message.MessageVersion;
import io.kitemq.common.message.RecordDraft;
import io.kitemq.common.message.StoredMessageEncoder;
import io.kitemq.common.message.StoredMessageLayout;
import io.kitemq.store.AppendRequest;
import io.kitemq.store.AppendResult;
import io.kitemq.store.AppendStatus;
import io.kitemq.store.MessageSlice;
import io.kitemq.store.StoreException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commit log: every message of every topic, in arrival order, in segments of {@link
 * MappedFileQueue}. A record never straddles segments: when a record plus an 8-byte blank marker
 * does not fit in the rest of a segment, the blank marker (TOTALSIZE = bytes left, MAGICCODE =
 * 0xCBD43194) closes it and the record opens the next one.
 *
 * <p>Writing: appends go through one {@link ReentrantLock} (single writer at a time, on the
 * callers' threads; no writer thread). Under it, for each message: assign queue offset, physical
 * offset and store time, encode the prepared {@link RecordDraft} straight into the mapped segment,
 * publish the segment's wrote position, write the consume-queue entry and the index keys, and
 * finally publish {@link #dispatchedOffset()}. Everything costly (properties encoding, body CRC,
 * record sizing) happened before, when the draft was built; so a consumer sees a message in its
 * consume queue as soon as the append returns.
 *
 * <p>Reading is lock-free: {@link #read} holds the segment it slices.
 */
public final class CommitLog {

  private static final Logger LOG = LoggerFactory.getLogger(CommitLog.class);

  private final MappedFileQueue log;
  private final ConsumeQueueTable queues;
  private final IndexService index;
  private final Clock clock;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final QueueOffsetTable offsets = new QueueOffsetTable();
  private volatile long dispatchedOffset;
  private volatile long lastStoreTimestamp;
  private boolean writable = true;

  /**
   * @param index the index to feed, or null when indexing is disabled
   */
  public CommitLog(MappedFileQueue log, ConsumeQueueTable queues, IndexService index, Clock clock) {
    this.log = log;
    this.queues = queues;
    this.index = index;
    this.clock = clock;
  }

  public MappedFileQueue files() {
    return log;
  }

  public int segmentSize() {
    return log.fileSize();
  }

  /**
   * Appends {@code batch} (one message, or the inner messages of a batch: same topic and queue) as
   * consecutive records with consecutive queue offsets, under one lock acquisition.
   */
  public AppendResult append(List<AppendRequest> batch) {
    AppendRequest head = batch.get(0);
    String topic = head.topic();
    int queueId = head.queueId();
    int n = batch.size();
    long[] phys = new long[n];
    writeLock.lock();
    try {
      if (!writable) {
        return AppendResult.refused(AppendStatus.SERVICE_NOT_AVAILABLE);
      }
      long now = clock.millis();
      ConsumeQueue cq = null;
      long nextQueueOffset = offsets.next(topic, queueId);
      long firstQueueOffset = head.takesQueueOffset() ? nextQueueOffset : 0;
      int total = 0;
      MappedFile f = null;
      ByteBuffer buf = null;
      for (int i = 0; i < n; i++) {
        AppendRequest r = batch.get(i);
        RecordDraft d = r.draft();
        int size = d.encodedSize();
        if (f == null
            || f.wrotePosition() + size + StoredMessageLayout.BLANK_MARKER_SIZE > f.fileSize()) {
          f = segmentFor(size);
          buf = f.writeBuffer();
        }
        int pos = f.wrotePosition();
        long phy = f.fileFromOffset() + pos;
        boolean queued = r.takesQueueOffset();
        long queueOffset = queued ? nextQueueOffset++ : 0;
        buf.position(pos);
        StoredMessageEncoder.encode(buf, d, queueOffset, phy, now);
        f.setWrotePosition(pos + size);
        if (queued) {
          if (cq == null) {
            cq = queues.getOrCreate(topic, queueId);
          }
          cq.put(queueOffset, phy, size, r.tagsCode());
        }
        if (index != null) {
          index.index(topic, r.keys(), r.uniqKey(), phy, now);
        }
        phys[i] = phy;
        total += size;
      }
      f.touch(now);
      offsets.set(topic, queueId, nextQueueOffset);
      lastStoreTimestamp = now;
      dispatchedOffset = phys[n - 1] + batch.get(n - 1).draft().encodedSize();
      return storedResult(f, phys, total, firstQueueOffset, now);
    } catch (StoreException e) {
      LOG.error("Append to {}-{} failed: {}", topic, queueId, e.toString());
      resync(topic, queueId);
      return AppendResult.refused(AppendStatus.CREATE_MAPPED_FILE_FAILED);
    } catch (RuntimeException e) {
      LOG.error("Append to {}-{} failed", topic, queueId, e);
      resync(topic, queueId);
      return AppendResult.refused(AppendStatus.UNKNOWN_ERROR);
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * After a failed append: records written before the failure stay, so bring the counters in step
   * with what the consume queue and the log now hold. Caller holds the writer lock.
   */
  private void resync(String topic, int queueId) {
    ConsumeQueue cq = queues.find(topic, queueId);
    if (cq != null) {
      offsets.set(topic, queueId, cq.maxOffset());
    }
    dispatchedOffset = log.maxOffset();
  }

  /** The segment with room for {@code size} bytes plus a blank marker, closing the current one. */
  private MappedFile segmentFor(int size) {
    MappedFile f = log.lastFileForAppend(0);
    int pos = f.wrotePosition();
    if (pos + size + StoredMessageLayout.BLANK_MARKER_SIZE <= f.fileSize()) {
      return f;
    }
    ByteBuffer b = f.writeBuffer();
    StoredMessageEncoder.writeBlank(b, f.fileSize() - pos);
    f.setWrotePosition(f.fileSize());
    f.touch(clock.millis());
    return log.lastFileForAppend(0);
  }

  private static AppendResult storedResult(
      MappedFile last, long[] phys, int total, long queueOffset, long now) {
    // Every record of one append carries the same STOREHOST; read it back for the message id.
    int pos = (int) (phys[phys.length - 1] - last.fileFromOffset());
    ByteBuffer b = last.buffer();
    int sysFlag = b.getInt(pos + StoredMessageLayout.SYS_FLAG_POSITION);
    int hostPos = pos + StoredMessageLayout.storeHostPosition(sysFlag);
    byte[] ip = new byte[MessageSysFlag.storeHostLength(sysFlag) - 4];
    b.get(hostPos, ip);
    int port = b.getInt(hostPos + ip.length);
    return AppendResult.stored(phys, total, queueOffset, now, ip, port);
  }

  /** Refuses every later append (shutdown); waits for the append in progress. */
  public void closeForWrites() {
    underWriteLock(() -> writable = false);
  }

  /** Runs {@code action} under the writer lock (topic deletion, offset table reset). */
  public void underWriteLock(Runnable action) {
    writeLock.lock();
    try {
      action.run();
    } finally {
      writeLock.unlock();
    }
  }

  /** Sets the next queue offset of a queue. Caller holds the writer lock or runs before start. */
  void setNextQueueOffset(String topic, int queueId, long next) {
    offsets.set(topic, queueId, next);
  }

  /** Forgets the queue offsets of a topic. Caller holds the writer lock. */
  void forgetTopic(String topic) {
    offsets.remove(topic);
  }

  /** Restores queue offsets from the consume queues (after load or recovery). */
  public void restoreQueueOffsets() {
    for (ConsumeQueue cq : queues.all()) {
      offsets.set(cq.topic(), cq.queueId(), cq.maxOffset());
    }
  }

  /** Deletes a topic's consume queues and counters, under the writer lock. */
  public void deleteTopic(String topic) {
    underWriteLock(
        () -> {
          queues.delete(topic);
          offsets.remove(topic);
        });
  }

  /** Commit-log offset up to which every record has its consume-queue and index entries. */
  public long dispatchedOffset() {
    return dispatchedOffset;
  }

  void setDispatchedOffset(long offset) {
    dispatchedOffset = offset;
  }

  public long lastStoreTimestamp() {
    return lastStoreTimestamp;
  }

  public long minOffset() {
    return log.minOffset();
  }

  public long maxOffset() {
    return log.maxOffset();
  }

  /**
   * The {@code size} bytes at {@code offset} as a held slice, or null when they are not (or no
   * longer) stored.
   */
  public MessageSlice read(long offset, int size, long queueOffset) {
    MappedFile f = log.findByOffset(offset);
    if (f == null || !f.hold()) {
      return null;
    }
    int pos = (int) (offset - f.fileFromOffset());
    if (size <= 0 || pos + size > f.wrotePosition()) {
      f.release();
      return null;
    }
    return new MessageSlice(f.slice(pos, size), offset, queueOffset, f);
  }

  /** The record starting at {@code offset} (its size read from TOTALSIZE), or null. */
  public MessageSlice readRecord(long offset) {
    MappedFile f = log.findByOffset(offset);
    if (f == null || !f.hold()) {
      return null;
    }
    MessageSlice slice = null;
    try {
      int pos = (int) (offset - f.fileFromOffset());
      int wrote = f.wrotePosition();
      if (pos + StoredMessageLayout.MIN_RECORD_SIZE > wrote) {
        return null;
      }
      ByteBuffer b = f.buffer();
      int size = b.getInt(pos);
      if (MessageVersion.ofMagicCode(b.getInt(pos + 4)) == null
          || size < StoredMessageLayout.MIN_RECORD_SIZE
          || pos + size > wrote) {
        return null;
      }
      // The slice takes over the reference held above.
      slice = new MessageSlice(f.slice(pos, size), offset, -1, f);
      return slice;
    } finally {
      if (slice == null) {
        f.release();
      }
    }
  }

  /** Store timestamp of the record at {@code offset}, or -1 if it is not stored. */
  public long storeTimestampAt(long offset) {
    MappedFile f = log.findByOffset(offset);
    if (f == null || !f.hold()) {
      return -1;
    }
    try {
      int pos = (int) (offset - f.fileFromOffset());
      if (pos + StoredMessageLayout.MIN_RECORD_SIZE > f.wrotePosition()) {
        return -1;
      }
      ByteBuffer b = f.buffer();
      int sysFlag = b.getInt(pos + StoredMessageLayout.SYS_FLAG_POSITION);
      return b.getLong(pos + StoredMessageLayout.storeTimestampPosition(sysFlag));
    } finally {
      f.release();
    }
  }
}
