package io.kitemq.tools.admin;

import io.kitemq.client.ClientException;
import io.kitemq.client.admin.AdminClient;
import io.kitemq.common.message.MessageQueue;
import io.kitemq.common.topic.SystemTopics;
import io.kitemq.remoting.protocol.body.BrokerData;
import io.kitemq.remoting.protocol.body.ClusterInfo;
import io.kitemq.remoting.protocol.body.ConsumeStats;
import io.kitemq.remoting.protocol.body.TopicRouteData;
import io.kitemq.remoting.protocol.body.TopicStatsTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Takes {@link MonitorSample}s through an {@link AdminClient}: cluster info, then each broker's
 * runtime statistics, each user topic's offsets (topic stats) and each consumer group's progress
 * (consume stats of the groups that have a {@code %RETRY%} topic). Topic routes are kept for 30 s,
 * as clients keep them, so a sweep asks the name server twice rather than once per topic. A topic
 * or group whose stats cannot be read (deleted since the topic list was read, never consumed) is
 * left out of that sample. Not thread-safe: one sampler per monitor loop.
 */
final class MonitorSampler {

  private static final long ROUTE_TTL_NANOS = TimeUnit.SECONDS.toNanos(30);

  private record CachedRoute(TopicRouteData route, long fetchedNanos) {}

  private final AdminClient admin;
  private final Map<String, CachedRoute> routes = new HashMap<>();

  MonitorSampler(AdminClient admin) {
    this.admin = admin;
  }

  /**
   * Sweeps the cluster once.
   *
   * @throws ClientException when the name server does not answer
   */
  MonitorSample take() throws ClientException, InterruptedException {
    long nanos = System.nanoTime();
    long millis = System.currentTimeMillis();
    ClusterInfo cluster = admin.clusterInfo();
    List<MonitorSample.Broker> brokers = brokers(cluster);
    Set<String> names = admin.topicList();
    // The name server lists each cluster's and broker's own name, and the clusters' reply topics.
    Set<String> notTopics = new HashSet<>(cluster.brokerAddrTable().keySet());
    for (String c : cluster.clusterAddrTable().keySet()) {
      notTopics.add(c);
      notTopics.add(c + "_" + SystemTopics.REPLY_TOPIC_POSTFIX);
    }
    Map<String, MonitorSample.Topic> topics = new TreeMap<>();
    List<String> groups = new ArrayList<>();
    for (String name : names) {
      if (SystemTopics.isRetryTopic(name)) {
        groups.add(name.substring(SystemTopics.RETRY_GROUP_TOPIC_PREFIX.length()));
      } else if (isUserTopic(name) && !notTopics.contains(name)) {
        MonitorSample.Topic t = topic(name);
        if (t != null) {
          topics.put(name, t);
        }
      }
    }
    routes.keySet().retainAll(names);
    List<String> masters = masters(cluster);
    Map<String, MonitorSample.Group> progress = new TreeMap<>();
    for (String g : groups) {
      MonitorSample.Group p = group(masters, g);
      if (p != null) {
        progress.put(g, p);
      }
    }
    return new MonitorSample(nanos, millis, brokers, topics, progress);
  }

  /** Topics an operator sends to (the benchmark topic too), not the brokers' own. */
  private static boolean isUserTopic(String topic) {
    return !SystemTopics.isDlqTopic(topic)
        && !SystemTopics.isLmq(topic)
        && (!SystemTopics.isSystemTopic(topic) || SystemTopics.BENCHMARK_TOPIC.equals(topic));
  }

  private List<MonitorSample.Broker> brokers(ClusterInfo cluster) throws InterruptedException {
    List<BrokerData> all = new ArrayList<>(cluster.brokerAddrTable().values());
    all.sort(Comparator.comparing(BrokerData::cluster).thenComparing(BrokerData::brokerName));
    List<MonitorSample.Broker> out = new ArrayList<>();
    for (BrokerData b : all) {
      for (Map.Entry<Long, String> e : new TreeMap<>(b.brokerAddrs()).entrySet()) {
        Map<String, String> info = Map.of();
        String error = null;
        try {
          info = admin.brokerRuntimeInfo(e.getValue());
        } catch (ClientException ex) {
          error = ex.getMessage();
        }
        out.add(
            new MonitorSample.Broker(
                b.cluster(), b.brokerName(), e.getKey(), e.getValue(), info, error));
      }
    }
    return out;
  }

  private static List<String> masters(ClusterInfo cluster) {
    List<String> out = new ArrayList<>();
    for (BrokerData b : cluster.brokerAddrTable().values()) {
      if (b.masterAddr() != null) {
        out.add(b.masterAddr());
      }
    }
    return out;
  }

  private MonitorSample.Topic topic(String name) throws InterruptedException {
    try {
      CachedRoute cached = routes.get(name);
      if (cached == null || System.nanoTime() - cached.fetchedNanos() > ROUTE_TTL_NANOS) {
        cached = new CachedRoute(admin.topicRoute(name), System.nanoTime());
        routes.put(name, cached);
      }
      long max = 0;
      long kept = 0;
      for (TopicStatsTable.TopicOffset o : admin.topicStats(cached.route(), name).values()) {
        max += o.maxOffset();
        kept += Math.max(0, o.maxOffset() - o.minOffset());
      }
      return new MonitorSample.Topic(max, kept);
    } catch (ClientException e) {
      // Deleted or moved since the topic list was read: fetch the route afresh next time.
      routes.remove(name);
      return null;
    }
  }

  private MonitorSample.Group group(List<String> masters, String group)
      throws InterruptedException {
    Map<MessageQueue, ConsumeStats.OffsetWrapper> stats;
    try {
      stats = admin.groupConsumeStats(masters, group);
    } catch (ClientException e) {
      // A group with a retry topic but no offsets on these brokers (Apache answers an error).
      return null;
    }
    long lag = 0;
    long consumed = 0;
    for (ConsumeStats.OffsetWrapper w : stats.values()) {
      lag += Math.max(0, w.brokerOffset() - w.consumerOffset());
      consumed += Math.max(0, w.consumerOffset());
    }
    return new MonitorSample.Group(lag, consumed);
  }
}
