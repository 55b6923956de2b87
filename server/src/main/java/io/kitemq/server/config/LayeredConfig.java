package io.kitemq.server.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The launcher's configuration, merged from four layers, weakest first: embedded defaults, a file
 * ({@code config.yaml}, or a RocketMQ {@code broker.conf} / {@code namesrv.conf}), environment
 * overrides ({@code KITE_<SECTION>_<KEY>}, e.g. {@code KITE_BROKER_LISTEN_PORT}) and command-line
 * flags. Every value remembers its origin so a bad one can be traced to the layer that set it.
 *
 * <p>Keys are checked while layers are added: a key of Apache RocketMQ that KiteMQ does not
 * implement yet is dropped with one warning per source, a key nobody knows fails with a {@link
 * ConfigException} naming it. Values are checked by the components' own config builders; {@link
 * #valueError} turns their complaint into a message naming the origin. Immutable once built.
 */
public final class LayeredConfig {

  private final Map<Section, Map<String, Setting>> values;
  private final List<String> warnings;

  private LayeredConfig(Map<Section, Map<String, Setting>> values, List<String> warnings) {
    this.values = values;
    this.warnings = warnings;
  }

  /**
   * @param catalog the keys each section knows
   * @param sections the sections the command runs (others in a file are not read)
   */
  public static Builder builder(KeyCatalog catalog, Set<Section> sections) {
    return new Builder(catalog, sections);
  }

  /** The merged values of {@code section} as properties, ready for a component's config parser. */
  public Properties properties(Section section) {
    Properties p = new Properties();
    values.getOrDefault(section, Map.of()).forEach((k, s) -> p.setProperty(k, s.value()));
    return p;
  }

  /** The merged setting of {@code key}, or null when no layer sets it. */
  public Setting setting(Section section, String key) {
    return values.getOrDefault(section, Map.of()).get(key);
  }

  /** One line per source that held keys KiteMQ ignores, naming them. */
  public List<String> warnings() {
    return warnings;
  }

  /**
   * A {@link ConfigException} for a value a component rejected: names the key, the reason and the
   * layer that set it.
   *
   * @param key the rejected key, or null to find it at the start of the message
   */
  public ConfigException valueError(Section section, String key, IllegalArgumentException e) {
    String k = key != null ? key : keyAtStartOf(section, e.getMessage());
    Setting s = k == null ? null : setting(section, k);
    String where = s == null ? "" : " (set by " + s.origin() + ")";
    return new ConfigException(
        k == null ? section.yamlName() : k,
        "bad value for " + (k == null ? section.yamlName() : k) + where + ": " + e.getMessage(),
        e);
  }

  private String keyAtStartOf(Section section, String message) {
    String best = null;
    if (message == null) {
      return null;
    }
    for (String k : values.getOrDefault(section, Map.of()).keySet()) {
      if (message.startsWith(k) && (best == null || k.length() > best.length())) {
        best = k;
      }
    }
    return best;
  }

  /** Collects the layers; {@link #build()} merges them in order of strength. Not thread-safe. */
  public static final class Builder {
    private final KeyCatalog catalog;
    private final Set<Section> sections;
    private final Map<Section, Map<String, Setting>> defaults = new EnumMap<>(Section.class);
    private final Map<Section, Map<String, Setting>> file = new EnumMap<>(Section.class);
    private final Map<Section, Map<String, Setting>> env = new EnumMap<>(Section.class);
    private final Map<Section, Map<String, Setting>> flags = new EnumMap<>(Section.class);
    private final List<String> warnings = new ArrayList<>();

    private Builder(KeyCatalog catalog, Set<Section> sections) {
      this.catalog = catalog;
      this.sections = EnumSet.copyOf(sections);
    }

    /** The launcher's embedded defaults for {@code section}; keys must be implemented ones. */
    public Builder defaults(Section section, Map<String, String> values) {
      values.forEach((k, v) -> put(defaults, section, k, v, "default"));
      return this;
    }

    /**
     * A configuration file. YAML: the sections this command runs are read, each key checked in its
     * section. Properties: each key goes to the first of {@code propertiesSections} that implements
     * it (a broker.conf holds broker and store keys).
     *
     * @throws ConfigException on a missing or malformed file, an unknown section or key
     */
    public Builder file(Path path, Set<Section> propertiesSections) {
      String origin = path.toString();
      Map<String, Map<String, String>> read = ConfigFileReader.read(path);
      Set<String> ignored = new TreeSet<>();
      for (Map.Entry<String, Map<String, String>> e : read.entrySet()) {
        if (e.getKey().equals(ConfigFileReader.FLAT)) {
          e.getValue().forEach((k, v) -> placeFlat(propertiesSections, k, v, origin, ignored));
          continue;
        }
        Section section = Section.ofYamlName(e.getKey());
        if (section == null) {
          throw new ConfigException(
              e.getKey(),
              origin
                  + ": unknown section '"
                  + e.getKey()
                  + "'; the sections are namesrv, broker and store");
        }
        if (!sections.contains(section)) {
          continue;
        }
        for (Map.Entry<String, String> kv : e.getValue().entrySet()) {
          placeInSection(
              file, section, kv.getKey(), kv.getValue(), origin, ignored, section.yamlName() + ":");
        }
      }
      warnIgnored(origin, ignored);
      return this;
    }

    /**
     * Environment overrides: {@code KITE_NAMESRV_*}, {@code KITE_BROKER_*}, {@code KITE_STORE_*}
     * variables of the sections this command runs. Other variables are not looked at.
     *
     * @throws ConfigException naming a variable of those prefixes that matches no key
     */
    public Builder env(Map<String, String> environment) {
      for (Section section : sections) {
        Map<String, String> byEnvName = new LinkedHashMap<>();
        for (String k : catalog.implemented(section)) {
          byEnvName.put(section.envName(k), k);
        }
        for (String k : KeyCatalog.apacheKeys(section)) {
          byEnvName.putIfAbsent(section.envName(k), k);
        }
        Set<String> ignored = new TreeSet<>();
        for (Map.Entry<String, String> e : new TreeMap<>(environment).entrySet()) {
          String name = e.getKey();
          if (!name.startsWith(section.envPrefix())) {
            continue;
          }
          String key = byEnvName.get(name);
          if (key == null || catalog.classify(section, key) == KeyCatalog.Kind.OTHER_SECTION) {
            throw misplacedVariable(section, name);
          }
          placeInSection(env, section, key, e.getValue().trim(), name, ignored, name);
        }
        warnIgnored("environment", ignored);
      }
      return this;
    }

    private ConfigException misplacedVariable(Section section, String name) {
      String suffix = name.substring(section.envPrefix().length());
      for (Section other : Section.values()) {
        for (String k : catalog.implemented(other)) {
          if (other != section && other.envName(k).equals(other.envPrefix() + suffix)) {
            return new ConfigException(
                name,
                "environment variable "
                    + name
                    + " names a "
                    + other.yamlName()
                    + " key: use "
                    + other.envName(k));
          }
        }
      }
      return new ConfigException(
          name,
          "environment variable "
              + name
              + " matches no "
              + section.yamlName()
              + " key; unset it or fix its name");
    }

    /** A command-line flag; it wins over every other layer. */
    public Builder flag(Section section, String key, String value, String flagName) {
      put(flags, section, key, value, flagName);
      return this;
    }

    /** Merges the layers, weakest first. */
    public LayeredConfig build() {
      Map<Section, Map<String, Setting>> merged = new EnumMap<>(Section.class);
      for (Map<Section, Map<String, Setting>> layer : List.of(defaults, file, env, flags)) {
        layer.forEach(
            (section, settings) ->
                merged.computeIfAbsent(section, s -> new LinkedHashMap<>()).putAll(settings));
      }
      merged.replaceAll((s, m) -> Collections.unmodifiableMap(m));
      return new LayeredConfig(
          Collections.unmodifiableMap(merged), Collections.unmodifiableList(warnings));
    }

    private void placeFlat(
        Set<Section> targets, String key, String value, String origin, Set<String> ignored) {
      for (Section s : targets) {
        if (catalog.implemented(s).contains(key)) {
          put(file, s, key, value, origin);
          return;
        }
      }
      // A properties file is a namesrv.conf or a broker.conf (broker and store keys).
      Section any =
          targets.contains(Section.BROKER)
              ? Section.BROKER
              : targets.contains(Section.NAMESRV) ? Section.NAMESRV : Section.STORE;
      if (KeyCatalog.apacheKeys(any).contains(key)) {
        ignored.add(key);
        return;
      }
      throw unknown(any, key, origin);
    }

    private void placeInSection(
        Map<Section, Map<String, Setting>> layer,
        Section section,
        String key,
        String value,
        String origin,
        Set<String> ignored,
        String where) {
      switch (catalog.classify(section, key)) {
        case IMPLEMENTED -> put(layer, section, key, value, origin);
        case APACHE_ONLY -> ignored.add(key);
        case OTHER_SECTION -> {
          Section other = catalog.sectionOf(key, section);
          throw new ConfigException(
              key,
              origin
                  + ": "
                  + key
                  + " is a "
                  + other.yamlName()
                  + " key; put it under "
                  + other.yamlName()
                  + ": instead of "
                  + where);
        }
        case UNKNOWN -> throw unknown(section, key, origin);
      }
    }

    private ConfigException unknown(Section section, String key, String origin) {
      String closest = catalog.closest(section, key);
      return new ConfigException(
          key,
          origin
              + ": unknown "
              + section.yamlName()
              + " key '"
              + key
              + "'"
              + (closest != null ? " (did you mean '" + closest + "'?)" : "")
              + "; remove it or fix its name");
    }

    private void warnIgnored(String origin, Set<String> ignored) {
      if (!ignored.isEmpty()) {
        warnings.add(
            origin
                + ": ignoring Apache RocketMQ keys KiteMQ does not implement yet: "
                + String.join(", ", ignored));
      }
    }

    private static void put(
        Map<Section, Map<String, Setting>> layer,
        Section section,
        String key,
        String value,
        String origin) {
      layer
          .computeIfAbsent(section, s -> new LinkedHashMap<>())
          .put(key, new Setting(value, origin));
    }
  }
}
