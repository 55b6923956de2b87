package io.kitemq.client.internal;

import io.kitemq.client.ClientException;
import io.kitemq.common.message.BodyMode;
import io.kitemq.common.message.MessageDecodeException;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.MessageQueue;
import io.kitemq.common.message.OffsetMessageId;
import io.kitemq.common.message.StoredMessageDecoder;
import io.kitemq.common.topic.SystemTopics;
import io.kitemq.common.topic.TopicPermission;
import io.kitemq.remoting.netty.RemotingException;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.body.BrokerData;
import io.kitemq.remoting.protocol.body.ClusterInfo;
import io.kitemq.remoting.protocol.body.ConsumeStats;
import io.kitemq.remoting.protocol.body.TopicRouteData;
import io.kitemq.remoting.protocol.body.TopicStatsTable;
import io.kitemq.remoting.protocol.header.CreateTopicRequestHeader;
import io.kitemq.remoting.protocol.header.DeleteTopicFromNamesrvRequestHeader;
import io.kitemq.remoting.protocol.header.DeleteTopicRequestHeader;
import io.kitemq.remoting.protocol.header.GetConsumeStatsRequestHeader;
import io.kitemq.remoting.protocol.header.GetTopicStatsInfoRequestHeader;
import io.kitemq.remoting.protocol.header.RpcHeader;
import io.kitemq.remoting.protocol.header.ViewMessageRequestHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The requests behind the admin client, each mapped to a value or a typed error. */
public final class AdminCalls {

  private final ClientInstance instance;

  public AdminCalls(ClientInstance instance) {
    this.instance = instance;
  }

  private RemotingCommand call(String addr, RemotingCommand request)
      throws ClientException, InterruptedException {
    try {
      return Responses.requireSuccess(
          instance.remoting().invokeSync(addr, request, instance.requestTimeoutMillis()), addr);
    } catch (RemotingException e) {
      throw new ClientException("request " + request.code() + " to " + addr + " failed", e);
    }
  }

  public ClusterInfo clusterInfo() throws ClientException, InterruptedException {
    RemotingCommand response =
        instance.invokeNameServer(
            () -> RemotingCommand.createRequest(RequestCode.GET_BROKER_CLUSTER_INFO));
    Responses.requireSuccess(response, "name server");
    return Responses.body(response, ClusterInfo.class, "name server");
  }

  private List<String> masters(String cluster) throws ClientException, InterruptedException {
    ClusterInfo info = clusterInfo();
    Set<String> names = info.clusterAddrTable().get(cluster);
    if (names == null || names.isEmpty()) {
      throw new ClientException("no broker in cluster " + cluster);
    }
    List<String> out = new ArrayList<>();
    for (String name : names) {
      BrokerData b = info.brokerAddrTable().get(name);
      if (b != null && b.masterAddr() != null) {
        out.add(b.masterAddr());
      }
    }
    return out;
  }

  public void createTopic(String cluster, String topic, int queues)
      throws ClientException, InterruptedException {
    if (queues <= 0) {
      throw new ClientException("queues must be positive, got " + queues);
    }
    for (String addr : masters(cluster)) {
      createTopicOn(addr, topic, queues, queues, TopicPermission.READ_WRITE, false);
    }
  }

  /** Creates or updates {@code topic} on the broker at {@code addr} (UPDATE_AND_CREATE_TOPIC). */
  public void createTopicOn(
      String addr, String topic, int readQueues, int writeQueues, int perm, boolean order)
      throws ClientException, InterruptedException {
    if (readQueues <= 0 || writeQueues <= 0) {
      throw new ClientException(
          "queue counts must be positive, got read " + readQueues + ", write " + writeQueues);
    }
    call(
        addr,
        RemotingCommand.createRequest(
            RequestCode.UPDATE_AND_CREATE_TOPIC,
            new CreateTopicRequestHeader(
                topic,
                SystemTopics.AUTO_CREATE_TOPIC_KEY_TOPIC,
                readQueues,
                writeQueues,
                perm,
                "SINGLE_TAG",
                0,
                order,
                null,
                false)));
  }

  public void deleteTopic(String cluster, String topic)
      throws ClientException, InterruptedException {
    for (String addr : masters(cluster)) {
      call(
          addr,
          RemotingCommand.createRequest(
              RequestCode.DELETE_TOPIC_IN_BROKER, new DeleteTopicRequestHeader(topic)));
    }
    Map<String, RemotingCommand> answers =
        instance.invokeAllNameServers(
            () ->
                RemotingCommand.createRequest(
                    RequestCode.DELETE_TOPIC_IN_NAMESRV,
                    new DeleteTopicFromNamesrvRequestHeader(topic, cluster)));
    for (Map.Entry<String, RemotingCommand> e : answers.entrySet()) {
      Responses.requireSuccess(e.getValue(), e.getKey());
    }
    instance.invalidateRoute(topic);
  }

  public Map<MessageQueue, TopicStatsTable.TopicOffset> topicStats(
      TopicRouteData route, String topic) throws ClientException, InterruptedException {
    Map<MessageQueue, TopicStatsTable.TopicOffset> out = new TreeMap<>();
    for (BrokerData b : route.brokerDatas()) {
      if (b.masterAddr() == null) {
        continue;
      }
      RemotingCommand response =
          call(
              b.masterAddr(),
              RemotingCommand.createRequest(
                  RequestCode.GET_TOPIC_STATS_INFO,
                  new GetTopicStatsInfoRequestHeader(topic, RpcHeader.NONE)));
      out.putAll(Responses.body(response, TopicStatsTable.class, b.masterAddr()).offsetTable());
    }
    return out;
  }

  public Map<MessageQueue, ConsumeStats.OffsetWrapper> consumeStats(
      TopicRouteData route, String group, String topic)
      throws ClientException, InterruptedException {
    Map<MessageQueue, ConsumeStats.OffsetWrapper> out = new TreeMap<>();
    for (BrokerData b : route.brokerDatas()) {
      if (b.masterAddr() == null) {
        continue;
      }
      RemotingCommand response =
          call(
              b.masterAddr(),
              RemotingCommand.createRequest(
                  RequestCode.GET_CONSUME_STATS,
                  new GetConsumeStatsRequestHeader(group, topic, null, RpcHeader.NONE)));
      out.putAll(Responses.body(response, ConsumeStats.class, b.masterAddr()).offsetTable());
    }
    return out;
  }

  public MessageExt viewMessage(String offsetMsgId) throws ClientException, InterruptedException {
    OffsetMessageId id;
    try {
      id = OffsetMessageId.decode(offsetMsgId);
    } catch (IllegalArgumentException e) {
      throw new ClientException("not a broker message id: " + offsetMsgId, e);
    }
    String addr = id.storeHost().getAddress().getHostAddress() + ":" + id.storeHost().getPort();
    RemotingCommand response =
        call(
            addr,
            RemotingCommand.createRequest(
                RequestCode.VIEW_MESSAGE_BY_ID,
                new ViewMessageRequestHeader(null, id.commitLogOffset())));
    byte[] body = response.body();
    if (body == null) {
      throw new ClientException("empty VIEW_MESSAGE_BY_ID answer from " + addr);
    }
    try {
      return StoredMessageDecoder.decodeAll(body, BodyMode.DECOMPRESS).get(0);
    } catch (MessageDecodeException | IndexOutOfBoundsException e) {
      throw new ClientException("undecodable message from " + addr, e);
    }
  }
}
