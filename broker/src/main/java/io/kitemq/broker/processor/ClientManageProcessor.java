package io.kitemq.broker.processor;

import io.kitemq.broker.filter.ExpressionTypes;
import io.kitemq.broker.filter.SqlFilterCache;
import io.kitemq.common.topic.SystemTopics;
import io.kitemq.common.topic.TopicPermission;
import io.kitemq.remoting.netty.RequestProcessor;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.body.BodyCodec;
import io.kitemq.remoting.protocol.body.BodyCodecException;
import io.kitemq.remoting.protocol.body.CheckClientRequestBody;
import io.kitemq.remoting.protocol.body.ConsumerData;
import io.kitemq.remoting.protocol.body.GetConsumerListByGroupResponseBody;
import io.kitemq.remoting.protocol.body.HeartbeatData;
import io.kitemq.remoting.protocol.body.ProducerData;
import io.kitemq.remoting.protocol.body.SubscriptionData;
import io.kitemq.remoting.protocol.body.SubscriptionGroupConfig;
import io.kitemq.remoting.protocol.header.GetConsumerListByGroupRequestHeader;
import io.kitemq.remoting.protocol.header.QueryConsumerOffsetRequestHeader;
import io.kitemq.remoting.protocol.header.QueryConsumerOffsetResponseHeader;
import io.kitemq.remoting.protocol.header.UnregisterClientRequestHeader;
import io.kitemq.remoting.protocol.header.UpdateConsumerOffsetRequestHeader;
import io.netty.channel.Channel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client membership and offsets: HEART_BEAT (34), UNREGISTER_CLIENT (35),
 * GET_CONSUMER_LIST_BY_GROUP (38), QUERY_CONSUMER_OFFSET (14), UPDATE_CONSUMER_OFFSET (15) and
 * CHECK_CLIENT_CONFIG (46). A heartbeat registers the channel under each producer and consumer
 * group, stores the subscriptions (compiling SQL92 ones), auto-creates the group and its %RETRY%
 * topic. Thread-safe.
 */
public final class ClientManageProcessor implements RequestProcessor {

  private static final Logger LOG = LoggerFactory.getLogger(ClientManageProcessor.class);

  private final BrokerContext ctx;

  public ClientManageProcessor(BrokerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request)
      throws Exception {
    RemotingCommand response =
        switch (request.code()) {
          case RequestCode.HEART_BEAT -> heartbeat(channel, request);
          case RequestCode.UNREGISTER_CLIENT -> unregister(channel, request);
          case RequestCode.GET_CONSUMER_LIST_BY_GROUP -> consumerList(request);
          case RequestCode.QUERY_CONSUMER_OFFSET -> queryOffset(request);
          case RequestCode.UPDATE_CONSUMER_OFFSET -> updateOffset(request);
          case RequestCode.CHECK_CLIENT_CONFIG -> checkClientConfig(request);
          default ->
              Responses.of(
                  ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                  "request code " + request.code() + " not supported");
        };
    return Responses.done(response);
  }

  private RemotingCommand heartbeat(Channel channel, RemotingCommand request) {
    HeartbeatData data;
    try {
      data = BodyCodec.decode(request.body(), HeartbeatData.class);
    } catch (BodyCodecException e) {
      return Responses.of(ResponseCode.SYSTEM_ERROR, "bad heartbeat body: " + e.getMessage());
    }
    if (data.clientID() == null) {
      return Responses.of(ResponseCode.SYSTEM_ERROR, "heartbeat without clientID");
    }
    String language = request.language().name();
    int version = request.version();
    for (ConsumerData c : data.consumerDataSet()) {
      if (c.groupName() == null) {
        continue;
      }
      SubscriptionGroupConfig group = ctx.groups().findOrCreate(c.groupName());
      if (group != null && group.retryQueueNums() > 0) {
        ctx.topics()
            .createIfAbsent(
                SystemTopics.retryTopic(c.groupName()),
                group.retryQueueNums(),
                TopicPermission.READ_WRITE);
      }
      compileSqlSubscriptions(c);
      ctx.consumers()
          .register(
              c.groupName(),
              channel,
              data.clientID(),
              language,
              version,
              c.consumeType(),
              c.messageModel(),
              c.consumeFromWhere(),
              c.subscriptionDataSet());
    }
    for (ProducerData p : data.producerDataSet()) {
      if (p.groupName() != null) {
        ctx.producers().register(p.groupName(), channel, data.clientID(), language, version);
      }
    }
    RemotingCommand response = Responses.success();
    response.addExtField("IS_SUPPORT_HEART_BEAT_V2", "false");
    response.addExtField("IS_SUB_CHANGE", "false");
    return response;
  }

  /**
   * Compiles the group's SQL92 subscriptions now, so the first pull finds them in the cache; a bad
   * one is logged here and refused on pull (FILTER_DATA_NOT_EXIST), as RocketMQ does.
   */
  private void compileSqlSubscriptions(ConsumerData c) {
    for (SubscriptionData sub : c.subscriptionDataSet()) {
      if (sub.topic() == null || !ExpressionTypes.isSql92(sub.expressionType())) {
        continue;
      }
      SqlFilterCache.Compiled compiled =
          ctx.sqlFilters().get(c.groupName(), sub.topic(), sub.subString());
      if (compiled.error() != null) {
        LOG.warn(
            "group {} topic {}: bad SQL92 subscription: {}",
            c.groupName(),
            sub.topic(),
            compiled.error().getMessage());
      }
    }
  }

  /**
   * CHECK_CLIENT_CONFIG: TAG subscriptions are always fine; others need enablePropertyFilter
   * (SYSTEM_ERROR otherwise) and must compile (SUBSCRIPTION_PARSE_FAILED with the reason).
   */
  private RemotingCommand checkClientConfig(RemotingCommand request) {
    CheckClientRequestBody body;
    try {
      body = BodyCodec.decode(request.body(), CheckClientRequestBody.class);
    } catch (BodyCodecException e) {
      return Responses.of(ResponseCode.SYSTEM_ERROR, "bad check-client body: " + e.getMessage());
    }
    SubscriptionData sub = body == null ? null : body.subscriptionData();
    if (sub == null || ExpressionTypes.isTag(sub.expressionType())) {
      return Responses.success();
    }
    if (!ctx.config().enablePropertyFilter()) {
      return Responses.of(
          ResponseCode.SYSTEM_ERROR,
          "The broker does not support consumer to filter message by " + sub.expressionType());
    }
    if (!ExpressionTypes.isSql92(sub.expressionType())) {
      return Responses.of(
          ResponseCode.SUBSCRIPTION_PARSE_FAILED,
          "unknown expression type " + sub.expressionType());
    }
    SqlFilterCache.Compiled compiled = SqlFilterCache.compile(sub.subString());
    if (compiled.error() != null) {
      return Responses.of(ResponseCode.SUBSCRIPTION_PARSE_FAILED, compiled.error().getMessage());
    }
    return Responses.success();
  }

  private RemotingCommand unregister(Channel channel, RemotingCommand request) throws Exception {
    UnregisterClientRequestHeader h =
        UnregisterClientRequestHeader.fromExtFields(request.extFieldsOrEmpty());
    if (h.producerGroup() != null) {
      ctx.producers().unregister(h.producerGroup(), channel);
    }
    if (h.consumerGroup() != null) {
      ctx.consumers().unregister(h.consumerGroup(), channel);
    }
    return Responses.success();
  }

  private RemotingCommand consumerList(RemotingCommand request) throws Exception {
    GetConsumerListByGroupRequestHeader h =
        GetConsumerListByGroupRequestHeader.fromExtFields(request.extFieldsOrEmpty());
    List<String> ids = ctx.consumers().clientIds(h.consumerGroup());
    if (ids.isEmpty()) {
      return Responses.of(
          ResponseCode.SYSTEM_ERROR, "no consumer for this group, " + h.consumerGroup());
    }
    RemotingCommand response = Responses.success();
    response.setBody(BodyCodec.encode(new GetConsumerListByGroupResponseBody(ids)));
    return response;
  }

  private RemotingCommand queryOffset(RemotingCommand request) throws Exception {
    QueryConsumerOffsetRequestHeader h =
        QueryConsumerOffsetRequestHeader.fromExtFields(request.extFieldsOrEmpty());
    long offset = ctx.offsets().query(h.consumerGroup(), h.topic(), h.queueId());
    if (offset < 0
        && !Boolean.FALSE.equals(h.setZeroIfNotFound())
        && ctx.store().getMinOffset(h.topic(), h.queueId()) <= 0) {
      // The queue was never trimmed: a new group starts at its first message, as RocketMQ does
      // while message 0 is still readable.
      offset = 0;
    }
    if (offset < 0) {
      return Responses.of(
          ResponseCode.QUERY_NOT_FOUND,
          "no offset stored for group "
              + h.consumerGroup()
              + " on "
              + h.topic()
              + "@"
              + h.queueId());
    }
    RemotingCommand response = Responses.success();
    response.writeHeader(new QueryConsumerOffsetResponseHeader(offset));
    return response;
  }

  private RemotingCommand updateOffset(RemotingCommand request) throws Exception {
    UpdateConsumerOffsetRequestHeader h =
        UpdateConsumerOffsetRequestHeader.fromExtFields(request.extFieldsOrEmpty());
    if (!ctx.topics().contains(h.topic())) {
      return Responses.of(
          ResponseCode.TOPIC_NOT_EXIST, "topic[" + h.topic() + "] not exist, apply first please!");
    }
    ctx.offsets().commit(h.consumerGroup(), h.topic(), h.queueId(), h.commitOffset());
    return Responses.success();
  }
}
