package io.kitemq.server;

import io.kitemq.server.config.ConfigException;
import java.io.PrintWriter;
import org.slf4j.LoggerFactory;

/**
 * How a command that failed while running is reported: one line on the terminal naming the problem,
 * the stack trace in the log file only (logger {@code kite.fatal}), and the exit status: 2 for a
 * configuration error, 1 for anything else (a port in use, an unwritable directory).
 */
final class Failures {

  static final int SOFTWARE = 1;
  static final int USAGE = 2;

  private Failures() {}

  /**
   * Reports {@code e}, thrown by the command called {@code command} (e.g. {@code kite broker}).
   *
   * @return the exit status
   */
  static int report(Exception e, String command, PrintWriter err) {
    int status;
    String message;
    if (e instanceof ConfigException) {
      status = USAGE;
      message = "configuration error: " + e.getMessage();
    } else if (e instanceof LaunchException) {
      status = SOFTWARE;
      message = e.getMessage();
    } else {
      status = SOFTWARE;
      message = "failed: " + e + " (the log has the stack trace)";
    }
    LoggerFactory.getLogger("kite.fatal").error(message, e);
    err.println(command + ": " + message);
    err.flush();
    return status;
  }
}
