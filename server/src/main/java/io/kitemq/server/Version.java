package io.kitemq.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The KiteMQ version, from the build (resource {@code version.properties}). Thread-safe. */
public final class Version implements IVersionProvider {

  /** E.g. {@code 0.1.0-SNAPSHOT}. */
  public static final String VERSION = load();

  @Override
  public String[] getVersion() {
    return new String[] {
      "KiteMQ " + VERSION,
      "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"
    };
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
