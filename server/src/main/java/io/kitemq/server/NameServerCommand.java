package io.kitemq.server;

import io.kitemq.console.ConsoleConfig;
import io.kitemq.nameserver.NameServerConfig;
import io.kitemq.server.config.LayeredConfig;
import io.kitemq.server.config.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kite nameserver}: a name server alone. */
@Command(
    name = "nameserver",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Run a name server: brokers register with it, clients ask it for routes.",
    footer = {
      "",
      "Configuration, weakest first: defaults < -c file (namesrv: section or a namesrv.conf)"
          + " < KITE_NAMESRV_* environment < flags.",
      "Example: kite nameserver -port 9876"
    })
final class NameServerCommand implements NodeCommand {

  private final Map<String, String> env;

  @Mixin CommonOptions common = new CommonOptions();

  @Mixin HttpOptions http = new HttpOptions();

  @Option(
      names = {"-port", "--port"},
      paramLabel = "<port>",
      description = "Port to listen on (listenPort, default 9876; 0 picks a free one).")
  Integer port;

  NameServerCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public NodeFlags flags() {
    NodeFlags flags = new NodeFlags();
    common.flags(flags);
    http.flags(flags);
    flags.value(v -> (port = NodeFlags.plainInt(v)) != null, "-port", "--port");
    return flags;
  }

  @Override
  public Integer call() {
    Logging.init("nameserver", common.logLevel);
    LayeredConfig.Builder layers =
        Configs.layers(Set.of(Section.NAMESRV), common.configFile(), Set.of(Section.NAMESRV), env);
    if (port != null) {
      layers.flag(Section.NAMESRV, "listenPort", port.toString(), "--port");
    }
    http.apply(layers, Section.NAMESRV);
    LayeredConfig config = layers.build();
    config.warnings().forEach(w -> LoggerFactory.getLogger(NameServerCommand.class).warn(w));
    NameServerConfig ns = Configs.nameServer(config);
    ConsoleConfig console =
        Configs.console(config, Section.NAMESRV, ConsoleConfig.DEFAULT_NAMESRV_PORT);
    NameServerNode node = new NameServerNode(ns, "-port or KITE_NAMESRV_LISTEN_PORT");
    List<Node> nodes = new ArrayList<>(List.of(node));
    if (console.enabled()) {
      HttpNode httpNode = new HttpNode(console, "--http-port or KITE_NAMESRV_HTTP_PORT");
      httpNode.watch(node, ns.bindAddress() + ":" + ns.listenPort());
      nodes.add(httpNode);
    }
    return new Launcher("name server").run(nodes, "", common.exitAfterReady);
  }
}
