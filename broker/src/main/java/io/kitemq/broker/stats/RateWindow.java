package io.kitemq.broker.stats;

/**
 * The last {@code capacity} samples of one ever-growing counter, taken about once a second, from
 * which the rate over a recent window is computed. A ring of two parallel {@code long} arrays
 * (sample time, counter value); nothing is allocated after construction.
 *
 * <p>Thread-safe: one thread samples, any thread reads; both synchronise on the window (a few times
 * a second at most).
 */
final class RateWindow {

  private final long[] times;
  private final long[] values;
  private int next;
  private int size;

  /**
   * @param capacity how many samples are kept; a window of {@code n} seconds needs {@code n + 1}
   */
  RateWindow(int capacity) {
    if (capacity < 2) {
      throw new IllegalArgumentException("capacity must be at least 2, was " + capacity);
    }
    this.times = new long[capacity];
    this.values = new long[capacity];
  }

  /** Records that the counter read {@code value} at {@code millis}. */
  synchronized void sample(long millis, long value) {
    times[next] = millis;
    values[next] = value;
    next = (next + 1) % times.length;
    size = Math.min(size + 1, times.length);
  }

  /**
   * Events per second between the newest sample and the one {@code seconds} samples before it, or
   * the oldest kept when fewer were taken (so a young broker reports its rate since start); 0 with
   * fewer than two samples.
   */
  synchronized double perSecond(int seconds) {
    if (size < 2) {
      return 0;
    }
    int newest = index(size - 1);
    int back = Math.min(seconds, size - 1);
    int oldest = index(size - 1 - back);
    long millis = times[newest] - times[oldest];
    if (millis <= 0) {
      return 0;
    }
    return (values[newest] - values[oldest]) * 1000.0 / millis;
  }

  /**
   * How much the counter grew between the newest sample and the one {@code samples} samples before
   * it (or the oldest kept); 0 with fewer than two samples.
   */
  synchronized long increase(int samples) {
    if (size < 2) {
      return 0;
    }
    int back = Math.min(samples, size - 1);
    return values[index(size - 1)] - values[index(size - 1 - back)];
  }

  /** The ring index of the {@code i}-th kept sample, oldest first. */
  private int index(int i) {
    int first = size < times.length ? 0 : next;
    return (first + i) % times.length;
  }
}
