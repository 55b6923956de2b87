package io.kitemq.remoting.netty;

import java.time.Duration;

/** Validation helpers for the config builders; messages name the key. */
final class ConfigChecks {

  private ConfigChecks() {}

  static void range(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          key + " must be in [" + min + ", " + max + "], got " + value);
    }
  }

  static void positive(String key, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(key + " must be a positive duration, got " + value);
    }
  }
}
