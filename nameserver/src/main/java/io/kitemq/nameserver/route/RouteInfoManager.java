package io.kitemq.nameserver.route;

import io.kitemq.common.topic.TopicConfig;
import io.kitemq.common.topic.TopicPermission;
import io.kitemq.nameserver.route.RouteTables.BrokerEntry;
import io.kitemq.nameserver.route.RouteTables.LiveInfo;
import io.kitemq.remoting.protocol.body.BrokerData;
import io.kitemq.remoting.protocol.body.BrokerMemberGroup;
import io.kitemq.remoting.protocol.body.ClusterInfo;
import io.kitemq.remoting.protocol.body.DataVersion;
import io.kitemq.remoting.protocol.body.QueueData;
import io.kitemq.remoting.protocol.body.TopicRouteData;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The name server's routing tables: which brokers are alive, which broker names make up which
 * cluster, and which broker names hold which topics with how many queues.
 *
 * <p>Brokers register every 30 s with all their topic configurations; a broker not heard from for
 * its expiry time ({@link #scanNotActiveBroker()}, driven by the injected clock) or whose
 * connection closes ({@link #onChannelDestroy(Channel)}) is removed, and with the last address of a
 * broker name its queues leave every route. Within a broker name the master (id 0) or, for 5.x
 * brokers, the slave with the smallest id ("prime slave") decides the topic queues.
 *
 * <p>Topic lists, deletion and permissions live in {@link #topics()}.
 *
 * <p>Thread-safety: one read-write lock guards all tables; route queries take the read lock and
 * return immutable snapshots.
 */
public final class RouteInfoManager {

  private static final Logger LOG = LoggerFactory.getLogger(RouteInfoManager.class);

  private final RouteTables tables = new RouteTables();
  private final TopicCatalog topics = new TopicCatalog(tables);
  private final RouteViews views = new RouteViews(tables);
  // Short names for the tables, which every method below uses under tables.lock.
  private final ReentrantReadWriteLock lock = tables.lock;
  private final Map<String, Map<String, QueueData>> topicQueueTable = tables.topicQueueTable;
  private final Map<String, BrokerEntry> brokerAddrTable = tables.brokerAddrTable;
  private final Map<String, Set<String>> clusterAddrTable = tables.clusterAddrTable;
  private final Map<BrokerAddress, LiveInfo> brokerLiveTable = tables.brokerLiveTable;
  private final Map<BrokerAddress, List<String>> filterServerTable = tables.filterServerTable;

  private final LongSupplier clock;
  private final long defaultExpiryMillis;
  private final BooleanSupplier deleteTopicsMissingFromRegistration;

  /**
   * @param clock milliseconds "now" (tests step it)
   * @param defaultExpiryMillis silence after which a broker without its own timeout expires
   * @param deleteTopicsMissingFromRegistration whether a registration drops the broker name's
   *     topics it no longer lists (asked on every registration, so it may change at run time)
   */
  public RouteInfoManager(
      LongSupplier clock,
      long defaultExpiryMillis,
      BooleanSupplier deleteTopicsMissingFromRegistration) {
    this.clock = clock;
    this.defaultExpiryMillis = defaultExpiryMillis;
    this.deleteTopicsMissingFromRegistration = deleteTopicsMissingFromRegistration;
  }

  /** A manager that never drops topics on registration. */
  public RouteInfoManager(LongSupplier clock, long defaultExpiryMillis) {
    this(clock, defaultExpiryMillis, () -> false);
  }

  /** Topic lists, topic deletion and write permissions over the same tables. */
  public TopicCatalog topics() {
    return topics;
  }

  /**
   * Records a registration.
   *
   * @return the master information for a slave, or null when the registration is refused (a
   *     single-topic registration from a broker that has not registered in full yet)
   */
  public RegisterBrokerResult registerBroker(BrokerRegistration r) {
    lock.writeLock().lock();
    try {
      return registerLocked(r);
    } finally {
      lock.writeLock().unlock();
    }
  }

  private RegisterBrokerResult registerLocked(BrokerRegistration r) {
    clusterAddrTable.computeIfAbsent(r.clusterName(), c -> new HashSet<>()).add(r.brokerName());
    BrokerEntry broker = brokerAddrTable.get(r.brokerName());
    boolean registerFirst = broker == null;
    if (broker == null) {
      broker = new BrokerEntry(r.clusterName(), r.brokerName());
      brokerAddrTable.put(r.brokerName(), broker);
    }
    boolean oldVersionBroker = r.enableActingMaster() == null;
    broker.enableActingMaster = !oldVersionBroker && r.enableActingMaster();
    broker.zoneName = r.zoneName();
    TreeMap<Long, String> addrs = broker.addrs;
    // One address has one id: a slave turned master first loses its old id.
    addrs
        .entrySet()
        .removeIf(e -> e.getValue().equals(r.brokerAddr()) && e.getKey() != r.brokerId());

    String oldAddr = addrs.get(r.brokerId());
    if (oldAddr != null && !oldAddr.equals(r.brokerAddr())) {
      LiveInfo old = brokerLiveTable.get(new BrokerAddress(r.clusterName(), oldAddr));
      if (old != null && old.dataVersion.stateVersion() > r.topics().dataVersion().stateVersion()) {
        LOG.warn(
            "refused registration of {} as {}/{}: {} holds that id with a newer state version",
            r.brokerAddr(),
            r.brokerName(),
            r.brokerId(),
            oldAddr);
        brokerLiveTable.remove(new BrokerAddress(r.clusterName(), r.brokerAddr()));
        return RegisterBrokerResult.NO_MASTER;
      }
    }
    if (!addrs.containsKey(r.brokerId()) && r.topics().topicConfigTable().size() == 1) {
      LOG.warn(
          "refused single-topic registration of {} before its full registration", r.brokerAddr());
      return null;
    }
    String previous = addrs.put(r.brokerId(), r.brokerAddr());
    registerFirst = registerFirst || previous == null;

    BrokerAddress key = new BrokerAddress(r.clusterName(), r.brokerAddr());
    boolean isMaster = r.brokerId() == BrokerData.MASTER_ID;
    boolean isPrimeSlave = !oldVersionBroker && !isMaster && r.brokerId() == addrs.firstKey();
    boolean versionChanged = isBrokerTopicConfigChangedLocked(key, r.topics().dataVersion());
    if (isMaster || isPrimeSlave) {
      updateTopics(r, broker, registerFirst, versionChanged, isPrimeSlave);
    }
    LiveInfo prev =
        brokerLiveTable.put(
            key,
            new LiveInfo(
                clock.getAsLong(),
                r.heartbeatTimeoutMillis() == null
                    ? defaultExpiryMillis
                    : r.heartbeatTimeoutMillis(),
                r.topics().dataVersion(),
                r.channel(),
                r.haServerAddr()));
    if (prev == null || versionChanged) {
      LOG.info(
          "broker {} {}: cluster={} name={} id={} topics={} dataVersion={}",
          r.brokerAddr(),
          prev == null ? "registered" : "updated",
          r.clusterName(),
          r.brokerName(),
          r.brokerId(),
          r.topics().topicConfigTable().size(),
          r.topics().dataVersion().counter());
    }
    if (r.filterServerList().isEmpty()) {
      filterServerTable.remove(key);
    } else {
      filterServerTable.put(key, r.filterServerList());
    }
    if (!isMaster) {
      String masterAddr = addrs.get(BrokerData.MASTER_ID);
      LiveInfo master =
          masterAddr == null
              ? null
              : brokerLiveTable.get(new BrokerAddress(r.clusterName(), masterAddr));
      if (master != null) {
        return new RegisterBrokerResult(master.haServerAddr, masterAddr);
      }
    }
    return RegisterBrokerResult.NO_MASTER;
  }

  private void updateTopics(
      BrokerRegistration r,
      BrokerEntry broker,
      boolean registerFirst,
      boolean versionChanged,
      boolean isPrimeSlave) {
    String brokerName = r.brokerName();
    Map<String, TopicConfig> table = r.topics().topicConfigTable();
    if (deleteTopicsMissingFromRegistration.getAsBoolean()) {
      topicQueueTable
          .entrySet()
          .removeIf(
              e ->
                  !table.containsKey(e.getKey())
                      && e.getValue().remove(brokerName) != null
                      && e.getValue().isEmpty());
    }
    for (TopicConfig config : table.values()) {
      Map<String, QueueData> queues = topicQueueTable.get(config.topicName());
      boolean missing = queues == null || !queues.containsKey(brokerName);
      if (!(registerFirst || versionChanged || missing)) {
        continue;
      }
      int perm = config.perm();
      if (isPrimeSlave && broker.enableActingMaster) {
        perm &= ~TopicPermission.WRITE;
      }
      QueueData data =
          new QueueData(
              brokerName,
              config.readQueueNums(),
              config.writeQueueNums(),
              perm,
              config.topicSysFlag());
      topicQueueTable
          .computeIfAbsent(config.topicName(), t -> new HashMap<>())
          .put(brokerName, data);
    }
  }

  /** Removes one broker address, as on UNREGISTER_BROKER. */
  public void unregisterBroker(String clusterName, String brokerAddr, String brokerName) {
    lock.writeLock().lock();
    try {
      unregisterLocked(clusterName, brokerAddr, brokerName, "unregistered");
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void unregisterLocked(
      String clusterName, String brokerAddr, String brokerName, String why) {
    BrokerAddress key = new BrokerAddress(clusterName, brokerAddr);
    boolean known = brokerLiveTable.remove(key) != null;
    filterServerTable.remove(key);
    BrokerEntry broker = brokerAddrTable.get(brokerName);
    boolean nameRemoved = false;
    if (broker != null) {
      known |= broker.addrs.values().removeIf(brokerAddr::equals);
      if (broker.addrs.isEmpty()) {
        brokerAddrTable.remove(brokerName);
        nameRemoved = true;
      }
    }
    if (nameRemoved) {
      Set<String> names = clusterAddrTable.get(clusterName);
      if (names != null && names.remove(brokerName) && names.isEmpty()) {
        clusterAddrTable.remove(clusterName);
      }
      topicQueueTable
          .entrySet()
          .removeIf(e -> e.getValue().remove(brokerName) != null && e.getValue().isEmpty());
    } else if (broker != null && broker.enableActingMaster && broker.addrs.firstKey() > 0) {
      // The master is gone and a slave acts for it: nobody may write to its queues.
      for (Map<String, QueueData> queues : topicQueueTable.values()) {
        queues.computeIfPresent(
            brokerName, (n, q) -> q.withPerm(q.perm() & ~TopicPermission.WRITE));
      }
    }
    if (known) {
      LOG.info("broker {} {}: cluster={} name={}", brokerAddr, why, clusterName, brokerName);
    }
  }

  /** Removes every broker registered over {@code channel} (its connection closed). */
  public void onChannelDestroy(Channel channel) {
    lock.writeLock().lock();
    try {
      List<BrokerAddress> gone = new ArrayList<>();
      brokerLiveTable.forEach(
          (key, live) -> {
            if (live.channel == channel) {
              gone.add(key);
            }
          });
      for (BrokerAddress key : gone) {
        removeByAddressLocked(key, "removed: connection closed");
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Removes brokers silent for longer than their expiry time and closes their connections.
   *
   * @return how many brokers were removed
   */
  public int scanNotActiveBroker() {
    long now = clock.getAsLong();
    List<Channel> toClose = new ArrayList<>();
    int removed = 0;
    lock.writeLock().lock();
    try {
      List<BrokerAddress> expired = new ArrayList<>();
      brokerLiveTable.forEach(
          (key, live) -> {
            if (live.lastUpdateMillis + live.timeoutMillis < now) {
              expired.add(key);
              if (live.channel != null) {
                toClose.add(live.channel);
              }
            }
          });
      for (BrokerAddress key : expired) {
        removeByAddressLocked(key, "expired");
        removed++;
      }
    } finally {
      lock.writeLock().unlock();
    }
    toClose.forEach(Channel::close);
    return removed;
  }

  private void removeByAddressLocked(BrokerAddress key, String why) {
    for (BrokerEntry broker : brokerAddrTable.values()) {
      if (broker.cluster.equals(key.clusterName())
          && broker.addrs.containsValue(key.brokerAddr())) {
        unregisterLocked(key.clusterName(), key.brokerAddr(), broker.brokerName, why);
        return;
      }
    }
    brokerLiveTable.remove(key);
    filterServerTable.remove(key);
  }

  /** Whether {@code version} differs from the last one the broker registered (or it is unknown). */
  public boolean isBrokerTopicConfigChanged(
      String clusterName, String brokerAddr, DataVersion version) {
    lock.readLock().lock();
    try {
      return isBrokerTopicConfigChangedLocked(new BrokerAddress(clusterName, brokerAddr), version);
    } finally {
      lock.readLock().unlock();
    }
  }

  private boolean isBrokerTopicConfigChangedLocked(BrokerAddress key, DataVersion version) {
    LiveInfo live = brokerLiveTable.get(key);
    return live == null || !live.dataVersion.equals(version);
  }

  /** The data version the broker last registered, or null. */
  public DataVersion queryBrokerTopicConfig(String clusterName, String brokerAddr) {
    lock.readLock().lock();
    try {
      LiveInfo live = brokerLiveTable.get(new BrokerAddress(clusterName, brokerAddr));
      return live == null ? null : live.dataVersion;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Marks the broker as heard from now (QUERY_DATA_VERSION counts as a heartbeat). */
  public void updateBrokerInfoUpdateTimestamp(String clusterName, String brokerAddr) {
    lock.readLock().lock();
    try {
      LiveInfo live = brokerLiveTable.get(new BrokerAddress(clusterName, brokerAddr));
      if (live != null) {
        live.lastUpdateMillis = clock.getAsLong();
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The topic's route, or null when no live broker holds it. */
  public TopicRouteData pickupTopicRouteData(String topic) {
    return pickupTopicRouteData(topic, false);
  }

  /**
   * The topic's route, or null when no live broker holds it.
   *
   * @param actingMaster when a broker name in acting-master mode has lost its master and its queues
   *     are read-only, present its smallest-id slave as id 0 so that clients read from it
   *     (RocketMQ's {@code supportActingMaster})
   */
  public TopicRouteData pickupTopicRouteData(String topic, boolean actingMaster) {
    return views.route(topic, actingMaster);
  }

  /** The addresses of every member of {@code brokerName} (empty when unknown). */
  public BrokerMemberGroup brokerMemberGroup(String clusterName, String brokerName) {
    return views.memberGroup(clusterName, brokerName);
  }

  /** Every broker name with its addresses, and every cluster with its broker names. */
  public ClusterInfo clusterInfo() {
    return views.clusterInfo();
  }
}
