package io.kitemq.server.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a configuration file into raw text values: {@code .yaml}/{@code .yml} files as sections
 * ({@code namesrv:}, {@code broker:}, {@code store:}) of scalar values, any other file as Java
 * properties (a RocketMQ {@code broker.conf} or {@code namesrv.conf}).
 *
 * <p>YAML scalars are read as text, exactly as written ({@code deleteWhen: 04} stays {@code "04"},
 * {@code 010} is not octal), so a value means the same in YAML and in a properties file; the
 * components parse and validate them. Stateless.
 */
final class ConfigFileReader {

  /** Sentinel section name under which a properties file's flat keys are returned. */
  static final String FLAT = "";

  private ConfigFileReader() {}

  static boolean isYaml(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  /**
   * The file's values by section name (YAML) or under {@link #FLAT} (properties).
   *
   * @throws ConfigException if the file is missing, unreadable or malformed
   */
  static Map<String, Map<String, String>> read(Path file) {
    try {
      return isYaml(file) ? readYaml(file) : Map.of(FLAT, readProperties(file));
    } catch (NoSuchFileException e) {
      throw new ConfigException(
          file.toString(),
          "configuration file " + file + " does not exist; check the path given to -c");
    } catch (IOException e) {
      throw new ConfigException(
          file.toString(), "cannot read configuration file " + file + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, String> readProperties(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String key : p.stringPropertyNames()) {
      values.put(key.trim(), p.getProperty(key).trim());
    }
    return values;
  }

  private static Map<String, Map<String, String>> readYaml(Path file) throws IOException {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Yaml yaml =
        new Yaml(
            new SafeConstructor(options),
            new Representer(new DumperOptions()),
            new DumperOptions(),
            options,
            new TextOnlyResolver());
    Object root;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      root = yaml.load(r);
    } catch (YAMLException e) {
      throw new ConfigException(
          file.toString(),
          "configuration file " + file + " is not valid YAML: " + oneLine(e.getMessage()),
          e);
    }
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    if (root == null) {
      return sections;
    }
    if (!(root instanceof Map<?, ?> top)) {
      throw new ConfigException(
          file.toString(), file + ": expected sections namesrv:, broker:, store: at the top level");
    }
    for (Map.Entry<?, ?> e : top.entrySet()) {
      String section = String.valueOf(e.getKey());
      Map<String, String> values = new LinkedHashMap<>();
      if (e.getValue() instanceof Map<?, ?> m) {
        for (Map.Entry<?, ?> kv : m.entrySet()) {
          String key = String.valueOf(kv.getKey());
          if (kv.getValue() instanceof Map<?, ?> || kv.getValue() instanceof Iterable<?>) {
            throw new ConfigException(
                key,
                file + ": " + section + "." + key + " must be a single value, not a map or list");
          }
          values.put(key, kv.getValue() == null ? "" : kv.getValue().toString().trim());
        }
      } else if (e.getValue() != null && !e.getValue().toString().isEmpty()) {
        throw new ConfigException(
            section, file + ": " + section + " must be a map of keys to values");
      }
      sections.put(section, values);
    }
    return sections;
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s+", " ").trim();
  }

  /** Resolves every plain scalar to text (no implicit ints, booleans, octals or dates). */
  private static final class TextOnlyResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      // Only text: the components parse values, the same way for YAML and properties files.
    }
  }
}
