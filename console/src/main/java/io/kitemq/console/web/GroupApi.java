package io.kitemq.console.web;

import io.kitemq.client.ClientException;
import io.kitemq.client.admin.AdminClient;
import io.kitemq.common.message.MessageQueue;
import io.kitemq.common.topic.SystemTopics;
import io.kitemq.remoting.protocol.body.ConsumeStats;
import io.kitemq.remoting.protocol.body.ConsumerConnection;
import io.kitemq.remoting.protocol.body.SubscriptionData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console's consumer- and producer-group calls: the group list with lag and online members, one
 * group's members, subscriptions, lag per queue and consumption rate, a reset of its offsets to a
 * time, and a producer group's connections. Thread-safe (the admin client is).
 */
final class GroupApi {

  private final ConsoleClients clients;

  GroupApi(ConsoleClients clients) {
    this.clients = clients;
  }

  private AdminClient admin() {
    return clients.admin();
  }

  /** Every consumer group the cluster knows, with its online members, total lag and rate. */
  List<Map<String, Object>> groups() throws ClientException, InterruptedException {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String g : admin().consumerGroups()) {
      if (g.equals(ConsoleClients.READER_GROUP)) {
        continue;
      }
      ConsumeStats stats = admin().groupStats(g);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("group", g);
      m.put(
          "members",
          admin().findConsumerConnection(g, null).map(c -> c.connectionSet().size()).orElse(0));
      m.put("totalLag", totalLag(stats));
      m.put("consumeTps", stats.consumeTps());
      out.add(m);
    }
    return out;
  }

  private static long totalLag(ConsumeStats stats) {
    long lag = 0;
    for (ConsumeStats.OffsetWrapper w : stats.offsetTable().values()) {
      lag += Math.max(0, w.brokerOffset() - w.consumerOffset());
    }
    return lag;
  }

  /**
   * One group: its live members (client id, address, language, version), what they subscribe to,
   * its lag per queue of every topic it consumes (its retry topic included) and in total, and the
   * consumption rate the brokers report.
   */
  Map<String, Object> group(String group) throws ClientException, InterruptedException {
    Optional<ConsumerConnection> conn = admin().findConsumerConnection(group, null);
    List<Map<String, Object>> members = new ArrayList<>();
    List<Map<String, Object>> subscriptions = new ArrayList<>();
    conn.ifPresent(
        c -> {
          for (ConsumerConnection.Connection m : c.connectionSet()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("clientId", m.clientId());
            row.put("clientAddr", m.clientAddr());
            row.put("language", m.language());
            row.put("version", m.version());
            members.add(row);
          }
          for (SubscriptionData s : c.subscriptionTable().values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("topic", s.topic());
            row.put("expression", s.subString());
            subscriptions.add(row);
          }
        });
    ConsumeStats stats = admin().groupStats(group);
    List<Map<String, Object>> queues = new ArrayList<>();
    for (Map.Entry<MessageQueue, ConsumeStats.OffsetWrapper> e : stats.offsetTable().entrySet()) {
      ConsumeStats.OffsetWrapper w = e.getValue();
      Map<String, Object> q = new LinkedHashMap<>();
      q.put("topic", e.getKey().topic());
      q.put("broker", e.getKey().brokerName());
      q.put("queueId", e.getKey().queueId());
      q.put("brokerOffset", w.brokerOffset());
      q.put("consumerOffset", w.consumerOffset());
      q.put("lag", Math.max(0, w.brokerOffset() - w.consumerOffset()));
      q.put("lastTimestamp", w.lastTimestamp());
      queues.add(q);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("group", group);
    m.put("online", conn.isPresent());
    m.put("consumeType", conn.map(ConsumerConnection::consumeType).orElse(null));
    m.put("messageModel", conn.map(ConsumerConnection::messageModel).orElse(null));
    m.put("consumeFromWhere", conn.map(ConsumerConnection::consumeFromWhere).orElse(null));
    m.put("members", members);
    m.put("subscriptions", subscriptions);
    m.put("totalLag", totalLag(stats));
    m.put("consumeTps", stats.consumeTps());
    m.put("queues", queues);
    m.put("dlqTopic", SystemTopics.dlqTopic(group));
    return m;
  }

  /**
   * Resets the group's offsets on {@code topic} to the first message stored at or after {@code
   * timestamp}; always forced, so a reset to a later time moves offsets forward too.
   */
  Map<String, Object> resetOffset(String group, String topic, long timestamp)
      throws ClientException, InterruptedException {
    List<Map<String, Object>> queues = new ArrayList<>();
    for (Map.Entry<MessageQueue, Long> e :
        admin().resetOffsetByTimestamp(group, topic, timestamp, true).entrySet()) {
      Map<String, Object> q = new LinkedHashMap<>();
      q.put("broker", e.getKey().brokerName());
      q.put("queueId", e.getKey().queueId());
      q.put("offset", e.getValue());
      queues.add(q);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("group", group);
    m.put("topic", topic);
    m.put("timestamp", timestamp);
    m.put("queues", queues);
    return m;
  }

  /** The live connections of producer group {@code group}, one row per broker and connection. */
  List<Map<String, Object>> producers(String group) throws ClientException, InterruptedException {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map.Entry<String, List<ConsumerConnection.Connection>> e :
        admin().producerConnections(group).entrySet()) {
      for (ConsumerConnection.Connection c : e.getValue()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("broker", e.getKey());
        row.put("clientId", c.clientId());
        row.put("clientAddr", c.clientAddr());
        row.put("language", c.language());
        row.put("version", c.version());
        out.add(row);
      }
    }
    return out;
  }
}
