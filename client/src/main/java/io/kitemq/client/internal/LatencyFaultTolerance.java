package io.kitemq.client.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Remembers brokers that failed or answered slowly and keeps them out of queue selection for a
 * while: a latency at or above a step of {@link #LATENCY_STEPS} bans the broker for the matching
 * entry of {@link #BAN_MILLIS}; a failure bans it for {@link #FAILURE_BAN_MILLIS}. Times come from
 * an injected clock (milliseconds). Thread-safe.
 */
public final class LatencyFaultTolerance {

  static final long[] LATENCY_STEPS = {50, 100, 550, 1000, 2000, 3000, 15000};
  static final long[] BAN_MILLIS = {0, 0, 30_000, 60_000, 120_000, 180_000, 600_000};
  static final long FAILURE_BAN_MILLIS = 30_000;

  private final LongSupplier clock;
  private final Map<String, Long> bannedUntil = new ConcurrentHashMap<>();

  public LatencyFaultTolerance(LongSupplier clock) {
    this.clock = clock;
  }

  /** Records a completed call to {@code brokerName} that took {@code latencyMillis}. */
  public void recordLatency(String brokerName, long latencyMillis) {
    long ban = 0;
    for (int i = LATENCY_STEPS.length - 1; i >= 0; i--) {
      if (latencyMillis >= LATENCY_STEPS[i]) {
        ban = BAN_MILLIS[i];
        break;
      }
    }
    if (ban == 0) {
      bannedUntil.remove(brokerName);
    } else {
      bannedUntil.put(brokerName, clock.getAsLong() + ban);
    }
  }

  /** Records a failed call (connection error, timeout, retryable error code). */
  public void recordFailure(String brokerName) {
    bannedUntil.put(brokerName, clock.getAsLong() + FAILURE_BAN_MILLIS);
  }

  /** Whether {@code brokerName} may be chosen now. */
  public boolean isAvailable(String brokerName) {
    Long until = bannedUntil.get(brokerName);
    return until == null || clock.getAsLong() >= until;
  }
}
