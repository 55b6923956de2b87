package io.kitemq.broker.schedule;

import io.kitemq.broker.BrokerConfigException;
import java.util.ArrayList;
import java.util.List;

/**
 * The delay of each level, parsed from RocketMQ's {@code messageDelayLevel} syntax: levels 1..n
 * separated by spaces, each a number with unit s, m, h or d ({@code "1s 5s 10s 30s 1m ... 2h"}).
 * Immutable.
 */
public final class DelayLevels {

  /** RocketMQ's default 18 levels. */
  public static final String DEFAULT = "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h";

  private final long[] millis;

  private DelayLevels(long[] millis) {
    this.millis = millis;
  }

  /**
   * @throws BrokerConfigException (key messageDelayLevel) on a malformed level
   */
  public static DelayLevels parse(String spec) {
    List<Long> out = new ArrayList<>();
    for (String part : spec.trim().split("\\s+")) {
      if (part.length() < 2) {
        throw new BrokerConfigException("messageDelayLevel", "bad level '" + part + "'");
      }
      char unit = part.charAt(part.length() - 1);
      long factor =
          switch (unit) {
            case 's' -> 1000L;
            case 'm' -> 60_000L;
            case 'h' -> 3_600_000L;
            case 'd' -> 86_400_000L;
            default ->
                throw new BrokerConfigException(
                    "messageDelayLevel", "unknown unit in '" + part + "' (use s, m, h or d)");
          };
      try {
        long n = Long.parseLong(part.substring(0, part.length() - 1));
        if (n <= 0) {
          throw new BrokerConfigException("messageDelayLevel", "level must be > 0: " + part);
        }
        out.add(n * factor);
      } catch (NumberFormatException e) {
        throw new BrokerConfigException("messageDelayLevel", "bad number in '" + part + "'", e);
      }
    }
    long[] m = new long[out.size()];
    for (int i = 0; i < m.length; i++) {
      m[i] = out.get(i);
    }
    return new DelayLevels(m);
  }

  /** Number of levels (18 by default). */
  public int maxLevel() {
    return millis.length;
  }

  /** The delay of {@code level} (1-based), clamped to the last level. */
  public long delayMillis(int level) {
    int l = Math.max(1, Math.min(level, millis.length));
    return millis[l - 1];
  }
}
