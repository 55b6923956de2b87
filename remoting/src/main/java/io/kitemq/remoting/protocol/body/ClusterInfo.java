package io.kitemq.remoting.protocol.body;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every registered broker (GET_BROKER_CLUSTER_INFO answer): broker name to its addresses, and
 * cluster name to its broker names. JSON: {@code
 * {"brokerAddrTable":{"broker-a":{BrokerData}},"clusterAddrTable":{"DefaultCluster":["broker-a"]}}}.
 * Immutable; maps and sets sorted by name.
 */
public record ClusterInfo(
    Map<String, BrokerData> brokerAddrTable, Map<String, Set<String>> clusterAddrTable) {

  public ClusterInfo {
    brokerAddrTable =
        brokerAddrTable == null
            ? Collections.emptySortedMap()
            : Collections.unmodifiableSortedMap(new TreeMap<>(brokerAddrTable));
    TreeMap<String, Set<String>> clusters = new TreeMap<>();
    if (clusterAddrTable != null) {
      clusterAddrTable.forEach(
          (cluster, names) -> {
            SortedSet<String> sorted = names == null ? new TreeSet<>() : new TreeSet<>(names);
            clusters.put(cluster, Collections.unmodifiableSortedSet(sorted));
          });
    }
    clusterAddrTable = Collections.unmodifiableSortedMap(clusters);
  }
}
