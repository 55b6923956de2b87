package io.kitemq.broker.pop;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The pop state of one (group, topic, queue): the first offset never handed out and the leases of
 * the messages handed out and not acked (see the package comment). Thread-safe: every method
 * synchronizes on this object, and a pop holds the same monitor across its store read so that two
 * pops of one queue never hand out one offset twice.
 */
final class QueueLeases {

  /** Leased messages one queue may have at once. */
  static final int MAX_LEASES = 2048;

  /** What an ack or a change of invisible time found. */
  enum Outcome {
    OK,
    /** No lease of that offset: acked before, or never popped. */
    NOT_LEASED,
    /** The lease was renewed or handed out again since this handle was made. */
    STALE_HANDLE
  }

  private long nextOffset;
  private final TreeMap<Long, PopLease> leases = new TreeMap<>();

  QueueLeases(long nextOffset) {
    this.nextOffset = nextOffset;
  }

  synchronized long nextOffset() {
    return nextOffset;
  }

  synchronized int leasedCount() {
    return leases.size();
  }

  /** The offset below which every message is acked: what the group's consumer offset becomes. */
  synchronized long committableOffset() {
    return leases.isEmpty() ? nextOffset : leases.firstKey();
  }

  /** The earliest lease deadline, or {@link Long#MAX_VALUE} when nothing is leased. */
  synchronized long earliestDeadline() {
    long min = Long.MAX_VALUE;
    for (PopLease l : leases.values()) {
      min = Math.min(min, l.deadline());
    }
    return min;
  }

  /** Up to {@code max} leases whose deadline is at or before {@code now}, lowest offset first. */
  synchronized List<PopLease> expired(long now, int max) {
    List<PopLease> due = new ArrayList<>();
    for (PopLease l : leases.values()) {
      if (due.size() >= max) {
        break;
      }
      if (l.deadline() <= now) {
        due.add(l);
      }
    }
    return due;
  }

  /** Leases a newly handed-out message. */
  synchronized void lease(long offset, long popTime, long invisibleTime) {
    leases.put(offset, new PopLease(offset, popTime, popTime + invisibleTime, 0));
  }

  /** Moves the never-handed-out mark (after a read, past the messages read or skipped). */
  synchronized void advanceTo(long offset) {
    nextOffset = Math.max(nextOffset, offset);
  }

  /** Forgets leases below {@code minOffset}: their messages are no longer stored. */
  synchronized void dropBelow(long minOffset) {
    leases.headMap(minOffset).clear();
    nextOffset = Math.max(nextOffset, minOffset);
  }

  /** Ends the lease of {@code offset} made at {@code popTime}. */
  synchronized Outcome ack(long offset, long popTime) {
    Outcome o = check(offset, popTime);
    if (o == Outcome.OK) {
      leases.remove(offset);
    }
    return o;
  }

  /** Removes a lease whatever its handle (after its message went to the dead-letter queue). */
  synchronized void remove(long offset) {
    leases.remove(offset);
  }

  /** The result of a change of invisible time: the outcome and, when OK, the new pop time. */
  record Renewal(Outcome outcome, long popTime) {}

  /** Makes the message of {@code offset} invisible for {@code invisibleTime} from {@code now}. */
  synchronized Renewal changeInvisibleTime(
      long offset, long popTime, long now, long invisibleTime) {
    Outcome o = check(offset, popTime);
    if (o != Outcome.OK) {
      return new Renewal(o, -1);
    }
    PopLease l = leases.get(offset);
    l.renew(now, invisibleTime);
    return new Renewal(Outcome.OK, l.popTime());
  }

  private Outcome check(long offset, long popTime) {
    PopLease l = leases.get(offset);
    if (l == null) {
      return Outcome.NOT_LEASED;
    }
    return l.popTime() == popTime ? Outcome.OK : Outcome.STALE_HANDLE;
  }
}
