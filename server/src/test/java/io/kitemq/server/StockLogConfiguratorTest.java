package io.kitemq.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The shipped logback.xml applied in code builds what Logback builds from the file itself. */
@Timeout(30)
class StockLogConfiguratorTest {

  private static final Path SHIPPED = Path.of("..", "config", "logback.xml");

  @TempDir Path dir;

  @Test
  void theShippedFileIsTheJarsCopyAndAnEditedOneIsNot() throws Exception {
    assertThat(StockLogConfigurator.isStock(SHIPPED)).isTrue();
    Path edited = dir.resolve("logback.xml");
    Files.writeString(
        edited,
        Files.readString(SHIPPED).replace("level=\"INFO\"/>", "level=\"DEBUG\"/>"),
        StandardCharsets.UTF_8);
    assertThat(StockLogConfigurator.isStock(edited)).isFalse();
    assertThat(StockLogConfigurator.isStock(dir.resolve("missing.xml"))).isFalse();
  }

  @Test
  void anEditedOrMissingFileIsLeftToLogbackAndTheShippedOneIsApplied() throws Exception {
    Path edited = dir.resolve("logback.xml");
    Files.writeString(edited, Files.readString(SHIPPED) + "\n<!-- mine -->\n");
    LoggerContext context = new LoggerContext();
    StockLogConfigurator configurator = new StockLogConfigurator();
    configurator.setContext(context);
    try {
      assertThat(configurator.configure(context, edited.toString()))
          .isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
      assertThat(configurator.configure(context, null))
          .isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
      assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext())
          .isFalse();
      assertThat(configurator.configure(context, SHIPPED.toString()))
          .isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
      assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("FILE")).isNotNull();
    } finally {
      context.stop();
    }
  }

  @Test
  void buildsWhatJoranBuildsFromTheShippedFile() throws Exception {
    LoggerContext byJoran = new LoggerContext();
    byJoran.putProperty("kite.log.dir", dir.resolve("joran").toString());
    byJoran.putProperty("kite.log.name", "standalone");
    JoranConfigurator joran = new JoranConfigurator();
    joran.setContext(byJoran);
    joran.doConfigure(SHIPPED.toFile());

    LoggerContext inCode = new LoggerContext();
    // What Logback's service provider sets on the context it configures.
    inCode.setMDCAdapter(new LogbackMDCAdapter());
    StockLogConfigurator.apply(inCode, dir.resolve("code").toString(), "standalone");
    try {
      String joranView = describe(byJoran).replace(dir.resolve("joran").toString(), "<dir>");
      String codeView = describe(inCode).replace(dir.resolve("code").toString(), "<dir>");
      assertThat(codeView).isEqualTo(joranView);
      // Not an empty description equal to another: the parts the file declares are there.
      assertThat(codeView)
          .contains("root level=INFO", "kite.fatal level=INFO additive=false appenders=[FILE]")
          .contains("maxFileSize=100 MB", "totalSizeCap=1 GB", "maxHistory=14")
          .contains("file=<dir>/standalone.log");
      Logger logger = inCode.getLogger("io.kitemq.test");
      logger.info("line one");
      assertThat(Files.readString(dir.resolve("code").resolve("standalone.log")))
          .contains("INFO  [" + Thread.currentThread().getName() + "] io.kitemq.test - line one");
    } finally {
      byJoran.stop();
      inCode.stop();
    }
  }

  /** Every logger with a level or an appender, and every appender, as text. */
  private static String describe(LoggerContext context) throws Exception {
    List<String> lines = new ArrayList<>();
    for (Logger logger : context.getLoggerList()) {
      List<String> names = new ArrayList<>();
      List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
      for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
        Appender<ILoggingEvent> a = it.next();
        names.add(a.getName());
        appenders.add(a);
      }
      if (logger.getLevel() == null && names.isEmpty()) {
        continue;
      }
      lines.add(
          logger.getName().replace(Logger.ROOT_LOGGER_NAME, "root")
              + " level="
              + logger.getLevel()
              + " additive="
              + logger.isAdditive()
              + " appenders="
              + names);
      for (Appender<ILoggingEvent> a : appenders) {
        lines.add("  " + appender(a));
      }
    }
    return String.join("\n", lines);
  }

  private static String appender(Appender<ILoggingEvent> a) throws Exception {
    StringBuilder b = new StringBuilder(a.getName() + " " + a.getClass().getName());
    b.append(" started=").append(a.isStarted());
    if (a instanceof OutputStreamAppender<ILoggingEvent> out
        && out.getEncoder() instanceof PatternLayoutEncoder encoder) {
      b.append(" pattern=").append(encoder.getPattern());
    }
    if (a instanceof RollingFileAppender<ILoggingEvent> rolling) {
      b.append(" file=").append(rolling.getFile());
      b.append(" append=").append(rolling.isAppend());
      b.append(" triggeredByPolicy=")
          .append(rolling.getTriggeringPolicy() == rolling.getRollingPolicy());
      if (rolling.getRollingPolicy() instanceof SizeAndTimeBasedRollingPolicy<?> policy) {
        b.append(" policy=").append(policy.getClass().getName());
        b.append(" fileNamePattern=").append(policy.getFileNamePattern());
        b.append(" compression=").append(policy.getCompressionMode());
        b.append(" maxHistory=").append(policy.getMaxHistory());
        b.append(" maxFileSize=")
            .append(field(SizeAndTimeBasedRollingPolicy.class, "maxFileSize", policy));
        b.append(" totalSizeCap=")
            .append(field(TimeBasedRollingPolicy.class, "totalSizeCap", policy));
      }
    }
    return b.toString();
  }

  private static Object field(Class<?> owner, String name, Object target) throws Exception {
    Field f = owner.getDeclaredField(name);
    f.setAccessible(true);
    return f.get(target);
  }
}
