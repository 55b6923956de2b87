package io.kitemq.tools.bench;

/**
 * A bench run's validated settings; the constructor names the first bad option. Immutable.
 *
 * @param count messages to send (drain: receive), or {@code null} to run for {@code
 *     durationSeconds}
 * @param rate messages per second over all threads, 0 for no limit
 */
record BenchSettings(
    BenchMode mode,
    String namesrv,
    String topic,
    int queues,
    int size,
    int threads,
    int durationSeconds,
    Long count,
    int rate,
    int batch,
    int inFlight,
    int warmupSeconds,
    String client,
    Long brokerPid) {

  /** e2e bodies carry the send time and the run's id: 16 bytes. */
  static final int E2E_HEADER = 16;

  BenchSettings {
    require(queues >= 1 && queues <= 1024, "--queues must be in [1, 1024], got " + queues);
    require(size >= 1 && size <= 4 * 1024 * 1024, "--size must be in [1, 4194304], got " + size);
    require(threads >= 1 && threads <= 1024, "--threads must be in [1, 1024], got " + threads);
    require(durationSeconds >= 1, "--duration must be at least 1 second, got " + durationSeconds);
    require(count == null || count >= 1, "--count must be at least 1, got " + count);
    require(rate >= 0, "--rate must be 0 (no limit) or more, got " + rate);
    require(batch >= 1 && batch <= 10_000, "--batch must be in [1, 10000], got " + batch);
    require(inFlight >= 1, "--in-flight must be at least 1, got " + inFlight);
    require(warmupSeconds >= 0, "--warmup must be 0 or more, got " + warmupSeconds);
    require(
        mode != BenchMode.E2E || size >= E2E_HEADER,
        "--size must be at least " + E2E_HEADER + " in e2e mode (send time and run id)");
    require(!topic.isBlank(), "--topic must not be blank");
  }

  /** The rate e2e sends at: {@code --rate}, or 1000 msg/s when none is given. */
  int e2eRate() {
    return rate == 0 ? 1000 : rate;
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
