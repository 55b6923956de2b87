package io.kitemq.client.internal;

import io.kitemq.client.BrokerException;
import io.kitemq.client.ClientException;
import io.kitemq.common.message.MessageQueue;
import io.kitemq.common.message.OffsetMessageId;
import io.kitemq.remoting.netty.RemotingException;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RemotingCommandException;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.body.BrokerData;
import io.kitemq.remoting.protocol.body.BrokerStatsData;
import io.kitemq.remoting.protocol.body.ConsumeMessageDirectlyResult;
import io.kitemq.remoting.protocol.body.ConsumeStats;
import io.kitemq.remoting.protocol.body.ConsumerConnection;
import io.kitemq.remoting.protocol.body.ProducerConnection;
import io.kitemq.remoting.protocol.body.ResetOffsetBody;
import io.kitemq.remoting.protocol.body.TopicRouteData;
import io.kitemq.remoting.protocol.header.ConsumeMessageDirectlyResultRequestHeader;
import io.kitemq.remoting.protocol.header.GetConsumeStatsRequestHeader;
import io.kitemq.remoting.protocol.header.GetProducerConnectionListRequestHeader;
import io.kitemq.remoting.protocol.header.ResetOffsetRequestHeader;
import io.kitemq.remoting.protocol.header.RpcHeader;
import io.kitemq.remoting.protocol.header.SearchOffsetRequestHeader;
import io.kitemq.remoting.protocol.header.SearchOffsetResponseHeader;
import io.kitemq.remoting.protocol.header.ViewBrokerStatsDataRequestHeader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The admin requests that act on groups and single messages: reset a group's offsets to a time
 * (INVOKE_BROKER_TO_RESET_OFFSET), hand a stored message to one consumer client
 * (CONSUME_MESSAGE_DIRECTLY), find a queue's offset for a time (SEARCH_OFFSET_BY_TIMESTAMP) and a
 * producer group's connections (GET_PRODUCER_CONNECTION_LIST). Thread-safe (stateless apart from
 * the shared client instance).
 */
public final class AdminActions {

  private final ClientInstance instance;

  public AdminActions(ClientInstance instance) {
    this.instance = instance;
  }

  private RemotingCommand invoke(String addr, RemotingCommand request)
      throws ClientException, InterruptedException {
    try {
      return instance.remoting().invokeSync(addr, request, instance.requestTimeoutMillis());
    } catch (RemotingException e) {
      throw new ClientException("broker " + addr + " did not answer request " + request.code(), e);
    }
  }

  /**
   * Resets the group's offsets on {@code topic} to the first message stored at or after {@code
   * timestamp} on every master of the route; the brokers tell the group's live consumers, which
   * then consume from there. Answers the new offset of every queue.
   */
  public Map<MessageQueue, Long> resetOffset(
      TopicRouteData route, String group, String topic, long timestamp, boolean force)
      throws ClientException, InterruptedException {
    Map<MessageQueue, Long> out = new TreeMap<>();
    for (BrokerData b : route.brokerDatas()) {
      String addr = b.masterAddr();
      if (addr == null) {
        continue;
      }
      RemotingCommand request =
          RemotingCommand.createRequest(
              RequestCode.INVOKE_BROKER_TO_RESET_OFFSET,
              new ResetOffsetRequestHeader(
                  group, topic, -1, null, timestamp, force, RpcHeader.NONE));
      RemotingCommand response = Responses.requireSuccess(invoke(addr, request), addr);
      if (response.body() != null) {
        out.putAll(Responses.body(response, ResetOffsetBody.class, addr).offsetTable());
      }
    }
    return out;
  }

  /**
   * Has the client {@code clientId} of {@code group} consume the message stored under {@code
   * offsetMsgId} now, through the broker that stores it, and answers how its listener did.
   */
  public ConsumeMessageDirectlyResult consumeDirectly(
      String group, String clientId, String offsetMsgId, String topic)
      throws ClientException, InterruptedException {
    String addr = storeAddress(offsetMsgId);
    RemotingCommand request =
        RemotingCommand.createRequest(
            RequestCode.CONSUME_MESSAGE_DIRECTLY,
            new ConsumeMessageDirectlyResultRequestHeader(
                group, clientId, offsetMsgId, null, topic, null, null, RpcHeader.NONE));
    RemotingCommand response = Responses.requireSuccess(invoke(addr, request), addr);
    return Responses.body(response, ConsumeMessageDirectlyResult.class, addr);
  }

  /** The broker address encoded in an offset message id. */
  static String storeAddress(String offsetMsgId) throws ClientException {
    try {
      OffsetMessageId id = OffsetMessageId.decode(offsetMsgId);
      return id.storeHost().getAddress().getHostAddress() + ":" + id.storeHost().getPort();
    } catch (IllegalArgumentException e) {
      throw new ClientException("not a broker message id: " + offsetMsgId, e);
    }
  }

  /** The offset of the first message of {@code queue} stored at or after {@code timestamp}. */
  public long searchOffset(TopicRouteData route, MessageQueue queue, long timestamp)
      throws ClientException, InterruptedException {
    String addr = null;
    for (BrokerData b : route.brokerDatas()) {
      if (b.brokerName().equals(queue.brokerName())) {
        addr = b.masterAddr();
      }
    }
    if (addr == null) {
      throw new ClientException("no master of broker " + queue.brokerName() + " is registered");
    }
    RemotingCommand request =
        RemotingCommand.createRequest(
            RequestCode.SEARCH_OFFSET_BY_TIMESTAMP,
            new SearchOffsetRequestHeader(queue.topic(), queue.queueId(), timestamp, null));
    RemotingCommand response = Responses.requireSuccess(invoke(addr, request), addr);
    try {
      return SearchOffsetResponseHeader.fromExtFields(response.extFieldsOrEmpty()).offset();
    } catch (RemotingCommandException e) {
      throw Responses.badHeader(e, addr);
    }
  }

  /**
   * The live connections of producer group {@code group} on every broker in {@code brokerAddrs};
   * brokers where it has none are skipped.
   */
  public Map<String, List<ConsumerConnection.Connection>> producerConnections(
      List<String> brokerAddrs, String group) throws ClientException, InterruptedException {
    Map<String, List<ConsumerConnection.Connection>> out = new TreeMap<>();
    for (String addr : brokerAddrs) {
      RemotingCommand response =
          invoke(
              addr,
              RemotingCommand.createRequest(
                  RequestCode.GET_PRODUCER_CONNECTION_LIST,
                  new GetProducerConnectionListRequestHeader(group, RpcHeader.NONE)));
      if (response.code() == ResponseCode.SYSTEM_ERROR.code()
          && response.remark() != null
          && response.remark().contains("not exist")) {
        continue;
      }
      if (response.code() != ResponseCode.SUCCESS.code()) {
        throw new BrokerException(response.code(), response.remark(), addr);
      }
      out.put(addr, Responses.body(response, ProducerConnection.class, addr).connectionSet());
    }
    return out;
  }

  /**
   * The group's offsets on every queue of every broker in {@code brokerAddrs} (GET_CONSUME_STATS
   * for every topic it consumes) and the sum of the consumption rates the brokers report.
   */
  public ConsumeStats groupStats(List<String> brokerAddrs, String group)
      throws ClientException, InterruptedException {
    Map<MessageQueue, ConsumeStats.OffsetWrapper> table = new TreeMap<>();
    double tps = 0;
    for (String addr : brokerAddrs) {
      RemotingCommand response =
          Responses.requireSuccess(
              invoke(
                  addr,
                  RemotingCommand.createRequest(
                      RequestCode.GET_CONSUME_STATS,
                      new GetConsumeStatsRequestHeader(group, null, null, RpcHeader.NONE))),
              addr);
      ConsumeStats stats = Responses.body(response, ConsumeStats.class, addr);
      table.putAll(stats.offsetTable());
      tps += stats.consumeTps();
    }
    return new ConsumeStats(table, tps);
  }

  /**
   * The statistics item {@code name} / {@code key} of the broker at {@code addr}
   * (VIEW_BROKER_STATS_DATA); empty when the broker does not serve the request or has no such item.
   */
  public Optional<BrokerStatsData> statsData(String addr, String name, String key)
      throws ClientException, InterruptedException {
    RemotingCommand response =
        invoke(
            addr,
            RemotingCommand.createRequest(
                RequestCode.VIEW_BROKER_STATS_DATA,
                new ViewBrokerStatsDataRequestHeader(name, key, RpcHeader.NONE)));
    if (response.code() == ResponseCode.REQUEST_CODE_NOT_SUPPORTED.code()
        || (response.code() == ResponseCode.SYSTEM_ERROR.code()
            && response.remark() != null
            && response.remark().contains("not exist"))) {
      return Optional.empty();
    }
    Responses.requireSuccess(response, addr);
    return Optional.of(Responses.body(response, BrokerStatsData.class, addr));
  }
}
