package io.kitemq.tools.admin;

import picocli.CommandLine.Option;

/** Options every admin command takes: the name server and the output format. */
final class CommonOptions {

  @Option(
      names = {"-n", "--namesrvAddr"},
      paramLabel = "<host:port[;host:port]>",
      description =
          "Name server address(es); default: env NAMESRV_ADDR or KITE_NAMESRV_ADDR, else"
              + " 127.0.0.1:9876.")
  String namesrvAddr;

  @Option(names = "--json", description = "Print machine-readable JSON instead of a table.")
  boolean json;
}
