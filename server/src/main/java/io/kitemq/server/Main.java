package io.kitemq.server;

import io.kitemq.tools.admin.AdminCommand;
import io.kitemq.tools.bench.BenchCommand;
import java.io.PrintWriter;
import java.util.Map;
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
    System.exit(execute(args, System.getenv(), new PrintWriter(System.err, true)));
  }

  /**
   * Parses and runs a command line; returns when the command ends. A node command's plain line is
   * read by {@link NodeFlags} without loading picocli; any other line, and any node command line
   * that parser does not fully understand, goes to picocli.
   *
   * @param env the environment to read {@code KITE_*} overrides from
   * @param err where usage and start errors go (picocli's own output keeps the standard streams)
   * @return the exit status
   */
  static int execute(String[] args, Map<String, String> env, PrintWriter err) {
    String first = args.length == 0 ? null : args[0];
    if (first != null && NodeCommand.NAMES.contains(first)) {
      Prewarm.start();
      NodeCommand command = NodeCommand.create(first, env);
      if (command.flags().parse(args, 1)) {
        try {
          return command.call();
        } catch (Exception e) {
          return Failures.report(e, "kite " + first, err);
        }
      }
    }
    CommandLine full = commandLine(env, first);
    full.setErr(err);
    return full.execute(args);
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
    boolean all = first == null || !NodeCommand.NAMES.contains(first);
    CommandLine cl = new CommandLine(new KiteCommand());
    for (String name : NodeCommand.NAMES) {
      if (all || name.equals(first)) {
        cl.addSubcommand(new CommandLine(NodeCommand.create(name, env)));
      }
    }
    if (all) {
      cl.addSubcommand(AdminCommand.commandLine(env));
      cl.addSubcommand(new CommandLine(new BenchCommand()));
    }
    cl.setExecutionExceptionHandler(Main::failure);
    cl.setParameterExceptionHandler(Main::usageError);
    return cl;
  }

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
    return Failures.report(e, commandLine.getCommandSpec().qualifiedName(), commandLine.getErr());
  }
}
