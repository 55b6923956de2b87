package io.kitemq.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Applies the shipped {@code config/logback.xml} in code when the file {@code bin/kite} names in
 * {@code logback.configurationFile} is byte for byte the one in the jar; an edited file, or none,
 * is left to Logback's own XML configurator. Reading the XML (a SAX parse and Joran's model
 * processing) was a seventh of a node's start on this code path's main thread; the result is the
 * same loggers, appenders, patterns and rolling policy, which {@code StockLogConfiguratorTest}
 * checks against Joran reading the same file.
 *
 * <p>Found by Logback through {@code META-INF/services}; runs before Logback's own configurators.
 */
public final class StockLogConfigurator extends ContextAwareBase implements Configurator {

  /** The shipped file as the jar holds it (the distribution's config/ has the same bytes). */
  static final String STOCK_RESOURCE = "/logback.xml";

  static final String CONSOLE_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n";
  static final String FILE_PATTERN =
      "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";

  /** Logback instantiates configurators by their public no-argument constructor. */
  public StockLogConfigurator() {}

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    return configure(context, System.getProperty("logback.configurationFile"));
  }

  /** As Logback calls it, with the configuration file given rather than read from a property. */
  ExecutionStatus configure(LoggerContext context, String file) {
    if (file == null || !isStock(Path.of(file))) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    apply(
        context,
        System.getProperty("kite.log.dir", "logs"),
        System.getProperty("kite.log.name", "kite"));
    addInfo("applied the stock " + file + " in code");
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** True if {@code file} holds exactly the shipped configuration. */
  static boolean isStock(Path file) {
    try (InputStream in = StockLogConfigurator.class.getResourceAsStream(STOCK_RESOURCE)) {
      if (in == null) {
        return false;
      }
      return Arrays.equals(in.readAllBytes(), Files.readAllBytes(file));
    } catch (IOException e) {
      // Unreadable here: Logback's configurator reads it and reports what is wrong.
      return false;
    }
  }

  /**
   * What the shipped logback.xml declares, its {@code kite.log.dir} and {@code kite.log.name} being
   * {@code dir} and {@code name}.
   */
  static void apply(LoggerContext context, String dir, String name) {
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("CONSOLE");
    console.setEncoder(encoder(context, CONSOLE_PATTERN));
    console.start();

    RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
    file.setContext(context);
    file.setName("FILE");
    file.setFile(dir + "/" + name + ".log");
    SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
    policy.setContext(context);
    policy.setParent(file);
    policy.setFileNamePattern(dir + "/" + name + ".%d{yyyy-MM-dd}.%i.log.gz");
    policy.setMaxFileSize(FileSize.valueOf("100MB"));
    policy.setMaxHistory(14);
    policy.setTotalSizeCap(FileSize.valueOf("1GB"));
    policy.start();
    file.setRollingPolicy(policy);
    file.setEncoder(encoder(context, FILE_PATTERN));
    file.start();

    context.getLogger("kite.ready").setLevel(Level.INFO);
    Logger fatal = context.getLogger("kite.fatal");
    fatal.setLevel(Level.INFO);
    fatal.setAdditive(false);
    fatal.addAppender(file);
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(console);
    root.addAppender(file);
  }

  private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(pattern);
    encoder.start();
    return encoder;
  }
}
