package io.kitemq.server;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every server command takes: the configuration file, the log level, the training run. */
final class CommonOptions {

  @Option(
      names = {"-c", "--config"},
      paramLabel = "<file>",
      description =
          "Configuration file: config.yaml (sections namesrv, broker, store) or a RocketMQ"
              + " broker.conf / namesrv.conf. Default: config/config.yaml of the installation,"
              + " if present.")
  Path config;

  @Option(
      names = "--log-level",
      paramLabel = "<level>",
      description = "Root log level: ${COMPLETION-CANDIDATES} (default: as in logback.xml, INFO).")
  Logging.LogLevel logLevel;

  /**
   * The class-data training mode of {@code make dist}: start, print the ready line, stop cleanly
   * and exit 0, so that {@code -XX:ArchiveClassesAtExit} records what a start loads.
   */
  @Option(names = "--exit-after-ready", hidden = true)
  boolean exitAfterReady;

  /** Registers these options with the start path's parser. */
  void flags(NodeFlags flags) {
    flags.value(v -> (config = Path.of(v)) != null, "-c", "--config");
    flags.value(v -> (logLevel = logLevel(v)) != null, "--log-level");
    flags.flag(() -> exitAfterReady = true, "--exit-after-ready");
  }

  /** The level named exactly (as picocli matches enum constants), else null. */
  private static Logging.LogLevel logLevel(String name) {
    for (Logging.LogLevel level : Logging.LogLevel.values()) {
      if (level.name().equals(name)) {
        return level;
      }
    }
    return null;
  }

  /** The file to read: {@code -c}, else the installation's config/config.yaml if it exists. */
  Path configFile() {
    if (config != null) {
      return config;
    }
    String home = System.getProperty("kite.home");
    if (home != null) {
      Path dflt = Path.of(home, "config", "config.yaml");
      if (Files.isRegularFile(dflt)) {
        return dflt;
      }
    }
    return null;
  }
}
