package io.kitemq.tools.bench;

import java.util.Locale;

/**
 * The end of a bench run: what was done and how fast. Latencies are in microseconds (send modes:
 * the call or, async, send to callback; e2e: send to receive; drain: none recorded). {@code
 * endEpochMillis} is the wall-clock time the run ended (ready: when the first send succeeded).
 */
public record Summary(
    String mode,
    String client,
    int size,
    long count,
    long errors,
    double seconds,
    double msgPerSec,
    double mbPerSec,
    long p50Micros,
    long p99Micros,
    long p999Micros,
    long maxMicros,
    long endEpochMillis) {

  /** One human-readable line. */
  String describe() {
    return String.format(
        Locale.ROOT,
        "summary: %s %s %d B: %d msgs in %.2f s, %.0f msg/s, %.2f MB/s, latency p50 %s p99 %s"
            + " p99.9 %s max %s, errors %d",
        mode,
        client,
        size,
        count,
        seconds,
        msgPerSec,
        mbPerSec,
        millis(p50Micros),
        millis(p99Micros),
        millis(p999Micros),
        millis(maxMicros),
        errors);
  }

  static String millis(long micros) {
    return String.format(Locale.ROOT, "%.3f ms", micros / 1000.0);
  }
}
