package io.kitemq.server;

import io.kitemq.server.config.LayeredConfig;
import io.kitemq.server.config.Section;
import picocli.CommandLine.Option;

/** The HTTP port flag every server command takes. */
final class HttpOptions {

  @Option(
      names = "--http-port",
      paramLabel = "<port>",
      description =
          "HTTP port for /metrics and the web console (httpPort; default 5483 for a broker or"
              + " standalone node, 5484 for a name server; 0 picks a free one, -1 turns it off).")
  Integer httpPort;

  /** Registers this option with the start path's parser. */
  void flags(NodeFlags flags) {
    flags.value(v -> (httpPort = NodeFlags.plainInt(v)) != null, "--http-port");
  }

  /** Adds the flag as the strongest layer of {@code section}. */
  void apply(LayeredConfig.Builder layers, Section section) {
    if (httpPort != null) {
      layers.flag(section, "httpPort", httpPort.toString(), "--http-port");
    }
  }
}
