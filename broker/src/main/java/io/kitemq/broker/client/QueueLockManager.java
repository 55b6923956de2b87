package io.kitemq.broker.client;

import io.kitemq.common.message.MessageQueue;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Queue locks of orderly consumers (LOCK_BATCH_MQ / UNLOCK_BATCH_MQ): within a group a queue is
 * locked by at most one client id; a lock not renewed for {@code maxLiveMillis} (injected clock)
 * expires and may be taken by another client. Thread-safe: each group's table is guarded by itself.
 */
public final class QueueLockManager {

  private record Lock(String clientId, long lastUpdate) {}

  private final Map<String, Map<MessageQueue, Lock>> groups = new ConcurrentHashMap<>();
  private final LongSupplier clock;
  private final long maxLiveMillis;

  public QueueLockManager(LongSupplier clock, long maxLiveMillis) {
    this.clock = clock;
    this.maxLiveMillis = maxLiveMillis;
  }

  /**
   * Locks (or renews) each queue for {@code clientId} unless another client holds a live lock.
   *
   * @return the queues now locked by {@code clientId}
   */
  public Set<MessageQueue> tryLock(String group, Set<MessageQueue> queues, String clientId) {
    Map<MessageQueue, Lock> table = groups.computeIfAbsent(group, g -> new ConcurrentHashMap<>());
    long now = clock.getAsLong();
    Set<MessageQueue> locked = new HashSet<>();
    synchronized (table) {
      for (MessageQueue mq : queues) {
        Lock current = table.get(mq);
        if (current == null
            || current.clientId().equals(clientId)
            || now - current.lastUpdate() > maxLiveMillis) {
          table.put(mq, new Lock(clientId, now));
          locked.add(mq);
        }
      }
    }
    return locked;
  }

  /** Releases the queues held by {@code clientId}; locks of other clients stay. */
  public void unlock(String group, Set<MessageQueue> queues, String clientId) {
    Map<MessageQueue, Lock> table = groups.get(group);
    if (table == null) {
      return;
    }
    synchronized (table) {
      for (MessageQueue mq : queues) {
        Lock current = table.get(mq);
        if (current != null && current.clientId().equals(clientId)) {
          table.remove(mq);
        }
      }
    }
  }

  /** Whether {@code clientId} holds a live lock on the queue. */
  public boolean isLockedBy(String group, MessageQueue mq, String clientId) {
    Map<MessageQueue, Lock> table = groups.get(group);
    if (table == null) {
      return false;
    }
    synchronized (table) {
      Lock current = table.get(mq);
      return current != null
          && current.clientId().equals(clientId)
          && clock.getAsLong() - current.lastUpdate() <= maxLiveMillis;
    }
  }
}
