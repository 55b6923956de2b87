package io.kitemq.client.internal;

import io.kitemq.remoting.protocol.body.ConsumerRunningInfo;
import java.util.concurrent.atomic.LongAdder;

/**
 * Pull and consume counters of one topic of a push consumer, and the rates the official client's
 * ConsumerStatsManager reports for it in GET_CONSUMER_RUNNING_INFO:
 *
 * <pre>
 * pullRT            mean ms of a pull answered FOUND        over the last minute
 * pullTPS           messages pulled (after tag filter) / s  over the last minute
 * consumeRT         mean ms of a listener call              over the last minute (hour if none)
 * consumeOKTPS      messages consumed OK / s                over the last minute
 * consumeFailedTPS  messages to reconsume / s               over the last minute
 * consumeFailedMsgs messages to reconsume                   over the last hour
 * </pre>
 *
 * The official client computes each window from samples taken every 10 s (minute: the last 7) and
 * every 10 min (hour: the last 7), so a count shows only after the next sample. Here the same
 * samples are taken (by {@link ConsumeStats}) but a window runs from its oldest kept sample to the
 * live counters at the time of the question: the minute covers 60 to 70 s (less while the consumer
 * is younger), the hour 60 to 70 min.
 *
 * <p>Thread-safety: counting is wait-free and allocates nothing (LongAdder, any thread); sampling
 * and reading take this object's lock.
 */
final class TopicStats {

  static final int RING = 7;

  private static final int PULL_RT = 0;
  private static final int PULLS = 1;
  private static final int PULLED = 2;
  private static final int CONSUME_RT = 3;
  private static final int CONSUMES = 4;
  private static final int OK = 5;
  private static final int FAILED = 6;
  private static final int WIDTH = 7;

  private final LongAdder[] counters = new LongAdder[WIDTH];
  private final SampleRing minute = new SampleRing();
  private final SampleRing hour = new SampleRing();

  /**
   * @param createdAt the first sample's time (all counters 0), so a young consumer's rates run from
   *     its start
   */
  TopicStats(long createdAt) {
    for (int i = 0; i < WIDTH; i++) {
      counters[i] = new LongAdder();
    }
    minute.add(createdAt, counters);
    hour.add(createdAt, counters);
  }

  /** A pull answered FOUND after {@code rtMillis}, holding {@code messages} wanted messages. */
  void pulled(long rtMillis, int messages) {
    counters[PULL_RT].add(rtMillis);
    counters[PULLS].increment();
    counters[PULLED].add(messages);
  }

  /** One listener call that took {@code rtMillis}. */
  void consumed(long rtMillis) {
    counters[CONSUME_RT].add(rtMillis);
    counters[CONSUMES].increment();
  }

  /** Outcome of a listener call: messages consumed and messages to be consumed again. */
  void outcome(int ok, int failed) {
    counters[OK].add(ok);
    counters[FAILED].add(failed);
  }

  /** Records the counters into the minute ring and, when {@code hourToo}, the hour ring. */
  synchronized void sample(long now, boolean hourToo) {
    minute.add(now, counters);
    if (hourToo) {
      hour.add(now, counters);
    }
  }

  synchronized ConsumerRunningInfo.ConsumeStatus status(long now) {
    long[] live = new long[WIDTH];
    for (int i = 0; i < WIDTH; i++) {
      live[i] = counters[i].sum();
    }
    double consumeRT = minute.mean(live, CONSUME_RT, CONSUMES);
    if (minute.delta(live, CONSUME_RT) == 0) {
      consumeRT = hour.mean(live, CONSUME_RT, CONSUMES);
    }
    return new ConsumerRunningInfo.ConsumeStatus(
        minute.mean(live, PULL_RT, PULLS),
        minute.perSecond(live, PULLED, now),
        consumeRT,
        minute.perSecond(live, OK, now),
        minute.perSecond(live, FAILED, now),
        hour.delta(live, FAILED));
  }

  /** The last {@value #RING} samples of every counter; guarded by the owner's lock. */
  private static final class SampleRing {
    private final long[] at = new long[RING];
    private final long[] values = new long[RING * WIDTH];
    private int next;
    private int size;

    void add(long now, LongAdder[] counters) {
      at[next] = now;
      for (int i = 0; i < WIDTH; i++) {
        values[next * WIDTH + i] = counters[i].sum();
      }
      next = (next + 1) % RING;
      size = Math.min(size + 1, RING);
    }

    private int oldest() {
      return size < RING ? 0 : next;
    }

    long delta(long[] live, int counter) {
      return live[counter] - values[oldest() * WIDTH + counter];
    }

    double mean(long[] live, int sum, int count) {
      long n = delta(live, count);
      return n > 0 ? (double) delta(live, sum) / n : 0;
    }

    double perSecond(long[] live, int counter, long now) {
      long span = now - at[oldest()];
      return span > 0 ? delta(live, counter) * 1000.0 / span : 0;
    }
  }
}
