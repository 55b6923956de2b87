package io.kitemq.nameserver.route;

import io.kitemq.common.topic.SystemTopics;
import io.kitemq.common.topic.TopicPermission;
import io.kitemq.nameserver.route.RouteTables.BrokerEntry;
import io.kitemq.remoting.protocol.body.BrokerData;
import io.kitemq.remoting.protocol.body.BrokerMemberGroup;
import io.kitemq.remoting.protocol.body.ClusterInfo;
import io.kitemq.remoting.protocol.body.QueueData;
import io.kitemq.remoting.protocol.body.TopicRouteData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Immutable snapshots of the routing tables for clients and brokers: topic routes, cluster info,
 * broker member groups. Each takes the tables' read lock. Thread-safe.
 */
final class RouteViews {

  private final ReentrantReadWriteLock lock;
  private final Map<String, Map<String, QueueData>> topicQueueTable;
  private final Map<String, BrokerEntry> brokerAddrTable;
  private final Map<String, Set<String>> clusterAddrTable;
  private final Map<BrokerAddress, List<String>> filterServerTable;

  RouteViews(RouteTables tables) {
    this.lock = tables.lock;
    this.topicQueueTable = tables.topicQueueTable;
    this.brokerAddrTable = tables.brokerAddrTable;
    this.clusterAddrTable = tables.clusterAddrTable;
    this.filterServerTable = tables.filterServerTable;
  }

  /** See {@link RouteInfoManager#pickupTopicRouteData(String, boolean)}. */
  TopicRouteData route(String topic, boolean actingMaster) {
    lock.readLock().lock();
    try {
      Map<String, QueueData> queues = topicQueueTable.get(topic);
      if (queues == null || queues.isEmpty()) {
        return null;
      }
      List<QueueData> queueDatas = new ArrayList<>(queues.values());
      queueDatas.sort((a, b) -> a.brokerName().compareTo(b.brokerName()));
      List<BrokerData> brokerDatas = new ArrayList<>();
      Map<String, List<String>> filterServers = new TreeMap<>();
      for (QueueData q : queueDatas) {
        BrokerEntry broker = brokerAddrTable.get(q.brokerName());
        if (broker == null) {
          continue;
        }
        BrokerData data = broker.snapshot();
        if (actingMaster && !topic.startsWith(SystemTopics.SYNC_BROKER_MEMBER_GROUP_PREFIX)) {
          data = actingMasterView(data, q);
        }
        brokerDatas.add(data);
        for (String addr : broker.addrs.values()) {
          List<String> servers = filterServerTable.get(new BrokerAddress(broker.cluster, addr));
          if (servers != null) {
            filterServers.put(addr, servers);
          }
        }
      }
      if (brokerDatas.isEmpty()) {
        return null;
      }
      return new TopicRouteData(null, queueDatas, brokerDatas, filterServers);
    } finally {
      lock.readLock().unlock();
    }
  }

  private static BrokerData actingMasterView(BrokerData data, QueueData queues) {
    Map<Long, String> addrs = data.brokerAddrs();
    if (!data.enableActingMaster()
        || addrs.isEmpty()
        || addrs.containsKey(BrokerData.MASTER_ID)
        || TopicPermission.isWriteable(queues.perm())) {
      return data;
    }
    TreeMap<Long, String> acting = new TreeMap<>(addrs);
    String actingAddr = acting.pollFirstEntry().getValue();
    acting.put(BrokerData.MASTER_ID, actingAddr);
    return data.withBrokerAddrs(acting);
  }

  /** The addresses of every member of {@code brokerName} (empty when unknown). */
  BrokerMemberGroup memberGroup(String clusterName, String brokerName) {
    lock.readLock().lock();
    try {
      BrokerEntry broker = brokerAddrTable.get(brokerName);
      return new BrokerMemberGroup(
          clusterName, brokerName, broker == null ? Map.of() : broker.addrs);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Every broker name with its addresses, and every cluster with its broker names. */
  ClusterInfo clusterInfo() {
    lock.readLock().lock();
    try {
      Map<String, BrokerData> brokers = new TreeMap<>();
      brokerAddrTable.forEach((name, entry) -> brokers.put(name, entry.snapshot()));
      return new ClusterInfo(brokers, clusterAddrTable);
    } finally {
      lock.readLock().unlock();
    }
  }
}
