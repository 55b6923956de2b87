package io.kitemq.nameserver.processor;

import static io.kitemq.nameserver.processor.Responses.disabled;
import static io.kitemq.nameserver.processor.Responses.json;
import static io.kitemq.nameserver.processor.Responses.success;

import io.kitemq.nameserver.NameServerConfig;
import io.kitemq.nameserver.kv.KvConfigManager;
import io.kitemq.nameserver.route.RouteInfoManager;
import io.kitemq.nameserver.route.TopicCatalog;
import io.kitemq.remoting.netty.RequestProcessor;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.body.TopicList;
import io.kitemq.remoting.protocol.body.TopicRouteData;
import io.kitemq.remoting.protocol.header.AddWritePermOfBrokerRequestHeader;
import io.kitemq.remoting.protocol.header.AddWritePermOfBrokerResponseHeader;
import io.kitemq.remoting.protocol.header.DeleteTopicFromNamesrvRequestHeader;
import io.kitemq.remoting.protocol.header.GetRouteInfoRequestHeader;
import io.kitemq.remoting.protocol.header.GetTopicsByClusterRequestHeader;
import io.kitemq.remoting.protocol.header.WipeWritePermOfBrokerRequestHeader;
import io.kitemq.remoting.protocol.header.WipeWritePermOfBrokerResponseHeader;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Requests clients and admin tools send: GET_ROUTEINFO_BY_TOPIC, GET_BROKER_CLUSTER_INFO, the topic
 * lists (all, per cluster, system, unit), DELETE_TOPIC_IN_NAMESRV and the write-permission
 * switches. Answers as RocketMQ's name server does (codes, remarks, bodies). Thread-safe.
 */
public final class RouteRequestProcessor implements RequestProcessor {

  /** The codes this processor answers. */
  public static final List<Integer> CODES =
      List.of(
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
  private final TopicCatalog topics;
  private final KvConfigManager kv;
  private final Supplier<NameServerConfig> config;

  public RouteRequestProcessor(
      RouteInfoManager routes, KvConfigManager kv, Supplier<NameServerConfig> config) {
    this.routes = routes;
    this.topics = routes.topics();
    this.kv = kv;
    this.config = config;
  }

  @Override
  public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request)
      throws Exception {
    return CompletableFuture.completedFuture(handle(request));
  }

  private RemotingCommand handle(RemotingCommand request) throws Exception {
    Map<String, String> ext = request.extFieldsOrEmpty();
    boolean lists = config.get().enableTopicList();
    return switch (request.code()) {
      case RequestCode.GET_ROUTEINFO_BY_TOPIC -> routeByTopic(ext);
      case RequestCode.GET_BROKER_CLUSTER_INFO -> json(routes.clusterInfo());
      case RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER ->
          config.get().enableAllTopicList() ? json(topics.allTopics()) : disabled();
      case RequestCode.GET_TOPICS_BY_CLUSTER -> lists ? json(topicsByCluster(ext)) : disabled();
      case RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_NS -> json(topics.systemTopics());
      case RequestCode.GET_UNIT_TOPIC_LIST -> lists ? json(topics.unitTopics()) : disabled();
      case RequestCode.GET_HAS_UNIT_SUB_TOPIC_LIST ->
          lists ? json(topics.hasUnitSubTopics()) : disabled();
      case RequestCode.GET_HAS_UNIT_SUB_UNUNIT_TOPIC_LIST ->
          lists ? json(topics.hasUnitSubUnUnitTopics()) : disabled();
      case RequestCode.DELETE_TOPIC_IN_NAMESRV -> deleteTopic(ext);
      case RequestCode.WIPE_WRITE_PERM_OF_BROKER -> {
        String name = WipeWritePermOfBrokerRequestHeader.fromExtFields(ext).brokerName();
        int count = topics.wipeWritePermOfBroker(name);
        yield success().writeHeader(new WipeWritePermOfBrokerResponseHeader(count));
      }
      case RequestCode.ADD_WRITE_PERM_OF_BROKER -> {
        String name = AddWritePermOfBrokerRequestHeader.fromExtFields(ext).brokerName();
        int count = topics.addWritePermOfBroker(name);
        yield success().writeHeader(new AddWritePermOfBrokerResponseHeader(count));
      }
      default -> Responses.notSupported(request.code());
    };
  }

  private RemotingCommand routeByTopic(Map<String, String> ext) throws Exception {
    String topic = GetRouteInfoRequestHeader.fromExtFields(ext).topic();
    TopicRouteData route = routes.pickupTopicRouteData(topic, config.get().supportActingMaster());
    if (route == null) {
      return RemotingCommand.createResponse(
          ResponseCode.TOPIC_NOT_EXIST,
          "No topic route info in name server for the topic: " + topic);
    }
    if (config.get().orderMessageEnable()) {
      route = route.withOrderTopicConf(kv.get(KvConfigManager.NAMESPACE_ORDER_TOPIC_CONFIG, topic));
    }
    // Always standard JSON (quoted numeric keys): what RocketMQ sends clients of 4.9.4 and later,
    // and what older fastjson readers parse as well.
    return json(route);
  }

  private TopicList topicsByCluster(Map<String, String> ext) throws Exception {
    return topics.topicsByCluster(GetTopicsByClusterRequestHeader.fromExtFields(ext).cluster());
  }

  private RemotingCommand deleteTopic(Map<String, String> ext) throws Exception {
    DeleteTopicFromNamesrvRequestHeader h = DeleteTopicFromNamesrvRequestHeader.fromExtFields(ext);
    if (h.clusterName() == null || h.clusterName().isEmpty()) {
      topics.deleteTopic(h.topic());
    } else {
      topics.deleteTopic(h.topic(), h.clusterName());
    }
    return success();
  }
}
