package io.kitemq.nameserver.processor;

import static io.kitemq.nameserver.processor.Responses.json;
import static io.kitemq.nameserver.processor.Responses.success;

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
import io.kitemq.remoting.protocol.body.TopicRouteData;
import io.kitemq.remoting.protocol.header.BrokerHeartbeatRequestHeader;
import io.kitemq.remoting.protocol.header.GetBrokerMemberGroupRequestHeader;
import io.kitemq.remoting.protocol.header.QueryDataVersionRequestHeader;
import io.kitemq.remoting.protocol.header.QueryDataVersionResponseHeader;
import io.kitemq.remoting.protocol.header.RegisterBrokerRequestHeader;
import io.kitemq.remoting.protocol.header.RegisterBrokerResponseHeader;
import io.kitemq.remoting.protocol.header.RegisterTopicRequestHeader;
import io.kitemq.remoting.protocol.header.UnregisterBrokerRequestHeader;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Requests brokers send: REGISTER_BROKER, UNREGISTER_BROKER, BROKER_HEARTBEAT, QUERY_DATA_VERSION,
 * GET_BROKER_MEMBER_GROUP, REGISTER_TOPIC_IN_NAMESRV. Answers as RocketMQ's name server does
 * (codes, remarks, bodies). Thread-safe (state lives in the route and KV managers).
 */
public final class BrokerRequestProcessor implements RequestProcessor {

  /** The codes this processor answers. */
  public static final List<Integer> CODES =
      List.of(
          RequestCode.REGISTER_BROKER,
          RequestCode.UNREGISTER_BROKER,
          RequestCode.BROKER_HEARTBEAT,
          RequestCode.QUERY_DATA_VERSION,
          RequestCode.GET_BROKER_MEMBER_GROUP,
          RequestCode.REGISTER_TOPIC_IN_NAMESRV);

  /** The extFields key of a broker's zone (not part of the typed header). */
  private static final String ZONE_NAME_KEY = "__ZONE_NAME";

  private final RouteInfoManager routes;
  private final KvConfigManager kv;
  private final Supplier<NameServerConfig> config;

  public BrokerRequestProcessor(
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
    switch (request.code()) {
      case RequestCode.REGISTER_BROKER:
        return registerBroker(channel, request);
      case RequestCode.UNREGISTER_BROKER:
        UnregisterBrokerRequestHeader u = UnregisterBrokerRequestHeader.fromExtFields(ext);
        routes.unregisterBroker(u.clusterName(), u.brokerAddr(), u.brokerName());
        return success();
      case RequestCode.BROKER_HEARTBEAT:
        BrokerHeartbeatRequestHeader h = BrokerHeartbeatRequestHeader.fromExtFields(ext);
        routes.updateBrokerInfoUpdateTimestamp(h.clusterName(), h.brokerAddr());
        return success();
      case RequestCode.QUERY_DATA_VERSION:
        return queryDataVersion(request);
      case RequestCode.GET_BROKER_MEMBER_GROUP:
        GetBrokerMemberGroupRequestHeader g = GetBrokerMemberGroupRequestHeader.fromExtFields(ext);
        return json(
            new GetBrokerMemberGroupResponseBody(
                routes.brokerMemberGroup(g.clusterName(), g.brokerName())));
      case RequestCode.REGISTER_TOPIC_IN_NAMESRV:
        String topic = RegisterTopicRequestHeader.fromExtFields(ext).topic();
        if (request.body() != null && request.body().length > 0) {
          TopicRouteData route = BodyCodec.decode(request.body(), TopicRouteData.class);
          routes.topics().registerTopic(topic, route.queueDatas());
        }
        return success();
      default:
        return Responses.notSupported(request.code());
    }
  }

  private RemotingCommand registerBroker(Channel channel, RemotingCommand request)
      throws Exception {
    Map<String, String> ext = request.extFieldsOrEmpty();
    RegisterBrokerRequestHeader h = RegisterBrokerRequestHeader.fromExtFields(ext);
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
                ext.get(ZONE_NAME_KEY),
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
}
