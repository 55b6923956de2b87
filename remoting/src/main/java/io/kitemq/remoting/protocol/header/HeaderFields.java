package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;

/**
 * Typed reads and writes of single extFields entries, shared by the header classes. Numbers parse
 * as decimal, booleans as {@link Boolean#parseBoolean(String)} (anything but {@code true} is
 * false), as RocketMQ parses them. Thread-safe (stateless).
 */
public final class HeaderFields {

  private HeaderFields() {}

  /** Puts {@code String.valueOf(value)} under {@code name} unless value is null. */
  public static void put(Map<String, String> map, String name, Object value) {
    if (value != null) {
      map.put(name, value.toString());
    }
  }

  public static String requireString(Map<String, String> map, String name)
      throws RemotingCommandException {
    String value = map.get(name);
    if (value == null) {
      throw RemotingCommandException.missingField(name);
    }
    return value;
  }

  public static String optString(Map<String, String> map, String name) {
    return map.get(name);
  }

  public static int requireInt(Map<String, String> map, String name)
      throws RemotingCommandException {
    return parseInt(name, requireString(map, name));
  }

  public static Integer optInt(Map<String, String> map, String name)
      throws RemotingCommandException {
    String value = map.get(name);
    return value == null ? null : parseInt(name, value);
  }

  public static int optInt(Map<String, String> map, String name, int absent)
      throws RemotingCommandException {
    String value = map.get(name);
    return value == null ? absent : parseInt(name, value);
  }

  public static long requireLong(Map<String, String> map, String name)
      throws RemotingCommandException {
    return parseLong(name, requireString(map, name));
  }

  public static Long optLong(Map<String, String> map, String name) throws RemotingCommandException {
    String value = map.get(name);
    return value == null ? null : parseLong(name, value);
  }

  public static boolean requireBool(Map<String, String> map, String name)
      throws RemotingCommandException {
    return Boolean.parseBoolean(requireString(map, name));
  }

  public static Boolean optBool(Map<String, String> map, String name) {
    String value = map.get(name);
    return value == null ? null : Boolean.parseBoolean(value);
  }

  public static boolean optBool(Map<String, String> map, String name, boolean absent) {
    String value = map.get(name);
    return value == null ? absent : Boolean.parseBoolean(value);
  }

  private static int parseInt(String name, String value) throws RemotingCommandException {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw RemotingCommandException.invalidField(name, value, e);
    }
  }

  private static long parseLong(String name, String value) throws RemotingCommandException {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw RemotingCommandException.invalidField(name, value, e);
    }
  }
}
