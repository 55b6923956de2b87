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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
      Update u = update(q);
      if (u == null) {
        continue;
      }
      u.request().markOneway();
      try {
        instance.remoting().invokeOneway(u.addr(), u.request(), instance.requestTimeoutMillis());
      } catch (RemotingException e) {
        LOG.debug("offset update to {} failed: {}", u.addr(), e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * Sends the updates as requests rather than oneway and waits for every answer, up to the request
   * timeout. A oneway update may be applied after the next member's offset query: the official
   * broker serves both on a pool of threads, so a member started right after this one's close could
   * read an older offset and consume a queue's messages again.
   */
  @Override
  public void persistAndWait(Collection<MessageQueue> queues) throws InterruptedException {
    List<CompletableFuture<RemotingCommand>> answers = new ArrayList<>();
    List<String> addrs = new ArrayList<>();
    for (MessageQueue q : queues) {
      Update u = update(q);
      if (u != null) {
        answers.add(
            instance
                .remoting()
                .invokeAsync(u.addr(), u.request(), instance.requestTimeoutMillis()));
        addrs.add(u.addr());
      }
    }
    long deadline =
        System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(instance.requestTimeoutMillis());
    for (int i = 0; i < answers.size(); i++) {
      try {
        long left = Math.max(0, deadline - System.nanoTime());
        RemotingCommand response = answers.get(i).get(left, TimeUnit.NANOSECONDS);
        if (response.code() != ResponseCode.SUCCESS.code()) {
          LOG.warn(
              "offset update of {} refused by {}: {} {}",
              group,
              addrs.get(i),
              response.code(),
              response.remark());
        }
      } catch (ExecutionException | TimeoutException e) {
        LOG.warn("offset update of {} to {} failed: {}", group, addrs.get(i), e.toString());
      }
    }
  }

  /** An UPDATE_CONSUMER_OFFSET for {@code q} to its master, or null without offset or master. */
  private Update update(MessageQueue q) {
    Long offset = offsets.get(q);
    String addr = instance.masterAddr(q.brokerName());
    if (offset == null || addr == null) {
      return null;
    }
    return new Update(
        addr,
        RemotingCommand.createRequest(
            RequestCode.UPDATE_CONSUMER_OFFSET,
            new UpdateConsumerOffsetRequestHeader(group, q.topic(), q.queueId(), offset)));
  }

  private record Update(String addr, RemotingCommand request) {}

  @Override
  public void remove(MessageQueue queue) {
    offsets.remove(queue);
  }
}
