package io.kitemq.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets up Logback before the first logger is created: the log file's name (the command, e.g. {@code
 * logs/standalone.log}) and directory ({@code kite.log.dir}, default {@code logs}) are system
 * properties that {@code logback.xml} reads; {@code --log-level} then sets the root level. The
 * configuration itself is {@code config/logback.xml} of the distribution ({@code bin/kite} points
 * {@code logback.configurationFile} at it; {@link StockLogConfigurator} applies it in code while it
 * is the shipped file), else the copy in the jar.
 */
final class Logging {

  /** Log levels {@code --log-level} accepts. */
  enum LogLevel {
    ERROR,
    WARN,
    INFO,
    DEBUG,
    TRACE
  }

  private Logging() {}

  /** Must run before any {@link LoggerFactory#getLogger} call of the launcher's classes. */
  static void init(String logName, LogLevel level) {
    if (System.getProperty("kite.log.name") == null) {
      System.setProperty("kite.log.name", logName);
    }
    if (System.getProperty("kite.log.dir") == null) {
      System.setProperty("kite.log.dir", "logs");
    }
    if (level != null) {
      Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
      if (root instanceof ch.qos.logback.classic.Logger logback) {
        logback.setLevel(Level.toLevel(level.name()));
      }
    }
  }

  /** Flushes and closes the appenders; logging after this goes nowhere. */
  static void flushAndStop() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (factory instanceof LoggerContext context) {
      context.stop();
    }
  }
}
