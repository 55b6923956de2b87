package io.kitemq.console.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Messages in and out per second over the last 15 minutes: samples two running totals once a second
 * into a ring buffer of 900 slots and keeps the differences.
 *
 * <pre>
 *   slot: [t0 in out] [t1 in out] ... [t899 in out]   next -> overwritten oldest first
 * </pre>
 *
 * Thread-safe: one sampler thread writes, readers copy under the object's lock.
 */
public final class ThroughputSampler implements AutoCloseable {

  /** One second of traffic. */
  public record Sample(long epochSecond, long in, long out) {}

  static final int SLOTS = 900;

  private final LongSupplier totalIn;
  private final LongSupplier totalOut;
  private final Sample[] ring = new Sample[SLOTS];
  private int next;
  private int size;
  private long lastIn = -1;
  private long lastOut = -1;
  private ScheduledExecutorService timer;

  public ThroughputSampler(LongSupplier totalIn, LongSupplier totalOut) {
    this.totalIn = totalIn;
    this.totalOut = totalOut;
  }

  /** Starts sampling once a second on a daemon thread. */
  public synchronized void start() {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "kite-console-sampler");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleAtFixedRate(
        () -> sample(System.currentTimeMillis() / 1000), 0, 1, TimeUnit.SECONDS);
  }

  /** Takes one sample stamped {@code epochSecond} (the first one only sets the baseline). */
  synchronized void sample(long epochSecond) {
    long in = totalIn.getAsLong();
    long out = totalOut.getAsLong();
    if (lastIn >= 0) {
      ring[next] = new Sample(epochSecond, Math.max(0, in - lastIn), Math.max(0, out - lastOut));
      next = (next + 1) % SLOTS;
      size = Math.min(SLOTS, size + 1);
    }
    lastIn = in;
    lastOut = out;
  }

  /** The samples, oldest first. */
  public synchronized List<Sample> samples() {
    List<Sample> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(ring[(next - size + i + SLOTS) % SLOTS]);
    }
    return out;
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
