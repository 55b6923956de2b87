package io.kitemq.nameserver.route;

import io.kitemq.remoting.protocol.body.BrokerData;
import io.kitemq.remoting.protocol.body.DataVersion;
import io.kitemq.remoting.protocol.body.QueueData;
import io.netty.channel.Channel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The name server's tables, shared by {@link RouteInfoManager} and {@link TopicCatalog}. Not
 * thread-safe by itself: every access holds {@link #lock} (read for queries, write for changes).
 */
final class RouteTables {

  final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  /** topic -> broker name -> queues. */
  final Map<String, Map<String, QueueData>> topicQueueTable = new HashMap<>();

  /** broker name -> addresses. */
  final Map<String, BrokerEntry> brokerAddrTable = new HashMap<>();

  /** cluster -> broker names. */
  final Map<String, Set<String>> clusterAddrTable = new HashMap<>();

  /** broker address -> liveness. */
  final Map<BrokerAddress, LiveInfo> brokerLiveTable = new HashMap<>();

  /** broker address -> legacy filter servers. */
  final Map<BrokerAddress, List<String>> filterServerTable = new HashMap<>();

  /** A broker name's addresses; mutable, guarded by the tables' lock. */
  static final class BrokerEntry {
    final String cluster;
    final String brokerName;
    final TreeMap<Long, String> addrs = new TreeMap<>();
    boolean enableActingMaster;
    String zoneName;

    BrokerEntry(String cluster, String brokerName) {
      this.cluster = cluster;
      this.brokerName = brokerName;
    }

    BrokerData snapshot() {
      return new BrokerData(cluster, brokerName, addrs, enableActingMaster, zoneName);
    }
  }

  /** Liveness of one broker address; the timestamp is also updated under the read lock. */
  static final class LiveInfo {
    volatile long lastUpdateMillis;
    final long timeoutMillis;
    final DataVersion dataVersion;
    final Channel channel;
    final String haServerAddr;

    LiveInfo(
        long lastUpdateMillis,
        long timeoutMillis,
        DataVersion dataVersion,
        Channel channel,
        String haServerAddr) {
      this.lastUpdateMillis = lastUpdateMillis;
      this.timeoutMillis = timeoutMillis;
      this.dataVersion = dataVersion;
      this.channel = channel;
      this.haServerAddr = haServerAddr;
    }
  }
}
