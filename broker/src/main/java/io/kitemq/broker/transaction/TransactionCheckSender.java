package io.kitemq.broker.transaction;

import io.kitemq.broker.client.ClientChannelInfo;
import io.kitemq.broker.client.ProducerManager;
import io.kitemq.common.message.MessageConst;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.StoredMessageEncoder;
import io.kitemq.remoting.netty.RemotingServer;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.header.CheckTransactionStateRequestHeader;
import io.kitemq.remoting.protocol.header.RpcHeader;
import io.netty.channel.Channel;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends CHECK_TRANSACTION_STATE (39, oneway) about a half message to one live producer of its group
 * (PGROUP), chosen round robin among the active, writable connections. The header names the half's
 * copy (its half-queue offset, commit-log offset and offset id); the body is the message encoded as
 * a stored record with its real topic and queue, as the official client decodes it. A group with no
 * live producer is skipped (the next pass checks again). Thread-safe.
 */
public final class TransactionCheckSender {

  private static final Logger LOG = LoggerFactory.getLogger(TransactionCheckSender.class);
  private static final long WRITE_TIMEOUT_MILLIS = 3_000;

  private final ProducerManager producers;
  private final Supplier<RemotingServer> server;
  private final String brokerName;
  private final AtomicInteger next = new AtomicInteger();

  public TransactionCheckSender(
      ProducerManager producers, Supplier<RemotingServer> server, String brokerName) {
    this.producers = producers;
    this.server = server;
    this.brokerName = brokerName;
  }

  /**
   * @param half the half's copy just put back (topic still the half topic; queue and commit-log
   *     offsets those of the copy); its topic and queue id are changed here
   * @param offsetMsgId the copy's offset message id
   * @return whether the request was written to a producer
   */
  boolean sendCheck(MessageExt half, String offsetMsgId) throws InterruptedException {
    String group = half.getProperty(MessageConst.PROPERTY_PRODUCER_GROUP);
    Channel channel = group == null ? null : pick(producers.members(group));
    if (channel == null) {
      LOG.debug("no live producer of group {} to check a transaction with", group);
      return false;
    }
    String uniq = half.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
    CheckTransactionStateRequestHeader header =
        new CheckTransactionStateRequestHeader(
            half.getTopic(),
            half.getQueueOffset(),
            half.getCommitLogOffset(),
            uniq,
            uniq,
            offsetMsgId,
            RpcHeader.ofBrokerName(brokerName));
    half.setTopic(half.getProperty(MessageConst.PROPERTY_REAL_TOPIC));
    half.setQueueId(HalfMessages.realQueueId(half));
    RemotingCommand request =
        RemotingCommand.createRequest(RequestCode.CHECK_TRANSACTION_STATE, header);
    request.setBody(StoredMessageEncoder.encode(half));
    request.markOneway();
    try {
      server.get().invokeOneway(channel, request, WRITE_TIMEOUT_MILLIS);
      return true;
    } catch (io.kitemq.remoting.netty.RemotingException e) {
      LOG.warn("check of transaction {} with group {} failed: {}", uniq, group, e.getMessage());
      return false;
    }
  }

  private Channel pick(List<ClientChannelInfo> members) {
    int size = members.size();
    if (size == 0) {
      return null;
    }
    int start = Math.floorMod(next.getAndIncrement(), size);
    for (int k = 0; k < size; k++) {
      Channel c = members.get((start + k) % size).channel();
      if (c.isActive() && c.isWritable()) {
        return c;
      }
    }
    return null;
  }
}
