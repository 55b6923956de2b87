package io.kitemq.server;

import io.kitemq.broker.BrokerConfig;
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

/**
 * {@code kite standalone}: a name server and a broker in one JVM, the broker registered with that
 * name server, topics created on their first send. Both configs are validated before either starts;
 * the name server starts first and stops last.
 */
@Command(
    name = "standalone",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Run a name server and a broker in one JVM: one node to develop and test against.",
    footer = {
      "",
      "Configuration, weakest first: defaults < -c file (namesrv:, broker:, store: sections, or a"
          + " broker.conf) < KITE_NAMESRV_* / KITE_BROKER_* / KITE_STORE_* environment < flags.",
      "The broker always registers with the embedded name server.",
      "Example: kite standalone -store /tmp/kite-store"
    })
final class StandaloneCommand implements NodeCommand {

  private static final Set<Section> ALL = Set.of(Section.NAMESRV, Section.BROKER, Section.STORE);

  private final Map<String, String> env;

  @Mixin CommonOptions common = new CommonOptions();

  @Mixin BrokerOptions broker = new BrokerOptions();

  @Mixin HttpOptions http = new HttpOptions();

  @Option(
      names = "--nameserver-port",
      paramLabel = "<port>",
      description = "Name server port (namesrv listenPort, default 9876; 0 picks a free one).")
  Integer nameserverPort;

  @Option(
      names = "--broker-port",
      paramLabel = "<port>",
      description = "Broker port (broker listenPort, default 10911; 0 picks a free one).")
  Integer brokerPort;

  StandaloneCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public NodeFlags flags() {
    NodeFlags flags = new NodeFlags();
    common.flags(flags);
    broker.flags(flags);
    http.flags(flags);
    flags.value(v -> (nameserverPort = NodeFlags.plainInt(v)) != null, "--nameserver-port");
    flags.value(v -> (brokerPort = NodeFlags.plainInt(v)) != null, "--broker-port");
    return flags;
  }

  @Override
  public Integer call() {
    Logging.init("standalone", common.logLevel);
    LayeredConfig.Builder layers =
        Configs.layers(ALL, common.configFile(), Set.of(Section.BROKER, Section.STORE), env);
    layers.defaults(Section.BROKER, Map.of("autoCreateTopicEnable", "true"));
    broker.apply(layers);
    http.apply(layers, Section.BROKER);
    if (nameserverPort != null) {
      layers.flag(Section.NAMESRV, "listenPort", nameserverPort.toString(), "--nameserver-port");
    }
    if (brokerPort != null) {
      layers.flag(Section.BROKER, "listenPort", brokerPort.toString(), "--broker-port");
    }
    LayeredConfig config = layers.build();
    config.warnings().forEach(w -> LoggerFactory.getLogger(StandaloneCommand.class).warn(w));
    NameServerConfig ns = Configs.nameServer(config);
    // Validate the broker's settings before anything starts; the real address comes after.
    BrokerConfig checked = Configs.broker(config, embedded(Math.max(ns.listenPort(), 1)));
    ConsoleConfig console =
        Configs.console(config, Section.BROKER, ConsoleConfig.DEFAULT_BROKER_PORT);
    NameServerNode nameServer =
        new NameServerNode(ns, "--nameserver-port or KITE_NAMESRV_LISTEN_PORT");
    BrokerNode brokerNode =
        new BrokerNode(
            () -> Configs.broker(config, embedded(nameServer.port())),
            "--broker-port or KITE_BROKER_LISTEN_PORT",
            "-store or KITE_STORE_STORE_PATH_ROOT_DIR");
    List<Node> nodes = new ArrayList<>(List.of(nameServer, brokerNode));
    if (console.enabled()) {
      HttpNode httpNode = new HttpNode(console, "--http-port or KITE_BROKER_HTTP_PORT");
      httpNode.watch(nameServer, ns.bindAddress() + ":" + ns.listenPort());
      brokerNode.beforeStart(httpNode::watch);
      nodes.add(httpNode);
    }
    return new Launcher("standalone")
        .run(nodes, "store " + checked.storeConfig().storePathRootDir(), common.exitAfterReady);
  }

  private static Map<String, String> embedded(int nameServerPort) {
    return Map.of("namesrvAddr", "127.0.0.1:" + nameServerPort);
  }
}
