package io.kitemq.server.config;

import java.util.Locale;

/**
 * A part of the configuration: the name server's keys ({@code namesrv.conf}), the broker's and the
 * store's (together the keys of a RocketMQ {@code broker.conf}). In {@code config.yaml} each is a
 * top-level map; in the environment each has its prefix ({@code KITE_BROKER_LISTEN_PORT}).
 */
public enum Section {
  NAMESRV,
  BROKER,
  STORE;

  /** The YAML section name: {@code namesrv}, {@code broker} or {@code store}. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The prefix of this section's environment overrides, e.g. {@code KITE_STORE_}. */
  public String envPrefix() {
    return "KITE_" + name() + "_";
  }

  /**
   * The environment variable overriding {@code key}: {@code listenPort} -> {@code ..._LISTEN_PORT}.
   */
  public String envName(String key) {
    StringBuilder sb = new StringBuilder(envPrefix());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        sb.append('_');
      }
      sb.append(Character.toUpperCase(c));
    }
    return sb.toString();
  }

  /** The section named {@code name} in a YAML file, or null. */
  static Section ofYamlName(String name) {
    for (Section s : values()) {
      if (s.yamlName().equals(name)) {
        return s;
      }
    }
    return null;
  }
}
