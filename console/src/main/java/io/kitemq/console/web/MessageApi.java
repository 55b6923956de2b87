package io.kitemq.console.web;

import io.kitemq.client.ClientException;
import io.kitemq.client.admin.AdminClient;
import io.kitemq.client.consumer.PullResult;
import io.kitemq.client.consumer.PullStatus;
import io.kitemq.client.producer.SendResult;
import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageConst;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.MessageQueue;
import io.kitemq.common.topic.SystemTopics;
import io.kitemq.remoting.protocol.body.ConsumeMessageDirectlyResult;
import io.kitemq.remoting.protocol.body.ConsumerConnection;
import io.kitemq.remoting.protocol.body.TopicStatsTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's message searches and resends: by key, by topic and store-time range (each queue's
 * offset for the start time, then a bounded page read without committing anything), a message's
 * trace, a group's dead-letter messages, resending a message to a group's consumer
 * (CONSUME_MESSAGE_DIRECTLY) and resending a dead letter to its original topic. Thread-safe (the
 * clients are).
 */
final class MessageApi {

  /** Most messages one time-range search reads, over all queues. */
  static final int MAX_PAGE = 200;

  private static final int PULL_BATCH = 32;

  private final ConsoleClients clients;

  MessageApi(ConsoleClients clients) {
    this.clients = clients;
  }

  private AdminClient admin() {
    return clients.admin();
  }

  /** Messages of {@code topic} whose keys include {@code key}, newest first. */
  List<Map<String, Object>> byKey(String topic, String key)
      throws ClientException, InterruptedException {
    List<MessageExt> found = admin().queryMessageByKey(topic, key, 64, 0, Long.MAX_VALUE);
    found.sort(Comparator.comparingLong(MessageExt::getStoreTimestamp).reversed());
    List<Map<String, Object>> out = new ArrayList<>();
    for (MessageExt m : found) {
      out.add(MessageJson.summary(m));
    }
    return out;
  }

  /**
   * Up to {@code limit} messages of {@code topic} stored in [{@code begin}, {@code end}] (epoch
   * millis), oldest first; {@code truncated} says whether more were there. Reads at most {@code
   * limit} + 1 messages per queue.
   */
  Map<String, Object> byTime(String topic, long begin, long end, int limit)
      throws ClientException, InterruptedException {
    Page page = page(topic, begin, end, limit);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (MessageExt m : page.messages()) {
      rows.add(MessageJson.summary(m));
    }
    return pageJson(topic, rows, page.truncated());
  }

  private static Map<String, Object> pageJson(
      String topic, List<Map<String, Object>> rows, boolean truncated) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("topic", topic);
    out.put("messages", rows);
    out.put("truncated", truncated);
    return out;
  }

  /** Messages of a time range, oldest first, and whether more were there. */
  private record Page(List<MessageExt> messages, boolean truncated) {}

  private Page page(String topic, long begin, long end, int limit)
      throws ClientException, InterruptedException {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new ApiException(400, "limit must be in [1, " + MAX_PAGE + "], got " + limit);
    }
    if (end < begin) {
      throw new ApiException(400, "end " + end + " is before begin " + begin);
    }
    List<MessageExt> found = new ArrayList<>();
    boolean truncated = false;
    for (Map.Entry<MessageQueue, TopicStatsTable.TopicOffset> e :
        admin().topicStats(topic).entrySet()) {
      MessageQueue queue = e.getKey();
      long max = e.getValue().maxOffset();
      long offset = Math.max(e.getValue().minOffset(), admin().searchOffset(queue, begin));
      int taken = 0;
      queue:
      while (offset < max) {
        PullResult r = clients.reader().pull(queue, "*", offset, PULL_BATCH);
        if (r.status() != PullStatus.FOUND || r.nextBeginOffset() <= offset) {
          break;
        }
        for (MessageExt m : r.messages()) {
          if (m.getStoreTimestamp() > end) {
            break queue;
          }
          if (m.getStoreTimestamp() >= begin) {
            if (taken == limit) {
              truncated = true;
              break queue;
            }
            found.add(m);
            taken++;
          }
        }
        offset = r.nextBeginOffset();
      }
    }
    found.sort(Comparator.comparingLong(MessageExt::getStoreTimestamp));
    if (found.size() > limit) {
      truncated = true;
      found = found.subList(0, limit);
    }
    return new Page(found, truncated);
  }

  /**
   * The trace records of the message with client id {@code msgId} (from the trace topic, where they
   * are indexed under the message id), oldest first; null when there is no trace topic.
   */
  List<Map<String, Object>> trace(String msgId) throws ClientException, InterruptedException {
    if (admin().findTopicRoute(SystemTopics.TRACE_TOPIC).isEmpty()) {
      return null;
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (MessageExt t :
        admin().queryMessageByKey(SystemTopics.TRACE_TOPIC, msgId, 64, 0, Long.MAX_VALUE)) {
      if (t.getBody() != null) {
        out.addAll(TraceDecoder.decode(t.getBody(), msgId));
      }
    }
    out.sort(
        Comparator.comparingLong(m -> m.get("timestamp") instanceof Long l ? l : Long.MAX_VALUE));
    return out;
  }

  /** A message with its trace ({@code trace} null when tracing is off in the cluster). */
  Map<String, Object> messageWithTrace(String offsetMsgId)
      throws ClientException, InterruptedException {
    MessageExt m = admin().viewMessage(offsetMsgId);
    Map<String, Object> out = MessageJson.full(m);
    out.put("trace", trace(m.getMsgId()));
    return out;
  }

  /**
   * Has a live consumer of {@code group} ({@code clientId}, or the first member when null) consume
   * the message {@code offsetMsgId} now; answers how its listener handled it.
   */
  Map<String, Object> resendToGroup(String offsetMsgId, String group, String clientId)
      throws ClientException, InterruptedException {
    MessageExt m = admin().viewMessage(offsetMsgId);
    String client = clientId;
    if (client == null || client.isBlank()) {
      List<ConsumerConnection.Connection> members =
          admin()
              .findConsumerConnection(group, null)
              .map(ConsumerConnection::connectionSet)
              .orElse(List.of());
      if (members.isEmpty()) {
        throw new ApiException(400, "consumer group " + group + " has no live consumer");
      }
      client = members.get(0).clientId();
    }
    ConsumeMessageDirectlyResult r =
        admin().consumeMessageDirectly(group, client, m.getTopic(), offsetMsgId);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("group", group);
    out.put("clientId", client);
    out.put("consumeResult", r.consumeResult());
    out.put("remark", r.remark());
    out.put("spentTimeMillis", r.spentTimeMills());
    return out;
  }

  /**
   * The dead letters of {@code group} stored in [begin, end], each with the topic and message id it
   * came from (properties RETRY_TOPIC and ORIGIN_MESSAGE_ID); empty when the group has none.
   */
  Map<String, Object> deadLetters(String group, long begin, long end, int limit)
      throws ClientException, InterruptedException {
    String dlq = SystemTopics.dlqTopic(group);
    List<Map<String, Object>> rows = new ArrayList<>();
    boolean truncated = false;
    if (admin().findTopicRoute(dlq).isPresent()) {
      Page page = page(dlq, begin, end, limit);
      truncated = page.truncated();
      for (MessageExt m : page.messages()) {
        Map<String, Object> row = MessageJson.summary(m);
        row.put("originTopic", m.getProperty(MessageConst.PROPERTY_RETRY_TOPIC));
        row.put("originMsgId", m.getProperty(MessageConst.PROPERTY_ORIGIN_MESSAGE_ID));
        rows.add(row);
      }
    }
    Map<String, Object> out = pageJson(dlq, rows, truncated);
    out.put("group", group);
    return out;
  }

  /**
   * Sends a copy of the dead letter {@code offsetMsgId} (body, tags, keys and user properties) to
   * the topic it first failed on (its RETRY_TOPIC property), as a new message of the console's
   * producer group; the dead letter stays where it is.
   */
  Map<String, Object> resendDeadLetter(String offsetMsgId)
      throws ClientException, InterruptedException {
    MessageExt dead = admin().viewMessage(offsetMsgId);
    String origin = dead.getProperty(MessageConst.PROPERTY_RETRY_TOPIC);
    if (origin == null || origin.isBlank()) {
      throw new ApiException(
          400, "message " + offsetMsgId + " has no RETRY_TOPIC property: not a dead letter");
    }
    Message copy = new Message(origin, dead.getTags(), dead.getKeys(), dead.getBody());
    for (Map.Entry<String, String> p : dead.getProperties().entrySet()) {
      if (!MessageConst.isReserved(p.getKey())) {
        copy.putUserProperty(p.getKey(), p.getValue());
      }
    }
    SendResult r = clients.producer().send(copy);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("topic", origin);
    out.put("status", r.status().name());
    out.put("msgId", r.msgId());
    out.put("offsetMsgId", r.offsetMsgId());
    return out;
  }
}
