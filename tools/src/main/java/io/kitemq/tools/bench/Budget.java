package io.kitemq.tools.bench;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How much a run may still send: a number of messages shared by all threads, or a deadline.
 * Thread-safe.
 */
final class Budget {

  private final AtomicLong remaining;
  private final long deadlineNanos;

  private Budget(Long count, long deadlineNanos) {
    this.remaining = count == null ? null : new AtomicLong(count);
    this.deadlineNanos = deadlineNanos;
  }

  /** {@code count} messages if given, else until {@code seconds} from now. */
  static Budget of(Long count, int seconds) {
    return new Budget(count, System.nanoTime() + seconds * 1_000_000_000L);
  }

  /** Claims up to {@code n} messages; 0 when the budget is spent. */
  int take(int n) {
    if (remaining == null) {
      return System.nanoTime() - deadlineNanos < 0 ? n : 0;
    }
    while (true) {
      long left = remaining.get();
      if (left <= 0) {
        return 0;
      }
      int granted = (int) Math.min(n, left);
      if (remaining.compareAndSet(left, left - granted)) {
        return granted;
      }
    }
  }
}
