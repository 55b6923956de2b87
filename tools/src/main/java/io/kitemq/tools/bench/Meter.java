package io.kitemq.tools.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Counts messages, bytes and errors of a run and records latencies in microseconds.
 *
 * <p>Thread-safe: any thread records; one reporting thread calls {@link #interval()} (once a
 * second) and {@link #summary} at the end. Each interval's histogram is also added to the whole
 * run's histogram.
 */
final class Meter {

  /** Latencies above one minute are clamped to it. */
  private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(1);

  private final int messageSize;
  private final Recorder recorder = new Recorder(MAX_MICROS, 3);
  private final Histogram total = new Histogram(MAX_MICROS, 3);
  private final LongAdder messages = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private Histogram intervalHistogram;
  private long lastMessages;
  private long lastErrors;

  Meter(int messageSize) {
    this.messageSize = messageSize;
  }

  /** {@code count} messages done, the call having taken {@code nanos}. */
  void success(int count, long nanos) {
    messages.add(count);
    recorder.recordValue(Math.min(MAX_MICROS, Math.max(0, nanos / 1000)));
  }

  /** {@code count} messages done with no latency to record. */
  void successUntimed(int count) {
    messages.add(count);
  }

  void error() {
    errors.increment();
  }

  int messageSize() {
    return messageSize;
  }

  long messages() {
    return messages.sum();
  }

  long errors() {
    return errors.sum();
  }

  /** The figures since the previous call; also folds them into the run's histogram. */
  Interval interval() {
    intervalHistogram = recorder.getIntervalHistogram(intervalHistogram);
    total.add(intervalHistogram);
    long m = messages.sum();
    long e = errors.sum();
    Interval i =
        new Interval(
            m - lastMessages,
            e - lastErrors,
            intervalHistogram.getValueAtPercentile(50),
            intervalHistogram.getValueAtPercentile(99));
    lastMessages = m;
    lastErrors = e;
    return i;
  }

  /** The whole run, {@code elapsedNanos} long; call after the last {@link #interval()}. */
  Summary summary(String mode, String client, long elapsedNanos) {
    interval();
    long m = messages.sum();
    double seconds = Math.max(1e-9, elapsedNanos / 1e9);
    double rate = m / seconds;
    return new Summary(
        mode,
        client,
        messageSize,
        m,
        errors.sum(),
        seconds,
        rate,
        rate * messageSize / (1024.0 * 1024.0),
        total.getTotalCount() == 0 ? 0 : total.getValueAtPercentile(50),
        total.getTotalCount() == 0 ? 0 : total.getValueAtPercentile(99),
        total.getTotalCount() == 0 ? 0 : total.getValueAtPercentile(99.9),
        total.getMaxValue(),
        System.currentTimeMillis(),
        null,
        null);
  }

  /** One second's figures: messages, errors, latency percentiles in microseconds. */
  record Interval(long messages, long errors, long p50Micros, long p99Micros) {}
}
