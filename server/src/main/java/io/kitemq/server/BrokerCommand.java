package io.kitemq.server;

import io.kitemq.broker.BrokerConfig;
import io.kitemq.console.ConsoleConfig;
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

/** {@code kite broker}: a broker alone, registering with the name servers it is given. */
@Command(
    name = "broker",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Run a broker: it stores messages and registers with the name servers.",
    footer = {
      "",
      "Configuration, weakest first: defaults < -c file (broker: and store: sections, or a"
          + " broker.conf) < KITE_BROKER_* / KITE_STORE_* environment < flags.",
      "Example: kite broker -port 10911 -name broker-a -cluster DefaultCluster"
          + " -nameserver 127.0.0.1:9876 -store /tmp/kite-store"
    })
final class BrokerCommand implements NodeCommand {

  private final Map<String, String> env;

  @Mixin CommonOptions common = new CommonOptions();

  @Mixin BrokerOptions broker = new BrokerOptions();

  @Mixin HttpOptions http = new HttpOptions();

  @Option(
      names = {"-port", "--port"},
      paramLabel = "<port>",
      description = "Port to listen on (listenPort, default 10911).")
  Integer port;

  @Option(
      names = {"-nameserver", "--nameserver"},
      paramLabel = "<addresses>",
      description =
          "Name servers to register with, host:port;host:port (namesrvAddr, default"
              + " 127.0.0.1:9876).")
  String nameserver;

  BrokerCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public NodeFlags flags() {
    NodeFlags flags = new NodeFlags();
    common.flags(flags);
    broker.flags(flags);
    http.flags(flags);
    flags.value(v -> (port = NodeFlags.plainInt(v)) != null, "-port", "--port");
    flags.value(v -> (nameserver = v) != null, "-nameserver", "--nameserver");
    return flags;
  }

  @Override
  public Integer call() {
    Logging.init("broker", common.logLevel);
    Set<Section> sections = Set.of(Section.BROKER, Section.STORE);
    LayeredConfig.Builder layers = Configs.layers(sections, common.configFile(), sections, env);
    broker.apply(layers);
    http.apply(layers, Section.BROKER);
    if (port != null) {
      layers.flag(Section.BROKER, "listenPort", port.toString(), "--port");
    }
    if (nameserver != null) {
      layers.flag(Section.BROKER, "namesrvAddr", nameserver, "--nameserver");
    }
    LayeredConfig config = layers.build();
    config.warnings().forEach(w -> LoggerFactory.getLogger(BrokerCommand.class).warn(w));
    BrokerConfig brokerConfig = Configs.broker(config, Map.of());
    ConsoleConfig console =
        Configs.console(config, Section.BROKER, ConsoleConfig.DEFAULT_BROKER_PORT);
    BrokerNode node =
        new BrokerNode(
            () -> brokerConfig,
            "-port or KITE_BROKER_LISTEN_PORT",
            "-store or KITE_STORE_STORE_PATH_ROOT_DIR");
    List<Node> nodes = new ArrayList<>(List.of(node));
    if (console.enabled()) {
      HttpNode httpNode = new HttpNode(console, "--http-port or KITE_BROKER_HTTP_PORT");
      node.beforeStart(httpNode::watch);
      nodes.add(httpNode);
    }
    return new Launcher("broker")
        .run(
            nodes, "store " + brokerConfig.storeConfig().storePathRootDir(), common.exitAfterReady);
  }
}
