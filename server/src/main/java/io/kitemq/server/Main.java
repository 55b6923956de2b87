package io.kitemq.server;

import io.kitemq.server.config.ConfigException;
import io.kitemq.tools.admin.AdminCommand;
import io.kitemq.tools.bench.BenchCommand;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The {@code kite} command: {@code kite standalone}, {@code kite nameserver}, {@code kite broker},
 * {@code kite admin}, {@code kite bench}.
 *
 * <p>Exit status: 0 after a clean stop, 2 for a usage or configuration error, 1 when a node cannot
 * start or stop (a port in use, an unwritable directory). Errors are one line on stderr naming the
 * key, file, port or path, and what would fix it.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(execute(args, System.getenv()));
  }

  /**
   * Parses and runs a command line; returns when the command ends.
   *
   * @param env the environment to read {@code KITE_*} overrides from
   * @return the exit status
   */
  static int execute(String[] args, Map<String, String> env) {
    String first = args.length == 0 ? null : args[0];
    if (first != null && NODE_COMMANDS.contains(first)) {
      Prewarm.start();
    }
    return commandLine(env, first).execute(args);
  }

  /** The whole command tree, reading overrides from {@code env}. */
  static CommandLine commandLine(Map<String, String> env) {
    return commandLine(env, null);
  }

  /**
   * The command tree for a command line whose first word is {@code first}: when it names a node
   * ({@code standalone}, {@code nameserver}, {@code broker}), that command alone under {@code
   * kite}, since building admin's and bench's subcommands (and loading what they name) took a tenth
   * of a node's start; otherwise every command.
   */
  static CommandLine commandLine(Map<String, String> env, String first) {
    boolean all = first == null || !NODE_COMMANDS.contains(first);
    CommandLine cl = new CommandLine(new KiteCommand());
    if (all || first.equals("standalone")) {
      cl.addSubcommand(new CommandLine(new StandaloneCommand(env)));
    }
    if (all || first.equals("nameserver")) {
      cl.addSubcommand(new CommandLine(new NameServerCommand(env)));
    }
    if (all || first.equals("broker")) {
      cl.addSubcommand(new CommandLine(new BrokerCommand(env)));
    }
    if (all) {
      cl.addSubcommand(AdminCommand.commandLine(env));
      cl.addSubcommand(new CommandLine(new BenchCommand()));
    }
    cl.setExecutionExceptionHandler(Main::failure);
    cl.setParameterExceptionHandler(Main::usageError);
    return cl;
  }

  private static final Set<String> NODE_COMMANDS = Set.of("standalone", "nameserver", "broker");

  /** A command line that does not parse: one line naming the problem, then where help is. */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    String command = cl.getCommandSpec().qualifiedName();
    PrintWriter err = cl.getErr();
    err.println(command + ": " + e.getMessage() + " (see '" + command + " --help')");
    err.flush();
    return CommandLine.ExitCode.USAGE;
  }

  private static int failure(
      Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    int status;
    String message;
    if (e instanceof ConfigException) {
      status = CommandLine.ExitCode.USAGE;
      message = "configuration error: " + e.getMessage();
    } else if (e instanceof LaunchException) {
      status = CommandLine.ExitCode.SOFTWARE;
      message = e.getMessage();
    } else {
      status = CommandLine.ExitCode.SOFTWARE;
      message = "failed: " + e + " (the log has the stack trace)";
    }
    // The stack trace goes to the log file only (logger kite.fatal); the terminal gets one line.
    LoggerFactory.getLogger("kite.fatal").error(message, e);
    err.println(commandLine.getCommandSpec().qualifiedName() + ": " + message);
    err.flush();
    return status;
  }
}
