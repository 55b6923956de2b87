package io.kitemq.tools.bench;

import java.time.Duration;

/**
 * CPU time spent by this process (the client) and, when its pid is given, by the broker, over one
 * measurement: where a machine's cores go tells whether the broker or the client bounds a rate.
 * Read through {@link ProcessHandle} (on Linux, {@code /proc/<pid>/stat}: 10 ms ticks, so spans of
 * seconds are needed).
 */
final class CpuWatch {

  /** CPU seconds over the span; null where unknown. */
  record Cpu(Double clientSeconds, Double brokerSeconds) {}

  private final Long brokerPid;
  private final long client0;
  private final long broker0;

  private CpuWatch(Long brokerPid) {
    this.brokerPid = brokerPid;
    this.client0 = cpuNanos(ProcessHandle.current().pid());
    this.broker0 = brokerPid == null ? -1 : cpuNanos(brokerPid);
  }

  /** Starts measuring now; {@code brokerPid} may be null. */
  static CpuWatch start(Long brokerPid) {
    return new CpuWatch(brokerPid);
  }

  /** The CPU time since {@link #start}. */
  Cpu stop() {
    return new Cpu(seconds(client0, cpuNanos(ProcessHandle.current().pid())), brokerSeconds());
  }

  private Double brokerSeconds() {
    return brokerPid == null ? null : seconds(broker0, cpuNanos(brokerPid));
  }

  private static Double seconds(long from, long to) {
    return from < 0 || to < 0 ? null : (to - from) / 1e9;
  }

  /** The process's total CPU time in nanoseconds, or -1 if it is gone or not readable. */
  static long cpuNanos(long pid) {
    return ProcessHandle.of(pid)
        .flatMap(h -> h.info().totalCpuDuration())
        .map(Duration::toNanos)
        .orElse(-1L);
  }
}
