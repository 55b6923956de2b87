package io.kitemq.server;

import io.kitemq.server.config.LayeredConfig;
import io.kitemq.server.config.Section;
import picocli.CommandLine.Option;

/** The broker flags {@code kite broker} and {@code kite standalone} share. */
final class BrokerOptions {

  @Option(
      names = {"-name", "--name"},
      paramLabel = "<name>",
      description = "Broker name (brokerName, default broker-a).")
  String name;

  @Option(
      names = {"-cluster", "--cluster"},
      paramLabel = "<cluster>",
      description = "Cluster name (brokerClusterName, default DefaultCluster).")
  String cluster;

  @Option(
      names = {"-store", "--store"},
      paramLabel = "<dir>",
      description = "Store directory (storePathRootDir, default data/store).")
  String store;

  /** Registers these options with the start path's parser. */
  void flags(NodeFlags flags) {
    flags.value(v -> (name = v) != null, "-name", "--name");
    flags.value(v -> (cluster = v) != null, "-cluster", "--cluster");
    flags.value(v -> (store = v) != null, "-store", "--store");
  }

  /** Adds the flags given as the strongest layer. */
  void apply(LayeredConfig.Builder layers) {
    if (name != null) {
      layers.flag(Section.BROKER, "brokerName", name, "--name");
    }
    if (cluster != null) {
      layers.flag(Section.BROKER, "brokerClusterName", cluster, "--cluster");
    }
    if (store != null) {
      layers.flag(Section.STORE, "storePathRootDir", store, "--store");
    }
  }
}
