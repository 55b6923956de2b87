package io.kitemq.tools.admin;

import io.kitemq.client.ClientException;
import io.kitemq.client.admin.AdminClient;
import io.kitemq.remoting.protocol.body.BrokerData;
import io.kitemq.remoting.protocol.body.ClusterInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code brokerStatus}: a broker's runtime statistics (GET_BROKER_RUNTIME_INFO), for one broker,
 * every broker of a cluster, or every registered broker.
 */
@Command(name = "brokerStatus", description = "Show brokers' runtime statistics.")
final class BrokerStatusCommand extends AdminSubcommand {

  @Option(
      names = {"-b", "--brokerAddr"},
      description = "Broker address (host:port).")
  String brokerAddr;

  @Option(
      names = {"-c", "--clusterName"},
      description = "Every broker of this cluster (default: every broker).")
  String cluster;

  @Override
  void run(AdminClient admin) throws AdminFailure, ClientException, InterruptedException {
    if (brokerAddr != null && cluster != null) {
      throw usage("give -b or -c, not both");
    }
    Map<String, Map<String, String>> stats = new LinkedHashMap<>();
    for (String addr : brokerAddr != null ? List.of(brokerAddr) : addresses(admin.clusterInfo())) {
      stats.put(addr, admin.brokerRuntimeInfo(addr));
    }
    if (json()) {
      printJson(stats);
      return;
    }
    for (Map.Entry<String, Map<String, String>> e : stats.entrySet()) {
      Table table = new Table("#Key (" + e.getKey() + ")", "#Value");
      e.getValue().forEach(table::row);
      table.print(out());
      out().println();
    }
  }

  private List<String> addresses(ClusterInfo info) throws AdminFailure {
    if (cluster != null && !info.clusterAddrTable().containsKey(cluster)) {
      throw new AdminFailure("cluster " + cluster + " not found");
    }
    List<String> out = new ArrayList<>();
    for (BrokerData b : new TreeMap<>(info.brokerAddrTable()).values()) {
      if (cluster == null || cluster.equals(b.cluster())) {
        out.addAll(new TreeMap<>(b.brokerAddrs()).values());
      }
    }
    if (out.isEmpty()) {
      throw new AdminFailure("no broker is registered");
    }
    return out;
  }
}
