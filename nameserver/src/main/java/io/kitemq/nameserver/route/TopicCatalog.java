package io.kitemq.nameserver.route;

import io.kitemq.common.topic.TopicPermission;
import io.kitemq.nameserver.route.RouteTables.BrokerEntry;
import io.kitemq.remoting.protocol.body.QueueData;
import io.kitemq.remoting.protocol.body.TopicList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topic side of the routing tables: topic lists (all, per cluster, system, unit), single-topic
 * registration, topic deletion and the broker write-permission switches. Obtained from {@link
 * RouteInfoManager#topics()}; shares its tables and lock. Thread-safe.
 */
public final class TopicCatalog {

  private static final Logger LOG = LoggerFactory.getLogger(TopicCatalog.class);

  private static final int UNIT_FLAG = 0x1;
  private static final int UNIT_SUB_FLAG = 0x2;

  private final ReentrantReadWriteLock lock;
  private final Map<String, Map<String, QueueData>> topicQueueTable;
  private final Map<String, BrokerEntry> brokerAddrTable;
  private final Map<String, Set<String>> clusterAddrTable;

  TopicCatalog(RouteTables tables) {
    this.lock = tables.lock;
    this.topicQueueTable = tables.topicQueueTable;
    this.brokerAddrTable = tables.brokerAddrTable;
    this.clusterAddrTable = tables.clusterAddrTable;
  }

  /** Every topic with a route. */
  public TopicList allTopics() {
    lock.readLock().lock();
    try {
      return new TopicList(topicQueueTable.keySet());
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Topics held by at least one broker name of {@code cluster} (empty for an unknown cluster). */
  public TopicList topicsByCluster(String cluster) {
    lock.readLock().lock();
    try {
      Set<String> names = clusterAddrTable.getOrDefault(cluster, Set.of());
      Set<String> topics = new TreeSet<>();
      topicQueueTable.forEach(
          (topic, queues) -> {
            if (!Collections.disjoint(queues.keySet(), names)) {
              topics.add(topic);
            }
          });
      return new TopicList(topics);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * RocketMQ's "system topic list" of the name server: every cluster name and broker name (they are
   * topics too), with the address of one broker.
   */
  public TopicList systemTopics() {
    lock.readLock().lock();
    try {
      Set<String> names = new TreeSet<>();
      clusterAddrTable.forEach(
          (cluster, brokers) -> {
            names.add(cluster);
            names.addAll(brokers);
          });
      String anyAddr =
          brokerAddrTable.values().stream()
              .filter(b -> !b.addrs.isEmpty())
              .map(b -> b.addrs.firstEntry().getValue())
              .findFirst()
              .orElse(null);
      return new TopicList(names, anyAddr);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Topics whose sys flag has the unit bit. */
  public TopicList unitTopics() {
    return topicsWithFlags(flag -> (flag & UNIT_FLAG) != 0);
  }

  /** Topics whose sys flag has the unit-subscription bit. */
  public TopicList hasUnitSubTopics() {
    return topicsWithFlags(flag -> (flag & UNIT_SUB_FLAG) != 0);
  }

  /** Topics with the unit-subscription bit but not the unit bit. */
  public TopicList hasUnitSubUnUnitTopics() {
    return topicsWithFlags(flag -> (flag & UNIT_FLAG) == 0 && (flag & UNIT_SUB_FLAG) != 0);
  }

  private TopicList topicsWithFlags(IntPredicate test) {
    lock.readLock().lock();
    try {
      Set<String> topics = new TreeSet<>();
      topicQueueTable.forEach(
          (topic, queues) -> {
            // Like RocketMQ, the flag of one (any) broker's queue data decides.
            if (!queues.isEmpty() && test.test(queues.values().iterator().next().topicSysFlag())) {
              topics.add(topic);
            }
          });
      return new TopicList(topics);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Drops the topic's route entirely. */
  public void deleteTopic(String topic) {
    lock.writeLock().lock();
    try {
      if (topicQueueTable.remove(topic) != null) {
        LOG.info("topic {} deleted from every broker", topic);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Drops the topic's queues on the broker names of {@code clusterName}. */
  public void deleteTopic(String topic, String clusterName) {
    lock.writeLock().lock();
    try {
      Set<String> names = clusterAddrTable.get(clusterName);
      Map<String, QueueData> queues = topicQueueTable.get(topic);
      if (names == null || queues == null) {
        return;
      }
      queues.keySet().removeAll(names);
      if (queues.isEmpty()) {
        topicQueueTable.remove(topic);
      }
      LOG.info("topic {} deleted from cluster {}", topic, clusterName);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Removes the write permission of every queue of {@code brokerName}.
   *
   * @return how many topics were touched
   */
  public int wipeWritePermOfBroker(String brokerName) {
    return changePerm(brokerName, perm -> perm & ~TopicPermission.WRITE, "wiped");
  }

  /**
   * Gives every queue of {@code brokerName} read and write permission (RocketMQ sets exactly
   * READ|WRITE).
   *
   * @return how many topics were touched
   */
  public int addWritePermOfBroker(String brokerName) {
    return changePerm(brokerName, perm -> TopicPermission.READ_WRITE, "restored");
  }

  private int changePerm(String brokerName, IntUnaryOperator change, String what) {
    lock.writeLock().lock();
    try {
      int count = 0;
      for (Map<String, QueueData> queues : topicQueueTable.values()) {
        QueueData q = queues.get(brokerName);
        if (q != null) {
          queues.put(brokerName, q.withPerm(change.applyAsInt(q.perm())));
          count++;
        }
      }
      LOG.info("write permission of broker {} {} on {} topics", brokerName, what, count);
      return count;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Adds or replaces one topic's queues on the given broker names (REGISTER_TOPIC_IN_NAMESRV).
   *
   * @return false, changing nothing, when a broker name is not registered or the list is empty
   */
  public boolean registerTopic(String topic, List<QueueData> queueDatas) {
    if (queueDatas.isEmpty()) {
      return false;
    }
    lock.writeLock().lock();
    try {
      for (QueueData q : queueDatas) {
        if (!brokerAddrTable.containsKey(q.brokerName())) {
          LOG.warn("refused topic {} on unregistered broker {}", topic, q.brokerName());
          return false;
        }
      }
      Map<String, QueueData> queues = topicQueueTable.computeIfAbsent(topic, t -> new HashMap<>());
      queueDatas.forEach(q -> queues.put(q.brokerName(), q));
      LOG.info("topic {} registered on {} broker names", topic, queueDatas.size());
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }
}
