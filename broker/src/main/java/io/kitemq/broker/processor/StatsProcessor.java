package io.kitemq.broker.processor;

import io.kitemq.broker.client.ClientChannelInfo;
import io.kitemq.broker.client.ConsumerGroupInfo;
import io.kitemq.broker.stats.BrokerStats;
import io.kitemq.common.message.MessageQueue;
import io.kitemq.common.topic.SystemTopics;
import io.kitemq.common.topic.TopicConfig;
import io.kitemq.remoting.netty.RequestProcessor;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.body.BodyCodec;
import io.kitemq.remoting.protocol.body.ConsumeStats;
import io.kitemq.remoting.protocol.body.ConsumerConnection;
import io.kitemq.remoting.protocol.body.TopicConfigBody;
import io.kitemq.remoting.protocol.body.TopicStatsTable;
import io.kitemq.remoting.protocol.header.GetConsumeStatsRequestHeader;
import io.kitemq.remoting.protocol.header.GetConsumerConnectionListRequestHeader;
import io.kitemq.remoting.protocol.header.GetTopicConfigRequestHeader;
import io.kitemq.remoting.protocol.header.GetTopicStatsInfoRequestHeader;
import io.kitemq.remoting.protocol.header.ViewBrokerStatsDataRequestHeader;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * Admin reads: GET_TOPIC_CONFIG (351), GET_TOPIC_STATS_INFO (202), GET_CONSUME_STATS (208, what the
 * admin's lag is computed from), GET_CONSUMER_CONNECTION_LIST (203) and QUERY_TOPIC_CONSUME_BY_WHO
 * (300, what the admin's message track starts from) and VIEW_BROKER_STATS_DATA (315: a topic's puts
 * or a group's gets over the last minute, hour and day). The rates in topic and consume stats are
 * the last minute's, as Apache's are. Thread-safe.
 */
public final class StatsProcessor implements RequestProcessor {

  /** The request codes this processor answers. */
  public static final int[] CODES = {
    RequestCode.GET_TOPIC_STATS_INFO,
    RequestCode.GET_CONSUME_STATS,
    RequestCode.GET_CONSUMER_CONNECTION_LIST,
    RequestCode.GET_TOPIC_CONFIG,
    RequestCode.QUERY_TOPIC_CONSUME_BY_WHO,
    RequestCode.VIEW_BROKER_STATS_DATA
  };

  private final BrokerContext ctx;
  private final BrokerStats stats;

  public StatsProcessor(BrokerContext ctx, BrokerStats stats) {
    this.ctx = ctx;
    this.stats = stats;
  }

  @Override
  public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request)
      throws Exception {
    var ext = request.extFieldsOrEmpty();
    RemotingCommand response =
        switch (request.code()) {
          case RequestCode.GET_TOPIC_STATS_INFO ->
              topicStats(GetTopicStatsInfoRequestHeader.fromExtFields(ext).topic());
          case RequestCode.GET_CONSUME_STATS ->
              consumeStats(GetConsumeStatsRequestHeader.fromExtFields(ext));
          case RequestCode.GET_CONSUMER_CONNECTION_LIST ->
              connections(
                  GetConsumerConnectionListRequestHeader.fromExtFields(ext).consumerGroup());
          case RequestCode.GET_TOPIC_CONFIG ->
              topicConfig(GetTopicConfigRequestHeader.fromExtFields(ext).topic());
          case RequestCode.QUERY_TOPIC_CONSUME_BY_WHO -> consumedBy(ext.get("topic"));
          case RequestCode.VIEW_BROKER_STATS_DATA ->
              statsData(ViewBrokerStatsDataRequestHeader.fromExtFields(ext));
          default ->
              Responses.of(
                  ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                  "request code " + request.code() + " not supported");
        };
    return Responses.done(response);
  }

  private RemotingCommand withBody(byte[] body) {
    RemotingCommand r = Responses.success();
    r.setBody(body);
    return r;
  }

  /** The groups subscribing to the topic now or holding offsets on it: {"groupList":[...]}. */
  private RemotingCommand consumedBy(String topic) {
    if (topic == null || topic.isBlank()) {
      return Responses.of(ResponseCode.SYSTEM_ERROR, "the request header lacks topic");
    }
    Set<String> groups = new TreeSet<>(ctx.consumers().groupsSubscribing(topic));
    groups.addAll(ctx.offsets().groupsOf(topic));
    return withBody(BodyCodec.encode(Map.of("groupList", groups)));
  }

  /** Apache's answer for a name or key it has not counted is SYSTEM_ERROR "... not exist". */
  private RemotingCommand statsData(ViewBrokerStatsDataRequestHeader h) {
    return stats
        .statsData(h.statsName(), h.statsKey())
        .map(data -> withBody(BodyCodec.encode(data)))
        .orElseGet(
            () ->
                Responses.of(
                    ResponseCode.SYSTEM_ERROR,
                    "The stats <" + h.statsName() + "> <" + h.statsKey() + "> not exist"));
  }

  private RemotingCommand topicConfig(String topic) {
    TopicConfig config = ctx.topics().get(topic);
    if (config == null) {
      return Responses.of(ResponseCode.TOPIC_NOT_EXIST, "No topic in this broker. topic: " + topic);
    }
    return withBody(BodyCodec.encode(TopicConfigBody.of(config, Map.of())));
  }

  private RemotingCommand topicStats(String topic) {
    TopicConfig config = ctx.topics().get(topic);
    if (config == null) {
      return Responses.of(ResponseCode.TOPIC_NOT_EXIST, "topic[" + topic + "] not exist");
    }
    Map<MessageQueue, TopicStatsTable.TopicOffset> table = new HashMap<>();
    for (int q = 0; q < config.writeQueueNums(); q++) {
      long max = ctx.store().getMaxOffset(topic, q);
      long last = max > 0 ? ctx.store().getMessageStoreTimestamp(topic, q, max - 1) : 0;
      table.put(
          new MessageQueue(topic, ctx.config().brokerName(), q),
          new TopicStatsTable.TopicOffset(
              ctx.store().getMinOffset(topic, q), max, Math.max(0, last)));
    }
    return withBody(BodyCodec.encode(new TopicStatsTable(table, stats.topicPutTps(topic))));
  }

  private RemotingCommand consumeStats(GetConsumeStatsRequestHeader h) {
    Set<String> topics = new LinkedHashSet<>();
    if (h.topic() != null && !h.topic().isBlank()) {
      topics.add(h.topic());
    } else if (h.topicList() != null && !h.topicList().isBlank()) {
      for (String t : h.topicList().split(";")) {
        if (!t.isBlank()) {
          topics.add(t.trim());
        }
      }
    } else {
      topics.addAll(ctx.offsets().topicsOf(h.consumerGroup()));
      topics.addAll(ctx.consumers().subscriptionsOf(h.consumerGroup()));
    }
    Map<MessageQueue, ConsumeStats.OffsetWrapper> table = new HashMap<>();
    double tps = 0;
    for (String topic : topics) {
      TopicConfig config = ctx.topics().get(topic);
      if (config == null || SystemTopics.isDlqTopic(topic)) {
        continue;
      }
      tps += stats.groupGetTps(topic, h.consumerGroup());
      for (int q = 0; q < config.readQueueNums(); q++) {
        long max = ctx.store().getMaxOffset(topic, q);
        long committed = Math.max(0, ctx.offsets().query(h.consumerGroup(), topic, q));
        long last =
            committed > 0 ? ctx.store().getMessageStoreTimestamp(topic, q, committed - 1) : 0;
        table.put(
            new MessageQueue(topic, ctx.config().brokerName(), q),
            new ConsumeStats.OffsetWrapper(max, committed, committed, Math.max(0, last)));
      }
    }
    return withBody(BodyCodec.encode(new ConsumeStats(table, tps)));
  }

  private RemotingCommand connections(String group) {
    ConsumerGroupInfo info = ctx.consumers().group(group);
    if (info == null || info.members().isEmpty()) {
      return Responses.of(
          ResponseCode.CONSUMER_NOT_ONLINE, "the consumer group[" + group + "] not online");
    }
    List<ConsumerConnection.Connection> list = new ArrayList<>();
    for (ClientChannelInfo c : info.members()) {
      list.add(
          new ConsumerConnection.Connection(
              c.clientId(), c.remoteAddress(), c.language(), c.version()));
    }
    return withBody(
        BodyCodec.encode(
            new ConsumerConnection(
                list,
                info.subscriptions(),
                info.consumeType(),
                info.messageModel(),
                info.consumeFromWhere())));
  }
}
