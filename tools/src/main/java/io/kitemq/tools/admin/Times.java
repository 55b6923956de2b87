package io.kitemq.tools.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Timestamps for the readable output: local time to the millisecond, "-" for none. */
final class Times {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

  private Times() {}

  static String format(long epochMillis) {
    return epochMillis <= 0 ? "-" : FORMAT.format(Instant.ofEpochMilli(epochMillis));
  }
}
