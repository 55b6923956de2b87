package io.kitemq.client.internal;

import io.kitemq.client.ClientException;
import io.kitemq.common.message.MessageQueue;
import io.kitemq.remoting.netty.RemotingException;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RemotingCommandException;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.body.BodyCodec;
import io.kitemq.remoting.protocol.body.BrokerData;
import io.kitemq.remoting.protocol.body.GetConsumerListByGroupResponseBody;
import io.kitemq.remoting.protocol.body.LockBatchRequestBody;
import io.kitemq.remoting.protocol.body.LockBatchResponseBody;
import io.kitemq.remoting.protocol.body.TopicRouteData;
import io.kitemq.remoting.protocol.header.BoundaryType;
import io.kitemq.remoting.protocol.header.ConsumerSendMsgBackRequestHeader;
import io.kitemq.remoting.protocol.header.GetConsumerListByGroupRequestHeader;
import io.kitemq.remoting.protocol.header.GetMaxOffsetRequestHeader;
import io.kitemq.remoting.protocol.header.GetMaxOffsetResponseHeader;
import io.kitemq.remoting.protocol.header.SearchOffsetRequestHeader;
import io.kitemq.remoting.protocol.header.SearchOffsetResponseHeader;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** The broker requests a consumer makes, each mapped to a value or a typed error. Stateless. */
public final class ConsumerCalls {

  private final ClientInstance instance;

  public ConsumerCalls(ClientInstance instance) {
    this.instance = instance;
  }

  private String master(String brokerName) throws ClientException {
    String addr = instance.masterAddr(brokerName);
    if (addr == null) {
      throw new ClientException("no master address for broker " + brokerName);
    }
    return addr;
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

  /** The group's member ids, asked of one random broker of the route (its master). */
  public List<String> consumerIds(TopicRouteData route, String group)
      throws ClientException, InterruptedException {
    List<BrokerData> brokers = route.brokerDatas();
    if (brokers.isEmpty()) {
      return List.of();
    }
    BrokerData b = brokers.get(ThreadLocalRandom.current().nextInt(brokers.size()));
    String addr =
        b.masterAddr() != null ? b.masterAddr() : b.brokerAddrs().values().iterator().next();
    RemotingCommand response =
        call(
            addr,
            RemotingCommand.createRequest(
                RequestCode.GET_CONSUMER_LIST_BY_GROUP,
                new GetConsumerListByGroupRequestHeader(group)));
    return Responses.body(response, GetConsumerListByGroupResponseBody.class, addr)
        .consumerIdList();
  }

  public long maxOffset(MessageQueue q) throws ClientException, InterruptedException {
    String addr = master(q.brokerName());
    RemotingCommand response =
        call(
            addr,
            RemotingCommand.createRequest(
                RequestCode.GET_MAX_OFFSET,
                new GetMaxOffsetRequestHeader(q.topic(), q.queueId(), true)));
    try {
      return GetMaxOffsetResponseHeader.fromExtFields(response.extFieldsOrEmpty()).offset();
    } catch (RemotingCommandException e) {
      throw Responses.badHeader(e, addr);
    }
  }

  public long searchOffset(MessageQueue q, long timestamp)
      throws ClientException, InterruptedException {
    String addr = master(q.brokerName());
    RemotingCommand response =
        call(
            addr,
            RemotingCommand.createRequest(
                RequestCode.SEARCH_OFFSET_BY_TIMESTAMP,
                new SearchOffsetRequestHeader(
                    q.topic(), q.queueId(), timestamp, BoundaryType.LOWER)));
    try {
      return SearchOffsetResponseHeader.fromExtFields(response.extFieldsOrEmpty()).offset();
    } catch (RemotingCommandException e) {
      throw Responses.badHeader(e, addr);
    }
  }

  /** LOCK_BATCH_MQ on {@code brokerName}'s master; returns the queues now locked by us. */
  public Set<MessageQueue> lock(String brokerName, String group, Set<MessageQueue> queues)
      throws ClientException, InterruptedException {
    String addr = master(brokerName);
    RemotingCommand request = RemotingCommand.createRequest(RequestCode.LOCK_BATCH_MQ);
    request.setBody(
        BodyCodec.encode(new LockBatchRequestBody(group, instance.clientId(), queues, false)));
    return Responses.body(call(addr, request), LockBatchResponseBody.class, addr).lockOKMQSet();
  }

  /** UNLOCK_BATCH_MQ on {@code brokerName}'s master. */
  public void unlock(String brokerName, String group, Set<MessageQueue> queues)
      throws ClientException, InterruptedException {
    String addr = master(brokerName);
    RemotingCommand request = RemotingCommand.createRequest(RequestCode.UNLOCK_BATCH_MQ);
    request.setBody(
        BodyCodec.encode(new LockBatchRequestBody(group, instance.clientId(), queues, false)));
    call(addr, request);
  }

  /** CONSUMER_SEND_MSG_BACK: the broker re-queues the message in the group's retry topic. */
  public void sendBack(
      String brokerName,
      long commitLogOffset,
      String group,
      int delayLevel,
      String originMsgId,
      String originTopic,
      int maxReconsumeTimes)
      throws ClientException, InterruptedException {
    String addr = master(brokerName);
    call(
        addr,
        RemotingCommand.createRequest(
            RequestCode.CONSUMER_SEND_MSG_BACK,
            new ConsumerSendMsgBackRequestHeader(
                commitLogOffset,
                group,
                delayLevel,
                originMsgId,
                originTopic,
                false,
                maxReconsumeTimes)));
  }
}
