package io.kitemq.tools.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Spaces sends evenly to a total rate over all threads: each call books the next free slot and
 * waits for it. A rate of 0 never waits. Thread-safe.
 */
final class Pacer {

  private final double nanosPerMessage;
  private final AtomicLong nextSlot;

  Pacer(int ratePerSecond) {
    this.nanosPerMessage = ratePerSecond == 0 ? 0 : 1e9 / ratePerSecond;
    this.nextSlot = new AtomicLong(System.nanoTime());
  }

  /** Waits until {@code messages} more may be sent. */
  void acquire(int messages) throws InterruptedException {
    if (nanosPerMessage == 0) {
      return;
    }
    long slot = nextSlot.getAndAdd((long) (nanosPerMessage * messages));
    long wait;
    while ((wait = slot - System.nanoTime()) > 0) {
      LockSupport.parkNanos(wait);
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted while pacing");
      }
    }
  }
}
