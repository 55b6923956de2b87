package io.kitemq.server;

import io.kitemq.broker.BrokerConfig;
import io.kitemq.broker.BrokerConfigException;
import io.kitemq.console.ConsoleConfig;
import io.kitemq.nameserver.NameServerConfig;
import io.kitemq.server.config.BrokerKeys;
import io.kitemq.server.config.KeyCatalog;
import io.kitemq.server.config.LayeredConfig;
import io.kitemq.server.config.Section;
import io.kitemq.server.config.StoreKeys;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The launcher's embedded defaults and the step from a {@link LayeredConfig} to each component's
 * validated config. Everything a node writes defaults to {@code ./data}: the store to {@code
 * data/store}, the name server's KV file to {@code data/namesrv/kvConfig.json}; a broker registers
 * with {@code 127.0.0.1:9876}. Stateless.
 */
final class Configs {

  /** Where the store lives unless configured. */
  static final String DEFAULT_STORE = "data/store";

  /** Where the name server keeps its KV config unless configured. */
  static final String DEFAULT_KV_CONFIG = "data/namesrv/kvConfig.json";

  /** The name server a broker registers with unless configured (standalone: its own). */
  static final String DEFAULT_NAMESRV_ADDR = "127.0.0.1:9876";

  private Configs() {}

  /** The keys KiteMQ implements, per section. */
  static KeyCatalog catalog() {
    Map<Section, Set<String>> implemented = new EnumMap<>(Section.class);
    Set<String> namesrv = new TreeSet<>(NameServerConfig.builder().build().toMap().keySet());
    namesrv.addAll(ConsoleConfig.KEYS);
    Set<String> broker = new TreeSet<>(BrokerKeys.KEYS);
    broker.addAll(ConsoleConfig.KEYS);
    implemented.put(Section.NAMESRV, namesrv);
    implemented.put(Section.BROKER, broker);
    implemented.put(Section.STORE, StoreKeys.KEYS);
    return new KeyCatalog(implemented);
  }

  /** A builder over the embedded defaults of {@code sections}, then file, then environment. */
  static LayeredConfig.Builder layers(
      Set<Section> sections, Path file, Set<Section> fileSections, Map<String, String> env) {
    LayeredConfig.Builder b = LayeredConfig.builder(catalog(), sections);
    if (sections.contains(Section.NAMESRV)) {
      b.defaults(Section.NAMESRV, Map.of("kvConfigPath", DEFAULT_KV_CONFIG));
    }
    if (sections.contains(Section.BROKER)) {
      b.defaults(Section.BROKER, Map.of("namesrvAddr", DEFAULT_NAMESRV_ADDR));
    }
    if (sections.contains(Section.STORE)) {
      b.defaults(Section.STORE, Map.of("storePathRootDir", DEFAULT_STORE));
    }
    if (file != null) {
      b.file(file, fileSections);
    }
    return b.env(env);
  }

  /**
   * The name server's config.
   *
   * @throws io.kitemq.server.config.ConfigException naming a bad key and its origin
   */
  static NameServerConfig nameServer(LayeredConfig config) {
    Properties p = config.properties(Section.NAMESRV);
    ConsoleConfig.KEYS.forEach(p::remove);
    try {
      return NameServerConfig.fromProperties(p);
    } catch (IllegalArgumentException e) {
      throw config.valueError(Section.NAMESRV, null, e);
    }
  }

  /**
   * The HTTP port's config from {@code section} ({@code httpPort}, {@code httpEnabled}, ...).
   *
   * @throws io.kitemq.server.config.ConfigException naming a bad key and its origin
   */
  static ConsoleConfig console(LayeredConfig config, Section section, int defaultPort) {
    try {
      return ConsoleConfig.fromProperties(config.properties(section), defaultPort);
    } catch (IllegalArgumentException e) {
      throw config.valueError(section, null, e);
    }
  }

  /**
   * The broker's config: the broker and store sections, then {@code overrides} (the launcher's own
   * settings, e.g. standalone's name server address).
   *
   * @throws io.kitemq.server.config.ConfigException naming a bad key and its origin
   */
  static BrokerConfig broker(LayeredConfig config, Map<String, String> overrides) {
    Properties p = config.properties(Section.BROKER);
    p.putAll(config.properties(Section.STORE));
    ConsoleConfig.KEYS.forEach(p::remove);
    overrides.forEach(p::setProperty);
    try {
      return BrokerConfig.fromProperties(p);
    } catch (BrokerConfigException e) {
      Section section = StoreKeys.KEYS.contains(e.key()) ? Section.STORE : Section.BROKER;
      throw config.valueError(section, e.key(), e);
    } catch (IllegalArgumentException e) {
      throw config.valueError(Section.BROKER, null, e);
    }
  }
}
