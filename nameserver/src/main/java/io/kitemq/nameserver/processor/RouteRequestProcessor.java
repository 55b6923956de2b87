package io.kitemq.nameserver.processor;

import io.kitemq.common.util.Crc;
import io.kitemq.nameserver.NameServerConfig;
import io.kitemq.nameserver.kv.KvConfigManager;
import io.kitemq.nameserver.route.BrokerRegistration;
import io.kitemq.nameserver.route.RegisterBrokerResult;
import io.kitemq.nameserver.route.RouteInfoManager;
import io.kitemq.remoting.netty.RequestProcessor;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.body.BodyCodec;
import io.kitemq.remoting.protocol.body.DataVersion;
import io.kitemq.remoting.protocol.body.GetBrokerMemberGroupResponseBody;
import io.kitemq.remoting.protocol.body.KvTable;
import io.kitemq.remoting.protocol.body.RegisterBrokerBody;
import io.kitemq.remoting.protocol.body.TopicConfigSerializeWrapper;
import io.kitemq.remoting.protocol.body.TopicList;
import io.kitemq.remoting.protocol.body.TopicRouteData;
import io.kitemq.remoting.protocol.header.AddWritePermOfBrokerRequestHeader;
import io.kitemq.remoting.protocol.header.AddWritePermOfBrokerResponseHeader;
import io.kitemq.remoting.protocol.header.BrokerHeartbeatRequestHeader;
import io.kitemq.remoting.protocol.header.DeleteTopicFromNamesrvRequestHeader;
import io.kitemq.remoting.protocol.header.GetBrokerMemberGroupRequestHeader;
import io.kitemq.remoting.protocol.header.GetRouteInfoRequestHeader;
import io.kitemq.remoting.protocol.header.GetTopicsByClusterRequestHeader;
import io.kitemq.remoting.protocol.header.QueryDataVersionRequestHeader;
import io.kitemq.remoting.protocol.header.QueryDataVersionResponseHeader;
import io.kitemq.remoting.protocol.header.RegisterBrokerRequestHeader;
import io.kitemq.remoting.protocol.header.RegisterBrokerResponseHeader;
import io.kitemq.remoting.protocol.header.RegisterTopicRequestHeader;
import io.kitemq.remoting.protocol.header.UnregisterBrokerRequestHeader;
import io.kitemq.remoting.protocol.header.WipeWritePermOfBrokerRequestHeader;
import io.kitemq.remoting.protocol.header.WipeWritePermOfBrokerResponseHeader;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Broker registration and route requests: REGISTER_BROKER, UNREGISTER_BROKER, BROKER_HEARTBEAT,
 * GET_BROKER_MEMBER_GROUP, REGISTER_TOPIC_IN_NAMESRV, QUERY_DATA_VERSION, GET_ROUTEINFO_BY_TOPIC,
 * GET_BROKER_CLUSTER_INFO, the topic lists, DELETE_TOPIC_IN_NAMESRV and the write-permission
 * switches. Answers the way RocketMQ's name server does (codes, remarks, bodies). Thread-safe
 * (state lives in the route and KV managers).
 */
public final class RouteRequestProcessor implements RequestProcessor {

  /** The codes this processor answers. */
  public static final List<Integer> CODES =
      List.of(
          RequestCode.REGISTER_BROKER,
          RequestCode.UNREGISTER_BROKER,
          RequestCode.BROKER_HEARTBEAT,
          RequestCode.GET_BROKER_MEMBER_GROUP,
          RequestCode.REGISTER_TOPIC_IN_NAMESRV,
          RequestCode.QUERY_DATA_VERSION,
          RequestCode.GET_ROUTEINFO_BY_TOPIC,
          RequestCode.GET_BROKER_CLUSTER_INFO,
          RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER,
          RequestCode.GET_TOPICS_BY_CLUSTER,
          RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_NS,
          RequestCode.GET_UNIT_TOPIC_LIST,
          RequestCode.GET_HAS_UNIT_SUB_TOPIC_LIST,
          RequestCode.GET_HAS_UNIT_SUB_UNUNIT_TOPIC_LIST,
          RequestCode.DELETE_TOPIC_IN_NAMESRV,
          RequestCode.WIPE_WRITE_PERM_OF_BROKER,
          RequestCode.ADD_WRITE_PERM_OF_BROKER);

  private final RouteInfoManager routes;
  private final KvConfigManager kv;
  private final Supplier<NameServerConfig> config;

  public RouteRequestProcessor(
      RouteInfoManager routes, KvConfigManager kv, Supplier<NameServerConfig> config) {
    this.routes = routes;
    this.kv = kv;
    this.config = config;
  }

  @Override
  public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request)
      throws Exception {
    return CompletableFuture.completedFuture(handle(channel, request));
  }

  private RemotingCommand handle(Channel channel, RemotingCommand request) throws Exception {
    Map<String, String> ext = request.extFieldsOrEmpty();
    return switch (request.code()) {
      case RequestCode.REGISTER_BROKER -> registerBroker(channel, request);
      case RequestCode.UNREGISTER_BROKER -> {
        UnregisterBrokerRequestHeader h = UnregisterBrokerRequestHeader.fromExtFields(ext);
        routes.unregisterBroker(h.clusterName(), h.brokerAddr(), h.brokerName());
        yield success();
      }
      case RequestCode.BROKER_HEARTBEAT -> {
        BrokerHeartbeatRequestHeader h = BrokerHeartbeatRequestHeader.fromExtFields(ext);
        routes.updateBrokerInfoUpdateTimestamp(h.clusterName(), h.brokerAddr());
        yield success();
      }
      case RequestCode.GET_BROKER_MEMBER_GROUP -> {
        GetBrokerMemberGroupRequestHeader h = GetBrokerMemberGroupRequestHeader.fromExtFields(ext);
        yield withBody(
            BodyCodec.encode(
                new GetBrokerMemberGroupResponseBody(
                    routes.brokerMemberGroup(h.clusterName(), h.brokerName()))));
      }
      case RequestCode.REGISTER_TOPIC_IN_NAMESRV -> {
        String topic = RegisterTopicRequestHeader.fromExtFields(ext).topic();
        if (request.body() != null && request.body().length > 0) {
          routes
              .topics()
              .registerTopic(
                  topic, BodyCodec.decode(request.body(), TopicRouteData.class).queueDatas());
        }
        yield success();
      }
      case RequestCode.QUERY_DATA_VERSION -> queryDataVersion(request);
      case RequestCode.GET_ROUTEINFO_BY_TOPIC -> routeByTopic(request);
      case RequestCode.GET_BROKER_CLUSTER_INFO -> withBody(BodyCodec.encode(routes.clusterInfo()));
      case RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER ->
          config.get().enableAllTopicList() ? topics(routes.topics().allTopics()) : disabled();
      case RequestCode.GET_TOPICS_BY_CLUSTER ->
          config.get().enableTopicList()
              ? topics(
                  routes
                      .topics()
                      .topicsByCluster(
                          GetTopicsByClusterRequestHeader.fromExtFields(ext).cluster()))
              : disabled();
      case RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_NS -> topics(routes.topics().systemTopics());
      case RequestCode.GET_UNIT_TOPIC_LIST ->
          config.get().enableTopicList() ? topics(routes.topics().unitTopics()) : disabled();
      case RequestCode.GET_HAS_UNIT_SUB_TOPIC_LIST ->
          config.get().enableTopicList() ? topics(routes.topics().hasUnitSubTopics()) : disabled();
      case RequestCode.GET_HAS_UNIT_SUB_UNUNIT_TOPIC_LIST ->
          config.get().enableTopicList()
              ? topics(routes.topics().hasUnitSubUnUnitTopics())
              : disabled();
      case RequestCode.DELETE_TOPIC_IN_NAMESRV -> {
        DeleteTopicFromNamesrvRequestHeader h =
            DeleteTopicFromNamesrvRequestHeader.fromExtFields(ext);
        if (h.clusterName() == null || h.clusterName().isEmpty()) {
          routes.topics().deleteTopic(h.topic());
        } else {
          routes.topics().deleteTopic(h.topic(), h.clusterName());
        }
        yield success();
      }
      case RequestCode.WIPE_WRITE_PERM_OF_BROKER -> {
        String name = WipeWritePermOfBrokerRequestHeader.fromExtFields(ext).brokerName();
        yield success()
            .writeHeader(
                new WipeWritePermOfBrokerResponseHeader(
                    routes.topics().wipeWritePermOfBroker(name)));
      }
      case RequestCode.ADD_WRITE_PERM_OF_BROKER -> {
        String name = AddWritePermOfBrokerRequestHeader.fromExtFields(ext).brokerName();
        yield success()
            .writeHeader(
                new AddWritePermOfBrokerResponseHeader(routes.topics().addWritePermOfBroker(name)));
      }
      default ->
          RemotingCommand.createResponse(
              ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
              " request type " + request.code() + " not supported");
    };
  }

  private RemotingCommand registerBroker(Channel channel, RemotingCommand request)
      throws Exception {
    RegisterBrokerRequestHeader h = RegisterBrokerRequestHeader.fromExtFields(request.extFields());
    byte[] body = request.body();
    if (h.bodyCrc32() != 0 && (body == null ? 0 : Crc.crc32(body)) != h.bodyCrc32()) {
      return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, "crc32 not match");
    }
    RegisterBrokerBody decoded =
        body == null || body.length == 0
            ? new RegisterBrokerBody(
                new TopicConfigSerializeWrapper(Map.of(), new DataVersion(0, 0, 0)), List.of())
            : RegisterBrokerBody.decode(body, h.compressed());
    RegisterBrokerResult result =
        routes.registerBroker(
            new BrokerRegistration(
                h.clusterName(),
                h.brokerAddr(),
                h.brokerName(),
                h.brokerId(),
                h.haServerAddr(),
                request.extFieldsOrEmpty().get("__ZONE_NAME"),
                h.heartbeatTimeoutMillis(),
                h.enableActingMaster(),
                decoded.topicConfigSerializeWrapper(),
                decoded.filterServerList(),
                channel));
    if (result == null) {
      return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, "register broker failed");
    }
    RemotingCommand response =
        success()
            .writeHeader(
                new RegisterBrokerResponseHeader(result.haServerAddr(), result.masterAddr()));
    if (config.get().returnOrderTopicConfigToBroker()) {
      KvTable orderConf = kv.namespace(KvConfigManager.NAMESPACE_ORDER_TOPIC_CONFIG);
      if (orderConf != null) {
        response.setBody(BodyCodec.encode(orderConf));
      }
    }
    return response;
  }

  private RemotingCommand queryDataVersion(RemotingCommand request) throws Exception {
    QueryDataVersionRequestHeader h =
        QueryDataVersionRequestHeader.fromExtFields(request.extFieldsOrEmpty());
    DataVersion version = BodyCodec.decode(request.body(), DataVersion.class);
    boolean changed = routes.isBrokerTopicConfigChanged(h.clusterName(), h.brokerAddr(), version);
    routes.updateBrokerInfoUpdateTimestamp(h.clusterName(), h.brokerAddr());
    DataVersion known = routes.queryBrokerTopicConfig(h.clusterName(), h.brokerAddr());
    RemotingCommand response = success().writeHeader(new QueryDataVersionResponseHeader(changed));
    if (known != null) {
      response.setBody(BodyCodec.encode(known));
    }
    return response;
  }

  private RemotingCommand routeByTopic(RemotingCommand request) throws Exception {
    GetRouteInfoRequestHeader h =
        GetRouteInfoRequestHeader.fromExtFields(request.extFieldsOrEmpty());
    TopicRouteData route =
        routes.pickupTopicRouteData(h.topic(), config.get().supportActingMaster());
    if (route == null) {
      return RemotingCommand.createResponse(
          ResponseCode.TOPIC_NOT_EXIST,
          "No topic route info in name server for the topic: " + h.topic());
    }
    if (config.get().orderMessageEnable()) {
      route =
          route.withOrderTopicConf(kv.get(KvConfigManager.NAMESPACE_ORDER_TOPIC_CONFIG, h.topic()));
    }
    // Always standard JSON (quoted numeric keys): what RocketMQ sends clients of 4.9.4 and later,
    // and what older fastjson readers parse as well.
    return withBody(BodyCodec.encode(route));
  }

  private static RemotingCommand topics(TopicList list) {
    return withBody(BodyCodec.encode(list));
  }

  private static RemotingCommand disabled() {
    return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, "disable");
  }

  private static RemotingCommand success() {
    return RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
  }

  private static RemotingCommand withBody(byte[] body) {
    return success().setBody(body);
  }
}
