package io.kitemq.it.compat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.tools.command.MQAdminStartup;

/**
 * Runs one official {@code mqadmin} command in this JVM through {@link MQAdminStartup#main0} and
 * returns what it printed on standard output and standard error. The tool writes to {@code
 * System.out} and sets the name-server system property; both are swapped and restored around the
 * call, so calls are serialized on the class. Argument errors would make the tool call {@code
 * System.exit}: callers pass only well-formed command lines.
 */
final class MqAdmin {

  private static final Pattern LOG_LINE =
      Pattern.compile("^\\d\\d:\\d\\d:\\d\\d[.,]\\d{3} (\\|-|(TRACE|DEBUG|INFO|WARN|ERROR) +\\[)");

  private MqAdmin() {}

  static synchronized String run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    String namesrvBefore = System.getProperty(MixAll.NAMESRV_ADDR_PROPERTY);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    try {
      MQAdminStartup.main0(args, null);
    } finally {
      capture.flush();
      System.setOut(out);
      System.setErr(err);
      if (namesrvBefore == null) {
        System.clearProperty(MixAll.NAMESRV_ADDR_PROPERTY);
      } else {
        System.setProperty(MixAll.NAMESRV_ADDR_PROPERTY, namesrvBefore);
      }
    }
    // Log lines of this JVM's threads and the status lines of the tool's own logging set-up go
    // to System.out as well while the command runs: they are not the command's output.
    String printed =
        buf.toString(StandardCharsets.UTF_8)
            .lines()
            .filter(l -> !LOG_LINE.matcher(l).find())
            .collect(Collectors.joining(System.lineSeparator()));
    out.println("===== mqadmin " + String.join(" ", args) + " =====");
    out.println(printed);
    out.println("===== end of " + args[0] + " =====");
    return printed;
  }
}
