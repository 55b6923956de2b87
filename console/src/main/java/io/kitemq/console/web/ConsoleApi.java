package io.kitemq.console.web;

import io.kitemq.client.ClientException;
import io.kitemq.client.admin.AdminClient;
import io.kitemq.client.producer.SendResult;
import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageQueue;
import io.kitemq.common.topic.SystemTopics;
import io.kitemq.common.topic.TopicPermission;
import io.kitemq.common.topic.TopicValidator;
import io.kitemq.remoting.protocol.body.BrokerData;
import io.kitemq.remoting.protocol.body.BrokerStatsData;
import io.kitemq.remoting.protocol.body.ClusterInfo;
import io.kitemq.remoting.protocol.body.ConsumeStats;
import io.kitemq.remoting.protocol.body.QueueData;
import io.kitemq.remoting.protocol.body.TopicRouteData;
import io.kitemq.remoting.protocol.body.TopicStatsTable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The console's cluster, topic and single-message calls, on the client library's {@link
 * AdminClient} (so they work for any cluster the node's name servers know) and a producer for test
 * messages. Results are plain maps and lists for JSON. Errors are {@link ApiException}s carrying
 * the HTTP status and a message for the person. Thread-safe (the clients are).
 */
final class ConsoleApi {

  /** The brokers' statistics item of messages put per topic. */
  static final String TOPIC_PUT_NUMS = "TOPIC_PUT_NUMS";

  private final ConsoleClients clients;
  private final ThroughputSampler sampler;

  ConsoleApi(ConsoleClients clients, ThroughputSampler sampler) {
    this.clients = clients;
    this.sampler = sampler;
  }

  private AdminClient admin() {
    return clients.admin();
  }

  /** Brokers by cluster with role, address and runtime figures. */
  List<Map<String, Object>> brokers() throws ClientException, InterruptedException {
    ClusterInfo info = admin().clusterInfo();
    List<Map<String, Object>> out = new ArrayList<>();
    for (BrokerData b : info.brokerAddrTable().values()) {
      for (Map.Entry<Long, String> e : b.brokerAddrs().entrySet()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cluster", b.cluster());
        m.put("brokerName", b.brokerName());
        m.put("brokerId", e.getKey());
        m.put("role", e.getKey() == 0 ? "MASTER" : "SLAVE");
        m.put("address", e.getValue());
        Map<String, String> rt = runtimeOrEmpty(e.getValue());
        m.put("version", rt.getOrDefault("brokerVersionDesc", ""));
        m.put("bootTimestamp", Long.parseLong(rt.getOrDefault("bootTimestamp", "0")));
        m.put("commitLogMaxOffset", Long.parseLong(rt.getOrDefault("commitLogMaxOffset", "0")));
        m.put("putTps", firstRate(rt.get("putTps")));
        m.put("getTps", firstRate(rt.get("getTransferredTps")));
        m.put("diskRatio", ratio(rt.get("commitLogDiskRatio")));
        out.add(m);
      }
    }
    return out;
  }

  /** The 10-second rate of a runtime-info rate ("a b c": 10 s, 60 s, 600 s), null when absent. */
  static Double firstRate(String rates) {
    if (rates == null || rates.isBlank()) {
      return null;
    }
    try {
      return Double.parseDouble(rates.trim().split("\\s+")[0]);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Double ratio(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private Map<String, String> runtimeOrEmpty(String addr) throws InterruptedException {
    try {
      return admin().brokerRuntimeInfo(addr);
    } catch (ClientException e) {
      return Map.of("brokerVersionDesc", "unreachable: " + e.getMessage());
    }
  }

  /** Messages in and out per second, last 15 minutes (empty on a name server alone). */
  List<ThroughputSampler.Sample> throughput() {
    return sampler == null ? List.of() : sampler.samples();
  }

  /** Topics, system ones (retry, DLQ, rmq_sys_...) included only when asked. */
  List<String> topics(boolean system) throws ClientException, InterruptedException {
    List<String> out = new ArrayList<>();
    ClusterInfo info = admin().clusterInfo();
    for (String t : new TreeSet<>(admin().topicList())) {
      // Brokers register their cluster and broker names as topics, and a reply topic.
      boolean isSystem =
          info.clusterAddrTable().containsKey(t)
              || info.brokerAddrTable().containsKey(t)
              || t.endsWith("_" + SystemTopics.REPLY_TOPIC_POSTFIX)
              || SystemTopics.isSystemTopic(t)
              || SystemTopics.isRetryTopic(t)
              || SystemTopics.isDlqTopic(t)
              || t.equals(SystemTopics.AUTO_CREATE_TOPIC_KEY_TOPIC)
              || t.equals(SystemTopics.SCHEDULE_TOPIC);
      if (system || !isSystem) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * Every topic listed by {@link #topics} with its read and write queues and permission per broker
   * (from its route) and its message count (from its queues' offsets).
   */
  List<Map<String, Object>> topicTable(boolean system)
      throws ClientException, InterruptedException {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String t : topics(system)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("topic", t);
      Optional<TopicRouteData> route = admin().findTopicRoute(t);
      int read = 0;
      int write = 0;
      TreeSet<String> perms = new TreeSet<>();
      for (QueueData q : route.map(TopicRouteData::queueDatas).orElse(List.of())) {
        read += q.readQueueNums();
        write += q.writeQueueNums();
        perms.add(perm(q.perm()));
      }
      m.put("readQueues", read);
      m.put("writeQueues", write);
      m.put("perm", String.join(",", perms));
      long messages = 0;
      if (route.isPresent()) {
        for (TopicStatsTable.TopicOffset o : admin().topicStats(t).values()) {
          messages += o.maxOffset() - o.minOffset();
        }
      }
      m.put("messages", messages);
      m.put("putTps", route.isPresent() ? putTps(t, route.get()) : null);
      out.add(m);
    }
    return out;
  }

  /**
   * Messages per second put into {@code topic} over the last minute, summed over its masters
   * (TOPIC_PUT_NUMS); null when no master reports it (a topic nothing was sent to since the broker
   * started).
   */
  private Double putTps(String topic, TopicRouteData route)
      throws ClientException, InterruptedException {
    Double sum = null;
    for (BrokerData b : route.brokerDatas()) {
      if (b.masterAddr() == null) {
        continue;
      }
      Optional<BrokerStatsData> stats =
          admin().brokerStatsData(b.masterAddr(), TOPIC_PUT_NUMS, topic);
      if (stats.isPresent() && stats.get().statsMinute() != null) {
        sum = (sum == null ? 0 : sum) + stats.get().statsMinute().tps();
      }
    }
    return sum;
  }

  /** Permission bits as the official tools write them: R, W, RW or "-". */
  static String perm(int bits) {
    String r = (bits & TopicPermission.READ) != 0 ? "R" : "";
    String w = (bits & TopicPermission.WRITE) != 0 ? "W" : "";
    return r.isEmpty() && w.isEmpty() ? "-" : r + w;
  }

  /** One topic's queues with their offsets and message counts. */
  Map<String, Object> topic(String topic) throws ClientException, InterruptedException {
    List<Map<String, Object>> queues = new ArrayList<>();
    long messages = 0;
    for (Map.Entry<MessageQueue, TopicStatsTable.TopicOffset> e :
        admin().topicStats(topic).entrySet()) {
      Map<String, Object> q = new LinkedHashMap<>();
      q.put("broker", e.getKey().brokerName());
      q.put("queueId", e.getKey().queueId());
      q.put("minOffset", e.getValue().minOffset());
      q.put("maxOffset", e.getValue().maxOffset());
      messages += e.getValue().maxOffset() - e.getValue().minOffset();
      queues.add(q);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("topic", topic);
    m.put("messages", messages);
    m.put("queues", queues);
    return m;
  }

  /**
   * Creates or updates {@code topic} with {@code queues} read and write queues and permission
   * {@code perm} ("RW", "R" or "W") on every master of the cluster.
   */
  void createTopic(String cluster, String topic, int queues, String perm)
      throws ClientException, InterruptedException {
    TopicValidator.validateTopic(topic)
        .ifPresent(
            reason -> {
              throw new ApiException(400, reason);
            });
    if (queues < 1 || queues > 1024) {
      throw new ApiException(400, "queues must be in [1, 1024], got " + queues);
    }
    int bits =
        switch (perm) {
          case "RW" -> TopicPermission.READ | TopicPermission.WRITE;
          case "R" -> TopicPermission.READ;
          case "W" -> TopicPermission.WRITE;
          default -> throw new ApiException(400, "perm must be RW, R or W, got " + perm);
        };
    for (String master : admin().masterAddrs(cluster)) {
      admin().createTopic(master, topic, queues, queues, bits, false);
    }
  }

  void deleteTopic(String cluster, String topic) throws ClientException, InterruptedException {
    admin().deleteTopic(cluster, topic);
  }

  /** The group's lag on {@code topic}: per queue and in total. */
  Map<String, Object> lag(String group, String topic) throws ClientException, InterruptedException {
    List<Map<String, Object>> queues = new ArrayList<>();
    long total = 0;
    for (Map.Entry<MessageQueue, ConsumeStats.OffsetWrapper> e :
        admin().consumeStats(group, topic).entrySet()) {
      ConsumeStats.OffsetWrapper w = e.getValue();
      long lag = Math.max(0, w.brokerOffset() - w.consumerOffset());
      total += lag;
      Map<String, Object> q = new LinkedHashMap<>();
      q.put("broker", e.getKey().brokerName());
      q.put("queueId", e.getKey().queueId());
      q.put("brokerOffset", w.brokerOffset());
      q.put("consumerOffset", w.consumerOffset());
      q.put("lag", lag);
      queues.add(q);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("group", group);
    m.put("topic", topic);
    m.put("totalLag", total);
    m.put("queues", queues);
    return m;
  }

  /** The message with broker id {@code offsetMsgId}: properties, body as text and hex. */
  Map<String, Object> message(String offsetMsgId) throws ClientException, InterruptedException {
    return MessageJson.full(admin().viewMessage(offsetMsgId));
  }

  /** Sends a test message; answers its ids and queue. */
  Map<String, Object> send(String topic, String tags, String keys, String body)
      throws ClientException, InterruptedException {
    TopicValidator.validateTopic(topic)
        .ifPresent(
            reason -> {
              throw new ApiException(400, reason);
            });
    Message msg =
        new Message(
            topic,
            tags == null || tags.isBlank() ? null : tags,
            keys == null || keys.isBlank() ? null : keys,
            (body == null ? "" : body).getBytes(StandardCharsets.UTF_8));
    SendResult r = clients.producer().send(msg);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", r.status().name());
    out.put("msgId", r.msgId());
    out.put("offsetMsgId", r.offsetMsgId());
    out.put("broker", r.queue().brokerName());
    out.put("queueId", r.queue().queueId());
    out.put("queueOffset", r.queueOffset());
    return out;
  }
}
