package io.kitemq.server;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kite}: the top-level command; it only lists the others. */
@Command(
    name = "kite",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "KiteMQ, a message queue wire-compatible with Apache RocketMQ.",
    footer = {"", "Run 'kite <command> --help' for a command's options."})
final class KiteCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return CommandLine.ExitCode.USAGE;
  }
}
