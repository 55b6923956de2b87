package io.kitemq.client.internal;

import io.kitemq.client.ClientException;
import io.kitemq.common.message.MessageQueue;
import io.kitemq.remoting.netty.RemotingException;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RemotingCommandException;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.header.QueryConsumerOffsetRequestHeader;
import io.kitemq.remoting.protocol.header.QueryConsumerOffsetResponseHeader;
import io.kitemq.remoting.protocol.header.UpdateConsumerOffsetRequestHeader;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offsets of a clustering group kept by the brokers: read with QUERY_CONSUMER_OFFSET, written with
 * oneway UPDATE_CONSUMER_OFFSET to the master of each queue's broker. Thread-safe.
 */
public final class RemoteOffsetStore implements OffsetStore {

  private static final Logger LOG = LoggerFactory.getLogger(RemoteOffsetStore.class);

  private final ClientInstance instance;
  private final String group;
  private final Map<MessageQueue, Long> offsets = new ConcurrentHashMap<>();

  public RemoteOffsetStore(ClientInstance instance, String group) {
    this.instance = instance;
    this.group = group;
  }

  @Override
  public long readStored(MessageQueue queue) throws ClientException, InterruptedException {
    String addr = instance.masterAddr(queue.brokerName());
    if (addr == null) {
      throw new ClientException("no master address for broker " + queue.brokerName());
    }
    RemotingCommand request =
        RemotingCommand.createRequest(
            RequestCode.QUERY_CONSUMER_OFFSET,
            new QueryConsumerOffsetRequestHeader(group, queue.topic(), queue.queueId(), null));
    try {
      RemotingCommand response =
          instance.remoting().invokeSync(addr, request, instance.requestTimeoutMillis());
      if (response.code() == ResponseCode.QUERY_NOT_FOUND.code()) {
        return -1;
      }
      Responses.requireSuccess(response, addr);
      return QueryConsumerOffsetResponseHeader.fromExtFields(response.extFieldsOrEmpty()).offset();
    } catch (RemotingException e) {
      throw new ClientException("offset query to " + addr + " failed", e);
    } catch (RemotingCommandException e) {
      throw Responses.badHeader(e, addr);
    }
  }

  @Override
  public void update(MessageQueue queue, long offset) {
    offsets.merge(queue, offset, Math::max);
  }

  @Override
  public void overwrite(MessageQueue queue, long offset) {
    offsets.put(queue, offset);
  }

  @Override
  public long inMemory(MessageQueue queue) {
    return offsets.getOrDefault(queue, -1L);
  }

  @Override
  public void persist(Collection<MessageQueue> queues) {
    for (MessageQueue q : queues) {
      Long offset = offsets.get(q);
      String addr = instance.masterAddr(q.brokerName());
      if (offset == null || addr == null) {
        continue;
      }
      RemotingCommand request =
          RemotingCommand.createRequest(
              RequestCode.UPDATE_CONSUMER_OFFSET,
              new UpdateConsumerOffsetRequestHeader(group, q.topic(), q.queueId(), offset));
      request.markOneway();
      try {
        instance.remoting().invokeOneway(addr, request, instance.requestTimeoutMillis());
      } catch (RemotingException e) {
        LOG.debug("offset update to {} failed: {}", addr, e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void remove(MessageQueue queue) {
    offsets.remove(queue);
  }
}
