package io.kitemq.console;

import java.util.Properties;
import java.util.Set;

/**
 * The settings of a node's HTTP port (metrics and console), read from the node's section of the
 * configuration:
 *
 * <ul>
 *   <li>{@code httpPort}: the port; 0 picks a free one, -1 turns the port off. Defaults: {@value
 *       #DEFAULT_BROKER_PORT} for a broker or a standalone node, {@value #DEFAULT_NAMESRV_PORT} for
 *       a name server ("KITE" on a phone keypad; clear of RocketMQ's 9876, 10909-10912, 8080, 8081
 *       and 5557 and of the usual development servers);
 *   <li>{@code httpEnabled}: {@code false} turns the port off whatever {@code httpPort} says;
 *   <li>{@code httpBindAddress}: the address to bind, default {@code 0.0.0.0};
 *   <li>{@code consoleReadOnly}: {@code true} answers every changing API call with 403 and hides
 *       the console's changing buttons.
 * </ul>
 *
 * Immutable; validated once, the bad key named in the error.
 */
public record ConsoleConfig(int port, String bindAddress, boolean readOnly) {

  /** Default port of a broker or standalone node. */
  public static final int DEFAULT_BROKER_PORT = 5483;

  /** Default port of a name server. */
  public static final int DEFAULT_NAMESRV_PORT = 5484;

  /** The keys this config reads. */
  public static final Set<String> KEYS =
      Set.of("httpPort", "httpEnabled", "httpBindAddress", "consoleReadOnly");

  public ConsoleConfig {
    if (port < -1 || port > 65535) {
      throw new IllegalArgumentException("httpPort must be in [-1, 65535], got " + port);
    }
    if (bindAddress == null || bindAddress.isBlank()) {
      throw new IllegalArgumentException("httpBindAddress must not be empty");
    }
  }

  /** Whether the port is on. */
  public boolean enabled() {
    return port >= 0;
  }

  /**
   * Reads {@link #KEYS} from {@code p} (other keys are ignored).
   *
   * @throws IllegalArgumentException naming the key with a bad value
   */
  public static ConsoleConfig fromProperties(Properties p, int defaultPort) {
    int port = parseInt(p, "httpPort", defaultPort);
    boolean enabled = parseBoolean(p, "httpEnabled", true);
    boolean readOnly = parseBoolean(p, "consoleReadOnly", false);
    String bind = p.getProperty("httpBindAddress", "0.0.0.0").trim();
    return new ConsoleConfig(enabled ? port : -1, bind, readOnly);
  }

  private static int parseInt(Properties p, String key, int dflt) {
    String v = p.getProperty(key);
    if (v == null) {
      return dflt;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer, got '" + v + "'", e);
    }
  }

  private static boolean parseBoolean(Properties p, String key, boolean dflt) {
    String v = p.getProperty(key);
    if (v == null) {
      return dflt;
    }
    return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(key + " must be true or false, got '" + v + "'");
    };
  }
}
