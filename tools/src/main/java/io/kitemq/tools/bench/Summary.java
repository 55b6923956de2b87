package io.kitemq.tools.bench;

import java.util.Locale;

/**
 * The end of a bench run: what was done and how fast. Latencies are in microseconds (send modes:
 * the call or, async, send to callback; e2e: send to receive; drain: none recorded). {@code
 * endEpochMillis} is the wall-clock time the run ended (ready: when the first send succeeded).
 * {@code clientCpuSeconds} and {@code brokerCpuSeconds} are the CPU time this process and the
 * broker ({@code --broker-pid}) spent over the measured span, null where not measured.
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
    long endEpochMillis,
    Double clientCpuSeconds,
    Double brokerCpuSeconds) {

  /** This summary with the CPU times measured over the same span. */
  Summary withCpu(CpuWatch.Cpu cpu) {
    return new Summary(
        mode,
        client,
        size,
        count,
        errors,
        seconds,
        msgPerSec,
        mbPerSec,
        p50Micros,
        p99Micros,
        p999Micros,
        maxMicros,
        endEpochMillis,
        cpu.clientSeconds(),
        cpu.brokerSeconds());
  }

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
            errors)
        + cpu("client", clientCpuSeconds)
        + cpu("broker", brokerCpuSeconds);
  }

  private String cpu(String who, Double cpuSeconds) {
    if (cpuSeconds == null) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        ", %s CPU %.2f s (%.2f us/msg)",
        who,
        cpuSeconds,
        count == 0 ? 0.0 : cpuSeconds * 1e6 / count);
  }

  static String millis(long micros) {
    return String.format(Locale.ROOT, "%.3f ms", micros / 1000.0);
  }
}
