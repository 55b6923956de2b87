package io.kitemq.broker.processor;

import io.kitemq.broker.config.ConsumerOffsetManager;
import io.kitemq.common.topic.TopicConfig;
import io.kitemq.common.topic.TopicFilterType;
import io.kitemq.common.topic.TopicPermission;
import io.kitemq.common.topic.TopicValidator;
import io.kitemq.remoting.netty.RequestProcessor;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.body.BodyCodec;
import io.kitemq.remoting.protocol.body.BodyCodecException;
import io.kitemq.remoting.protocol.body.KvTable;
import io.kitemq.remoting.protocol.body.SubscriptionGroupConfig;
import io.kitemq.remoting.protocol.header.CreateTopicRequestHeader;
import io.kitemq.remoting.protocol.header.DeleteTopicRequestHeader;
import io.netty.channel.Channel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The admin requests of DefaultMQAdminExt that only touch this broker's tables:
 * UPDATE_AND_CREATE_TOPIC (17), DELETE_TOPIC_IN_BROKER (215), GET_ALL_TOPIC_CONFIG (21),
 * GET_BROKER_RUNTIME_INFO (28), GET_BROKER_CONFIG (26), GET_ALL_CONSUMER_OFFSET (43),
 * UPDATE_AND_CREATE_SUBSCRIPTIONGROUP (200) and GET_ALL_SUBSCRIPTIONGROUP_CONFIG (201).
 * Thread-safe.
 */
public final class AdminProcessor implements RequestProcessor {

  /** The request codes this processor answers. */
  public static final int[] CODES = {
    RequestCode.UPDATE_AND_CREATE_TOPIC,
    RequestCode.DELETE_TOPIC_IN_BROKER,
    RequestCode.GET_ALL_TOPIC_CONFIG,
    RequestCode.GET_BROKER_RUNTIME_INFO,
    RequestCode.GET_BROKER_CONFIG,
    RequestCode.GET_ALL_CONSUMER_OFFSET,
    RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP,
    RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG
  };

  private final BrokerContext ctx;
  private final Supplier<Map<String, String>> runtimeInfo;

  public AdminProcessor(BrokerContext ctx, Supplier<Map<String, String>> runtimeInfo) {
    this.ctx = ctx;
    this.runtimeInfo = runtimeInfo;
  }

  @Override
  public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request)
      throws Exception {
    RemotingCommand response =
        switch (request.code()) {
          case RequestCode.UPDATE_AND_CREATE_TOPIC -> createTopic(request);
          case RequestCode.DELETE_TOPIC_IN_BROKER -> deleteTopic(request);
          case RequestCode.GET_ALL_TOPIC_CONFIG ->
              withBody(BodyCodec.encode(ctx.topics().snapshot()));
          case RequestCode.GET_BROKER_RUNTIME_INFO ->
              withBody(BodyCodec.encode(new KvTable(runtimeInfo.get())));
          case RequestCode.GET_BROKER_CONFIG -> brokerConfig();
          case RequestCode.GET_ALL_CONSUMER_OFFSET ->
              withBody(
                  BodyCodec.encode(
                      new ConsumerOffsetManager.OffsetFile(
                          ctx.topics().dataVersion(), ctx.offsets().snapshot())));
          case RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP -> updateGroup(request);
          case RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG ->
              withBody(BodyCodec.encode(ctx.groups().snapshot()));
          default ->
              Responses.of(
                  ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                  "request code " + request.code() + " not supported");
        };
    return Responses.done(response);
  }

  private static RemotingCommand withBody(byte[] body) {
    RemotingCommand r = Responses.success();
    r.setBody(body);
    return r;
  }

  private RemotingCommand createTopic(RemotingCommand request) throws Exception {
    CreateTopicRequestHeader h = CreateTopicRequestHeader.fromExtFields(request.extFieldsOrEmpty());
    var invalid = TopicValidator.validateTopic(h.topic());
    if (invalid.isPresent()) {
      return Responses.of(ResponseCode.INVALID_PARAMETER, invalid.get());
    }
    if (Set.of(ctx.config().brokerClusterName()).contains(h.topic())) {
      return Responses.of(
          ResponseCode.INVALID_PARAMETER,
          "the topic[" + h.topic() + "] is conflict with the cluster name");
    }
    if (!TopicPermission.isValid(h.perm())) {
      return Responses.of(ResponseCode.INVALID_PARAMETER, "perm must be in 0..7: " + h.perm());
    }
    TopicFilterType filter;
    try {
      filter =
          h.topicFilterType() == null
              ? TopicFilterType.SINGLE_TAG
              : TopicFilterType.valueOf(h.topicFilterType());
    } catch (IllegalArgumentException e) {
      return Responses.of(
          ResponseCode.INVALID_PARAMETER, "unknown topicFilterType " + h.topicFilterType());
    }
    TopicConfig config =
        new TopicConfig(
            h.topic(),
            h.readQueueNums(),
            h.writeQueueNums(),
            h.perm(),
            filter,
            h.topicSysFlag() == null ? 0 : h.topicSysFlag(),
            h.order());
    ctx.topics().update(config);
    return Responses.success();
  }

  private RemotingCommand deleteTopic(RemotingCommand request) throws Exception {
    DeleteTopicRequestHeader h = DeleteTopicRequestHeader.fromExtFields(request.extFieldsOrEmpty());
    ctx.topics().delete(h.topic());
    ctx.offsets().removeTopic(h.topic());
    ctx.store().deleteTopics(Set.of(h.topic()));
    return Responses.success();
  }

  private RemotingCommand brokerConfig() {
    StringBuilder text = new StringBuilder();
    ctx.config().toMap().forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    RemotingCommand r = withBody(text.toString().getBytes(StandardCharsets.UTF_8));
    r.addExtField("version", BodyCodec.encodeToString(ctx.topics().dataVersion()));
    return r;
  }

  private RemotingCommand updateGroup(RemotingCommand request) {
    SubscriptionGroupConfig group;
    try {
      group = BodyCodec.decode(request.body(), SubscriptionGroupConfig.class);
    } catch (BodyCodecException | NullPointerException e) {
      return Responses.of(
          ResponseCode.SYSTEM_ERROR, "bad subscription group body: " + e.getMessage());
    }
    ctx.groups().update(group);
    return Responses.success();
  }
}
