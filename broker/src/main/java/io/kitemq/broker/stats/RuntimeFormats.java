package io.kitemq.broker.stats;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The value formats of Apache RocketMQ's GET_BROKER_RUNTIME_INFO that tools parse: binary byte
 * sizes ("1.5 GiB"), the uptime ("[ 0 days, 1 hours, 2 minutes, 3 seconds ]") and the store disk's
 * used ratio and capacity. Stateless; thread-safe.
 */
public final class RuntimeFormats {

  private static final String UNITS = "KMGTPE";

  private RuntimeFormats() {}

  /** {@code bytes} in binary units with one decimal ("512 B", "1.5 KiB", "2.0 GiB"). */
  public static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    int exp = (63 - Long.numberOfLeadingZeros(bytes)) / 10;
    return String.format(
        Locale.ROOT, "%.1f %ciB", bytes / Math.pow(1024, exp), UNITS.charAt(exp - 1));
  }

  /** {@code millis} as "[ d days, h hours, m minutes, s seconds ]". */
  public static String uptime(long millis) {
    long s = Math.max(0, millis) / 1000;
    return "[ "
        + s / 86_400
        + " days, "
        + s % 86_400 / 3600
        + " hours, "
        + s % 3600 / 60
        + " minutes, "
        + s % 60
        + " seconds ]";
  }

  /**
   * Adds {@code commitLogDiskRatio} (the used share of the file system holding {@code dir}, counted
   * against what this process may use, rounded up to a whole percent, as Apache does) and {@code
   * commitLogDirCapacity} ("Total : 100.0 GiB, Free : 40.0 GiB."); nothing when the file system
   * cannot be read.
   */
  public static void disk(Path dir, Map<String, String> info) {
    long total;
    long free;
    long usable;
    try {
      FileStore fs = Files.getFileStore(dir);
      total = fs.getTotalSpace();
      free = fs.getUnallocatedSpace();
      usable = fs.getUsableSpace();
    } catch (IOException e) {
      return;
    }
    if (total <= 0) {
      return;
    }
    long used = total - free;
    long entire = used + usable;
    long percent = entire <= 0 ? 0 : (used * 100 + entire - 1) / entire;
    info.put("commitLogDiskRatio", Double.toString(percent / 100.0));
    info.put("commitLogDirCapacity", "Total : " + bytes(total) + ", Free : " + bytes(free) + ".");
  }
}
