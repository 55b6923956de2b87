package io.kitemq.tools.admin;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kite admin <command>}: cluster, topic, group and message operations named after Apache
 * RocketMQ's {@code mqadmin}, over the remoting protocol, so they work against KiteMQ and Apache
 * RocketMQ clusters alike.
 *
 * <p>Exit status: 0 on success, 1 when the operation failed (one line on stderr naming what), 2 for
 * a command line that does not parse.
 */
@Command(
    name = "admin",
    description = "Cluster, topic, group and message administration.",
    subcommands = {
      ClusterListCommand.class,
      TopicListCommand.class,
      TopicRouteCommand.class,
      TopicStatusCommand.class,
      UpdateTopicCommand.class,
      DeleteTopicCommand.class,
      UpdateSubGroupCommand.class,
      ConsumerProgressCommand.class,
      ConsumerConnectionCommand.class,
      QueryMsgByIdCommand.class,
      QueryMsgByKeyCommand.class,
      SendMessageCommand.class,
      ConsumeMessageCommand.class,
      BrokerStatusCommand.class,
      MonitorCommand.class
    })
public final class AdminCommand implements Runnable {

  private final Map<String, String> env;

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  /**
   * @param env the environment the name server address may come from ({@code NAMESRV_ADDR}, {@code
   *     KITE_NAMESRV_ADDR})
   */
  public AdminCommand(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  Map<String, String> env() {
    return env;
  }

  /** Without a command: a usage error listing the commands. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /**
   * The {@code admin} command tree reading {@code env}, with usage errors reported as one line and
   * exit status 2. Add it to a parent command or execute it on its own.
   */
  public static CommandLine commandLine(Map<String, String> env) {
    CommandLine cl = new CommandLine(new AdminCommand(env));
    cl.setParameterExceptionHandler(AdminCommand::usageError);
    return cl;
  }

  /** Runs {@code kite admin} on its own: {@code java io.kitemq.tools.admin.AdminCommand ...}. */
  public static void main(String[] args) {
    System.exit(commandLine(System.getenv()).execute(args));
  }

  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    String command = AdminSubcommand.qualified(cl.getCommandSpec());
    PrintWriter err = cl.getErr();
    err.println(command + ": " + e.getMessage() + " (see '" + command + " --help')");
    err.flush();
    return CommandLine.ExitCode.USAGE;
  }
}
