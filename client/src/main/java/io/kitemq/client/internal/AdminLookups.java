package io.kitemq.client.internal;

import io.kitemq.client.BrokerException;
import io.kitemq.client.ClientException;
import io.kitemq.common.message.BodyMode;
import io.kitemq.common.message.MessageConst;
import io.kitemq.common.message.MessageDecodeException;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.MessageQueue;
import io.kitemq.common.message.StoredMessageDecoder;
import io.kitemq.common.topic.SystemTopics;
import io.kitemq.remoting.netty.RemotingException;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.body.BodyCodec;
import io.kitemq.remoting.protocol.body.BrokerData;
import io.kitemq.remoting.protocol.body.ClusterInfo;
import io.kitemq.remoting.protocol.body.ConsumeStats;
import io.kitemq.remoting.protocol.body.ConsumerConnection;
import io.kitemq.remoting.protocol.body.DataVersion;
import io.kitemq.remoting.protocol.body.KvTable;
import io.kitemq.remoting.protocol.body.SubscriptionGroupConfig;
import io.kitemq.remoting.protocol.body.TopicList;
import io.kitemq.remoting.protocol.body.TopicRouteData;
import io.kitemq.remoting.protocol.header.GetConsumeStatsRequestHeader;
import io.kitemq.remoting.protocol.header.GetConsumerConnectionListRequestHeader;
import io.kitemq.remoting.protocol.header.QueryMessageRequestHeader;
import io.kitemq.remoting.protocol.header.RpcHeader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The lookups behind the admin tools that span several brokers: topic and group lists, consumer
 * connections, consume statistics of every master, key and unique-key queries, broker runtime
 * information and subscription group updates. Each request is mapped to a value or a typed error.
 * Thread-safe (stateless apart from the shared client instance).
 */
public final class AdminLookups {

  /** Property the broker reads to search the unique-key index instead of the KEYS index. */
  private static final String UNIQUE_KEY_QUERY = "_UNIQUE_KEY_QUERY";

  private final ClientInstance instance;

  public AdminLookups(ClientInstance instance) {
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

  private RemotingCommand call(String addr, RemotingCommand request)
      throws ClientException, InterruptedException {
    return Responses.requireSuccess(invoke(addr, request), addr);
  }

  /** Every topic the name server knows (GET_ALL_TOPIC_LIST_FROM_NAMESERVER). */
  public Set<String> topicList() throws ClientException, InterruptedException {
    RemotingCommand response =
        instance.invokeNameServer(
            () -> RemotingCommand.createRequest(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER));
    Responses.requireSuccess(response, "name server");
    return Responses.body(response, TopicList.class, "name server").topicList();
  }

  /** The consumer groups that have a %RETRY% topic, sorted. */
  public Set<String> consumerGroups() throws ClientException, InterruptedException {
    Set<String> groups = new TreeSet<>();
    for (String topic : topicList()) {
      if (SystemTopics.isRetryTopic(topic)) {
        groups.add(topic.substring(SystemTopics.RETRY_GROUP_TOPIC_PREFIX.length()));
      }
    }
    return groups;
  }

  /** Every master address of every cluster, or of {@code cluster} when not null. */
  public List<String> masters(ClusterInfo info, String cluster) throws ClientException {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Set<String>> c : info.clusterAddrTable().entrySet()) {
      if (cluster != null && !cluster.equals(c.getKey())) {
        continue;
      }
      for (String name : new TreeSet<>(c.getValue())) {
        BrokerData b = info.brokerAddrTable().get(name);
        if (b != null && b.masterAddr() != null) {
          out.add(b.masterAddr());
        }
      }
    }
    if (out.isEmpty()) {
      throw new ClientException(
          cluster == null ? "no broker is registered" : "no broker in cluster " + cluster);
    }
    return out;
  }

  /**
   * Creates or updates a subscription group on one broker (UPDATE_AND_CREATE_SUBSCRIPTIONGROUP).
   */
  public void updateSubscriptionGroup(String brokerAddr, SubscriptionGroupConfig group)
      throws ClientException, InterruptedException {
    RemotingCommand request =
        RemotingCommand.createRequest(RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP);
    request.setBody(BodyCodec.encode(group));
    call(brokerAddr, request);
  }

  /** The body of GET_ALL_SUBSCRIPTIONGROUP_CONFIG. */
  record GroupTable(
      Map<String, SubscriptionGroupConfig> subscriptionGroupTable, DataVersion dataVersion) {
    GroupTable {
      subscriptionGroupTable =
          subscriptionGroupTable == null ? Map.of() : Map.copyOf(subscriptionGroupTable);
    }
  }

  /** Every subscription group of one broker by name (GET_ALL_SUBSCRIPTIONGROUP_CONFIG). */
  public Map<String, SubscriptionGroupConfig> subscriptionGroups(String brokerAddr)
      throws ClientException, InterruptedException {
    RemotingCommand response =
        call(
            brokerAddr,
            RemotingCommand.createRequest(RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG));
    return new TreeMap<>(
        Responses.body(response, GroupTable.class, brokerAddr).subscriptionGroupTable());
  }

  /**
   * The group's live clients (GET_CONSUMER_CONNECTION_LIST) from the first broker that has any;
   * null when every broker answers that the group is not online.
   */
  public ConsumerConnection consumerConnection(List<String> brokerAddrs, String group)
      throws ClientException, InterruptedException {
    for (String addr : brokerAddrs) {
      RemotingCommand response =
          invoke(
              addr,
              RemotingCommand.createRequest(
                  RequestCode.GET_CONSUMER_CONNECTION_LIST,
                  new GetConsumerConnectionListRequestHeader(group, RpcHeader.NONE)));
      if (response.code() == ResponseCode.CONSUMER_NOT_ONLINE.code()) {
        continue;
      }
      Responses.requireSuccess(response, addr);
      return Responses.body(response, ConsumerConnection.class, addr);
    }
    return null;
  }

  /**
   * The group's offsets on every queue of every broker in {@code brokerAddrs} (GET_CONSUME_STATS),
   * for {@code topic} or, when null, for every topic the group consumes.
   */
  public Map<MessageQueue, ConsumeStats.OffsetWrapper> consumeStats(
      List<String> brokerAddrs, String group, String topic)
      throws ClientException, InterruptedException {
    Map<MessageQueue, ConsumeStats.OffsetWrapper> out = new TreeMap<>();
    for (String addr : brokerAddrs) {
      RemotingCommand response =
          call(
              addr,
              RemotingCommand.createRequest(
                  RequestCode.GET_CONSUME_STATS,
                  new GetConsumeStatsRequestHeader(group, topic, null, RpcHeader.NONE)));
      out.putAll(Responses.body(response, ConsumeStats.class, addr).offsetTable());
    }
    return out;
  }

  /** A broker's runtime statistics (GET_BROKER_RUNTIME_INFO), sorted by key. */
  public Map<String, String> brokerRuntimeInfo(String brokerAddr)
      throws ClientException, InterruptedException {
    RemotingCommand response =
        call(brokerAddr, RemotingCommand.createRequest(RequestCode.GET_BROKER_RUNTIME_INFO));
    return Responses.body(response, KvTable.class, brokerAddr).table();
  }

  /**
   * Messages of {@code topic} whose KEYS contain {@code key}, stored in [begin, end] (QUERY_MESSAGE
   * to every master of the route), at most {@code maxNum} per broker.
   */
  public List<MessageExt> queryByKey(
      TopicRouteData route, String topic, String key, int maxNum, long begin, long end)
      throws ClientException, InterruptedException {
    List<MessageExt> out = new ArrayList<>();
    for (MessageExt m : query(route, topic, key, maxNum, begin, end, false)) {
      if (m.getKeyList().contains(key)) {
        out.add(m);
      }
    }
    return out;
  }

  /** The message of {@code topic} whose unique (client) id is {@code uniqueId}, or null. */
  public MessageExt queryByUniqueKey(TopicRouteData route, String topic, String uniqueId)
      throws ClientException, InterruptedException {
    for (MessageExt m : query(route, topic, uniqueId, 32, 0, Long.MAX_VALUE, true)) {
      if (uniqueId.equals(m.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX))) {
        return m;
      }
    }
    return null;
  }

  private List<MessageExt> query(
      TopicRouteData route,
      String topic,
      String key,
      int maxNum,
      long begin,
      long end,
      boolean unique)
      throws ClientException, InterruptedException {
    Map<String, byte[]> bodies = new LinkedHashMap<>();
    for (BrokerData b : route.brokerDatas()) {
      String addr = b.masterAddr();
      if (addr == null) {
        continue;
      }
      RemotingCommand request =
          RemotingCommand.createRequest(
              RequestCode.QUERY_MESSAGE,
              new QueryMessageRequestHeader(topic, key, maxNum, begin, end));
      if (unique) {
        request.addExtField(UNIQUE_KEY_QUERY, "true");
      }
      RemotingCommand response = invoke(addr, request);
      if (response.code() == ResponseCode.QUERY_NOT_FOUND.code()) {
        continue;
      }
      if (response.code() != ResponseCode.SUCCESS.code()) {
        throw new BrokerException(response.code(), response.remark(), addr);
      }
      if (response.body() != null) {
        bodies.put(addr, response.body());
      }
    }
    List<MessageExt> out = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : bodies.entrySet()) {
      try {
        out.addAll(StoredMessageDecoder.decodeAll(e.getValue(), BodyMode.DECOMPRESS));
      } catch (MessageDecodeException ex) {
        throw new ClientException("undecodable QUERY_MESSAGE answer from " + e.getKey(), ex);
      }
    }
    return out;
  }
}
