package io.kitemq.client.internal;

import io.kitemq.common.message.MessageExt;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The messages pulled from one queue and not yet consumed, by queue offset, with the counters flow
 * control reads. Also the orderly-consumption state: the broker lock's expiry and a lock held while
 * one thread consumes the queue. Thread-safe (guarded by this object).
 */
public final class ProcessQueue {

  /** A broker lock not renewed for this long is treated as lost. */
  static final long LOCK_EXPIRY_MILLIS = 30_000;

  private final TreeMap<Long, MessageExt> messages = new TreeMap<>();
  private final TreeMap<Long, MessageExt> consuming = new TreeMap<>();
  private final ReentrantLock consumeLock = new ReentrantLock();
  private long cachedBytes;
  private long maxOffsetSeen = -1;
  private volatile boolean dropped;
  private volatile boolean locked;
  private volatile long lastLockMillis;

  public synchronized void add(List<MessageExt> batch) {
    for (MessageExt m : batch) {
      if (messages.put(m.getQueueOffset(), m) == null) {
        cachedBytes += bodyLength(m);
      }
      maxOffsetSeen = Math.max(maxOffsetSeen, m.getQueueOffset());
    }
  }

  private static long bodyLength(MessageExt m) {
    return m.getBody() == null ? 0 : m.getBody().length;
  }

  /**
   * Removes consumed messages.
   *
   * @return the offset up to which everything is consumed (the smallest still cached, or one past
   *     the largest seen), or -1 if nothing was ever cached
   */
  public synchronized long remove(List<MessageExt> done) {
    for (MessageExt m : done) {
      if (messages.remove(m.getQueueOffset()) != null) {
        cachedBytes -= bodyLength(m);
      }
    }
    if (maxOffsetSeen < 0) {
      return -1;
    }
    return messages.isEmpty() ? maxOffsetSeen + 1 : messages.firstKey();
  }

  public synchronized int cachedCount() {
    return messages.size() + consuming.size();
  }

  public synchronized long cachedBytes() {
    return cachedBytes;
  }

  /** The lowest cached (or in-consumption) queue offset, or 0 when none. */
  public synchronized long minCachedOffset() {
    long a = messages.isEmpty() ? Long.MAX_VALUE : messages.firstKey();
    long b = consuming.isEmpty() ? Long.MAX_VALUE : consuming.firstKey();
    long min = Math.min(a, b);
    return min == Long.MAX_VALUE ? 0 : min;
  }

  /** The highest cached (or in-consumption) queue offset, or 0 when none. */
  public synchronized long maxCachedOffset() {
    long a = messages.isEmpty() ? -1 : messages.lastKey();
    long b = consuming.isEmpty() ? -1 : consuming.lastKey();
    return Math.max(0, Math.max(a, b));
  }

  /** Orderly: takes up to {@code max} of the lowest offsets out for consumption. */
  public synchronized List<MessageExt> takeInOrder(int max) {
    List<MessageExt> out = new ArrayList<>();
    while (out.size() < max && !messages.isEmpty()) {
      var e = messages.pollFirstEntry();
      consuming.put(e.getKey(), e.getValue());
      out.add(e.getValue());
    }
    return out;
  }

  /** Orderly: the taken messages are consumed; returns the next offset to commit. */
  public synchronized long commitTaken() {
    long next = consuming.isEmpty() ? -1 : consuming.lastKey() + 1;
    for (MessageExt m : consuming.values()) {
      cachedBytes -= bodyLength(m);
    }
    consuming.clear();
    return next;
  }

  /** Orderly: puts the taken messages back to be consumed again. */
  public synchronized void rollbackTaken() {
    messages.putAll(consuming);
    consuming.clear();
  }

  public ReentrantLock consumeLock() {
    return consumeLock;
  }

  public boolean isDropped() {
    return dropped;
  }

  public void drop() {
    dropped = true;
  }

  public boolean isLocked() {
    return locked;
  }

  /** Records the outcome of a LOCK_BATCH_MQ for this queue at {@code nowMillis}. */
  public void setLocked(boolean locked, long nowMillis) {
    this.locked = locked;
    if (locked) {
      lastLockMillis = nowMillis;
    }
  }

  public boolean isLockExpired(long nowMillis) {
    return nowMillis - lastLockMillis > LOCK_EXPIRY_MILLIS;
  }
}
