package io.kitemq.server;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** A command that runs nodes ({@code standalone}, {@code nameserver}, {@code broker}). */
interface NodeCommand extends Callable<Integer> {

  /** The names node commands are called by on the command line, in the order help lists them. */
  List<String> NAMES = List.of("standalone", "nameserver", "broker");

  /** This command's options, bound to its fields, for the start path's parser. */
  NodeFlags flags();

  /**
   * A new command named {@code name} (one of {@link #NAMES}), reading overrides from {@code env}.
   */
  static NodeCommand create(String name, Map<String, String> env) {
    return switch (name) {
      case "standalone" -> new StandaloneCommand(env);
      case "nameserver" -> new NameServerCommand(env);
      case "broker" -> new BrokerCommand(env);
      default -> throw new IllegalArgumentException("not a node command: " + name);
    };
  }
}
