package io.kitemq.remoting.protocol.body;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The addresses of one broker name: broker id to {@code host:port}, id 0 ({@link #MASTER_ID}) being
 * the master and ids from 1 the slaves. JSON: {@code
 * {"brokerAddrs":{"0":"10.0.0.1:10911"},"brokerName":"broker-a","cluster":"DefaultCluster",
 * "enableActingMaster":false}} ({@code zoneName} only when set). Immutable; {@link #brokerAddrs()}
 * is sorted by id.
 *
 * @param cluster cluster name
 * @param brokerName broker name
 * @param brokerAddrs broker id to address (null reads as empty)
 * @param enableActingMaster whether a slave may act as master when the master is gone
 * @param zoneName zone of the broker, or null
 */
public record BrokerData(
    String cluster,
    String brokerName,
    Map<Long, String> brokerAddrs,
    boolean enableActingMaster,
    String zoneName) {

  /** Broker id of the master of a broker name. */
  public static final long MASTER_ID = 0L;

  public BrokerData {
    brokerAddrs =
        brokerAddrs == null
            ? Collections.emptySortedMap()
            : Collections.unmodifiableSortedMap(new TreeMap<>(brokerAddrs));
  }

  /** Broker data without acting-master mode or zone. */
  public BrokerData(String cluster, String brokerName, Map<Long, String> brokerAddrs) {
    this(cluster, brokerName, brokerAddrs, false, null);
  }

  /** The master's address, or null when no master is registered. */
  public String masterAddr() {
    return brokerAddrs.get(MASTER_ID);
  }

  /** The same broker data with other addresses. */
  public BrokerData withBrokerAddrs(Map<Long, String> addrs) {
    return new BrokerData(cluster, brokerName, addrs, enableActingMaster, zoneName);
  }
}
