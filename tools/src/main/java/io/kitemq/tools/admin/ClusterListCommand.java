package io.kitemq.tools.admin;

import io.kitemq.client.ClientException;
import io.kitemq.client.admin.AdminClient;
import io.kitemq.remoting.protocol.body.BrokerData;
import io.kitemq.remoting.protocol.body.ClusterInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code clusterList}: every cluster, its brokers and their addresses. */
@Command(name = "clusterList", description = "List clusters and their brokers.")
final class ClusterListCommand extends AdminSubcommand {

  @Option(
      names = {"-c", "--clusterName"},
      description = "Only this cluster.")
  String cluster;

  /** One broker process. */
  record BrokerRow(String cluster, String brokerName, long brokerId, String addr) {}

  @Override
  void run(AdminClient admin) throws AdminFailure, ClientException, InterruptedException {
    ClusterInfo info = admin.clusterInfo();
    if (cluster != null && !info.clusterAddrTable().containsKey(cluster)) {
      throw new AdminFailure("cluster " + cluster + " not found");
    }
    List<BrokerRow> rows = new ArrayList<>();
    for (Map.Entry<String, Set<String>> c : new TreeMap<>(info.clusterAddrTable()).entrySet()) {
      if (cluster != null && !cluster.equals(c.getKey())) {
        continue;
      }
      for (String name : new TreeSet<>(c.getValue())) {
        BrokerData b = info.brokerAddrTable().get(name);
        if (b == null) {
          continue;
        }
        new TreeMap<>(b.brokerAddrs())
            .forEach((id, addr) -> rows.add(new BrokerRow(c.getKey(), name, id, addr)));
      }
    }
    Table table = new Table("#Cluster Name", "#Broker Name", "#BID", "#Addr");
    rows.forEach(r -> table.row(r.cluster(), r.brokerName(), r.brokerId(), r.addr()));
    print(table, rows);
  }
}
