package io.kitemq.remoting.protocol.body;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The members of one broker name: broker id to address. JSON: {@code
 * {"brokerAddrs":{"0":"host:port"},"brokerName":"broker-a","cluster":"DefaultCluster"}}. Immutable;
 * sorted by id.
 */
public record BrokerMemberGroup(String cluster, String brokerName, Map<Long, String> brokerAddrs) {

  public BrokerMemberGroup {
    brokerAddrs =
        brokerAddrs == null
            ? Collections.emptySortedMap()
            : Collections.unmodifiableSortedMap(new TreeMap<>(brokerAddrs));
  }
}
