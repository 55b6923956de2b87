package io.kitemq.common.message;

import io.kitemq.common.util.Hex;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.Calendar;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates client unique message ids ({@code UNIQ_KEY}) in RocketMQ's layout, upper-case hex:
 *
 * <pre>
 * | ip (4, or 16 without a usable IPv4) | pid low 16 bits (2) | class-loader hash (4) |
 * | millis since the 1st of this month 00:00 local time (4) | counter (2) |
 * </pre>
 *
 * 32 chars for IPv4, 56 for IPv6. The first three parts are fixed per generator; the counter wraps
 * at 16 bits. Thread-safe and lock-free except once a month when the month start moves.
 */
public final class UniqueIdGenerator {

  private static final UniqueIdGenerator DEFAULT =
      new UniqueIdGenerator(
          localIp(),
          (int) ProcessHandle.current().pid(),
          UniqueIdGenerator.class.getClassLoader().hashCode());

  private final char[] prefix;
  private final AtomicInteger counter = new AtomicInteger();
  private volatile MonthWindow window;

  /** The month an id's time part counts from: [start, next) in epoch millis. */
  private record MonthWindow(long start, long next) {
    static MonthWindow containing(long millis) {
      Calendar cal = Calendar.getInstance();
      cal.setTimeInMillis(millis);
      cal.set(Calendar.DAY_OF_MONTH, 1);
      cal.set(Calendar.HOUR_OF_DAY, 0);
      cal.set(Calendar.MINUTE, 0);
      cal.set(Calendar.SECOND, 0);
      cal.set(Calendar.MILLISECOND, 0);
      long start = cal.getTimeInMillis();
      cal.add(Calendar.MONTH, 1);
      return new MonthWindow(start, cal.getTimeInMillis());
    }
  }

  /**
   * A generator for a given host identity (tests and embedders; most callers use {@link
   * #getDefault()}).
   *
   * @param ip 4 or 16 address bytes
   * @param pid process id; only its low 16 bits are used
   * @param classLoaderHash any int distinguishing generators in one process
   */
  public UniqueIdGenerator(byte[] ip, int pid, int classLoaderHash) {
    if (ip.length != 4 && ip.length != 16) {
      throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + ip.length);
    }
    ByteBuffer fixed = ByteBuffer.allocate(ip.length + 2 + 4);
    fixed.put(ip).putShort((short) pid).putInt(classLoaderHash);
    this.prefix = Hex.encode(fixed.array()).toCharArray();
    this.window = MonthWindow.containing(System.currentTimeMillis());
  }

  /** The generator of this JVM: local IP, process id, this class's loader. */
  public static UniqueIdGenerator getDefault() {
    return DEFAULT;
  }

  /**
   * Gives {@code m} a new id unless it already has one. The id is hex, so unlike {@link
   * Message#setUniqueId(String)} nothing is scanned for separators.
   */
  public void assignIfAbsent(Message m) {
    if (m.getUniqueId() == null) {
      m.setGeneratedUniqueId(next());
    }
  }

  /**
   * Gives every message of {@code batch} without an id a new one, as {@link
   * #assignIfAbsent(Message)} does, with one clock read and one counter step for the whole batch:
   * the ids share their time part and take consecutive counter values. Per message, the clock read
   * took 3 % of a batching producer's CPU on a machine with a slow clock source.
   */
  public void assignIfAbsent(List<? extends Message> batch) {
    int missing = 0;
    for (Message m : batch) {
      if (m.getUniqueId() == null) {
        missing++;
      }
    }
    if (missing == 0) {
      return;
    }
    char[] id = timedPrefix();
    int count = counter.getAndAdd(missing);
    for (Message m : batch) {
      if (m.getUniqueId() == null) {
        Hex.writeShort(id, prefix.length + 8, count++);
        m.setGeneratedUniqueId(new String(id));
      }
    }
  }

  /** A new id. */
  public String next() {
    char[] id = timedPrefix();
    Hex.writeShort(id, prefix.length + 8, counter.getAndIncrement());
    return new String(id);
  }

  /** An id's chars with the fixed and the time part written; the counter's four are left. */
  private char[] timedPrefix() {
    long now = System.currentTimeMillis();
    MonthWindow w = window;
    if (now >= w.next()) {
      w = advance(now);
    }
    int diff = (int) (now - w.start());
    if (diff < 0 && diff > -1_000_000) {
      // the clock stepped back over the month start (NTP); keep the time part non-negative
      diff = 0;
    }
    char[] out = new char[prefix.length + 12];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    Hex.writeInt(out, prefix.length, diff);
    return out;
  }

  private synchronized MonthWindow advance(long now) {
    if (now >= window.next()) {
      window = MonthWindow.containing(now);
    }
    return window;
  }

  /**
   * The IP bytes (4 or 16) at the start of a unique id.
   *
   * @throws IllegalArgumentException if {@code id} is not 32 or 56 hex chars
   */
  public static byte[] ipOf(String id) {
    byte[] bytes = bytesOf(id);
    byte[] ip = new byte[bytes.length - 12];
    System.arraycopy(bytes, 0, ip, 0, ip.length);
    return ip;
  }

  /** The low 16 bits of the creating process id. */
  public static int pidOf(String id) {
    byte[] bytes = bytesOf(id);
    int p = bytes.length - 12;
    return (bytes[p] & 0xFF) << 8 | bytes[p + 1] & 0xFF;
  }

  /**
   * When the id was created, in epoch millis, assuming it is less than a month old at {@code now}:
   * the time part is counted from this month's start, or last month's if that would put it in the
   * future.
   */
  public static long timestampOf(String id, long now) {
    byte[] bytes = bytesOf(id);
    int p = bytes.length - 6;
    long span =
        ((bytes[p] & 0xFFL) << 24)
            | ((bytes[p + 1] & 0xFF) << 16)
            | ((bytes[p + 2] & 0xFF) << 8)
            | (bytes[p + 3] & 0xFF);
    Calendar cal = Calendar.getInstance();
    cal.setTimeInMillis(MonthWindow.containing(now).start());
    if (cal.getTimeInMillis() + span >= now) {
      cal.add(Calendar.MONTH, -1);
    }
    return cal.getTimeInMillis() + span;
  }

  private static byte[] bytesOf(String id) {
    if (id == null || (id.length() != 32 && id.length() != 56)) {
      throw new IllegalArgumentException(
          "a unique message id has 32 or 56 hex chars: " + (id == null ? "null" : "'" + id + "'"));
    }
    return Hex.decode(id);
  }

  /**
   * This host's address as RocketMQ picks it: the first public IPv4, else the first public IPv6,
   * else a private IPv4 (preferring one outside 127/8), else 4 bytes of the clock.
   */
  static byte[] localIp() {
    byte[] internal = null;
    try {
      Enumeration<NetworkInterface> nics = NetworkInterface.getNetworkInterfaces();
      while (nics != null && nics.hasMoreElements()) {
        Enumeration<InetAddress> addresses = nics.nextElement().getInetAddresses();
        while (addresses.hasMoreElements()) {
          InetAddress a = addresses.nextElement();
          if (a instanceof Inet4Address) {
            byte[] ip = a.getAddress();
            if (!isPrivateV4(ip)) {
              return ip;
            }
            if (internal == null || internal[0] == (byte) 127) {
              internal = ip;
            }
          } else if (a instanceof Inet6Address && !isPrivateV6(a)) {
            return a.getAddress();
          }
        }
      }
    } catch (SocketException e) {
      // No interface list: the id still needs 4 bytes, as unique as we can make them.
      return clockBytes();
    }
    return internal != null ? internal : clockBytes();
  }

  private static byte[] clockBytes() {
    return ByteBuffer.allocate(4).putInt((int) System.currentTimeMillis()).array();
  }

  private static boolean isPrivateV4(byte[] ip) {
    int a = ip[0] & 0xFF;
    int b = ip[1] & 0xFF;
    return a == 10 || a == 127 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168);
  }

  private static boolean isPrivateV6(InetAddress a) {
    return a.isAnyLocalAddress()
        || a.isLinkLocalAddress()
        || a.isLoopbackAddress()
        || a.isSiteLocalAddress();
  }
}
