package io.kitemq.console.web;

import io.kitemq.client.ClientException;
import io.kitemq.client.admin.AdminClient;
import io.kitemq.client.producer.Producer;
import io.kitemq.client.producer.SendResult;
import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.MessageQueue;
import io.kitemq.common.topic.SystemTopics;
import io.kitemq.common.topic.TopicValidator;
import io.kitemq.remoting.protocol.body.BrokerData;
import io.kitemq.remoting.protocol.body.ClusterInfo;
import io.kitemq.remoting.protocol.body.ConsumeStats;
import io.kitemq.remoting.protocol.body.TopicStatsTable;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * What the console's JSON API does, on the client library's {@link AdminClient} (so it works for
 * any cluster the node's name servers know) and a {@link Producer} for test messages, both made on
 * first use. Results are plain maps and lists for JSON. Errors are {@link ApiException}s carrying
 * the HTTP status and a message for the person. Thread-safe (the clients are).
 */
final class ConsoleApi implements AutoCloseable {

  private final Supplier<String> namesrvAddr;
  private final ThroughputSampler sampler;
  private AdminClient admin;
  private Producer producer;

  ConsoleApi(Supplier<String> namesrvAddr, ThroughputSampler sampler) {
    this.namesrvAddr = namesrvAddr;
    this.sampler = sampler;
  }

  private synchronized AdminClient admin() {
    if (admin == null) {
      admin = AdminClient.builder().namesrvAddr(namesrvAddr.get()).build();
    }
    return admin;
  }

  private synchronized Producer producer() {
    if (producer == null) {
      producer =
          Producer.builder().namesrvAddr(namesrvAddr.get()).group("KITE_CONSOLE_PRODUCER").build();
    }
    return producer;
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
        out.add(m);
      }
    }
    return out;
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

  /** Creates or updates {@code topic} with {@code queues} queues on every master of the cluster. */
  void createTopic(String cluster, String topic, int queues)
      throws ClientException, InterruptedException {
    TopicValidator.validateTopic(topic)
        .ifPresent(
            reason -> {
              throw new ApiException(400, reason);
            });
    if (queues < 1 || queues > 1024) {
      throw new ApiException(400, "queues must be in [1, 1024], got " + queues);
    }
    admin().createTopic(cluster, topic, queues);
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
    MessageExt m = admin().viewMessage(offsetMsgId);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("offsetMsgId", m.getOffsetMsgId());
    out.put("msgId", m.getMsgId());
    out.put("topic", m.getTopic());
    out.put("tags", m.getTags());
    out.put("keys", m.getKeys());
    out.put("queueId", m.getQueueId());
    out.put("queueOffset", m.getQueueOffset());
    out.put("bornTimestamp", m.getBornTimestamp());
    out.put("storeTimestamp", m.getStoreTimestamp());
    out.put("reconsumeTimes", m.getReconsumeTimes());
    out.put("properties", m.getProperties());
    byte[] body = m.getBody() == null ? new byte[0] : m.getBody();
    out.put("bodyText", utf8OrNull(body));
    out.put("bodyHex", HexFormat.of().formatHex(body));
    return out;
  }

  private static String utf8OrNull(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
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
    SendResult r = producer().send(msg);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", r.status().name());
    out.put("msgId", r.msgId());
    out.put("offsetMsgId", r.offsetMsgId());
    out.put("broker", r.queue().brokerName());
    out.put("queueId", r.queue().queueId());
    out.put("queueOffset", r.queueOffset());
    return out;
  }

  @Override
  public synchronized void close() {
    if (producer != null) {
      producer.close();
    }
    if (admin != null) {
      admin.close();
    }
  }
}
