package io.kitemq.client.internal;

import io.kitemq.client.ClientException;
import io.kitemq.client.producer.LocalTransactionState;
import io.kitemq.client.producer.SendResult;
import io.kitemq.client.producer.SendStatus;
import io.kitemq.client.producer.TransactionListener;
import io.kitemq.client.producer.TransactionSendResult;
import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageConst;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.MessageSysFlag;
import io.kitemq.common.message.OffsetMessageId;
import io.kitemq.remoting.netty.BoundedExecutors;
import io.kitemq.remoting.netty.RemotingException;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.header.CheckTransactionStateRequestHeader;
import io.kitemq.remoting.protocol.header.EndTransactionRequestHeader;
import io.kitemq.remoting.protocol.header.RpcHeader;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactional side of a producer: sends the half message (TRAN_MSG=true, PGROUP, PREPARED
 * sysflag), runs the local transaction, and reports its outcome with a oneway END_TRANSACTION to
 * the broker holding the half; answers the broker's CHECK_TRANSACTION_STATE by running {@link
 * TransactionListener#checkLocalTransaction} on a small bounded pool and sending END_TRANSACTION
 * (fromTransactionCheck=true) back to the asking broker. Checks arriving while the pool is full are
 * dropped (the broker asks again). With a trace dispatcher, each outcome sent (after the local
 * transaction and after each check) is also recorded as an EndTransaction trace record, as the
 * official client's trace hook does. Thread-safe.
 */
public final class TransactionCore implements TransactionChecker {

  private static final Logger LOG = LoggerFactory.getLogger(TransactionCore.class);

  /** The region the official client records when the message carries none. */
  static final String DEFAULT_REGION = "DefaultRegion";

  private final ProducerConfig config;
  private final ClientInstance instance;
  private final ProducerCore core;
  private final TransactionListener listener;
  private final ThreadPoolExecutor checkExecutor;
  private final TraceDispatcher tracer;

  /**
   * @param tracer where the EndTransaction record of each outcome goes, or null for none
   */
  public TransactionCore(
      ProducerConfig config,
      ClientInstance instance,
      ProducerCore core,
      TransactionListener listener,
      int checkThreads,
      int checkQueueCapacity,
      TraceDispatcher tracer) {
    this.config = config;
    this.tracer = tracer;
    this.instance = instance;
    this.core = core;
    this.listener = listener;
    this.checkExecutor =
        BoundedExecutors.newBoundedExecutor(
            "kite-transaction-check-", checkThreads, checkQueueCapacity);
    instance.registerTransactionChecker(config.group(), this);
  }

  public void close() {
    instance.unregisterTransactionChecker(config.group());
    checkExecutor.shutdown();
    try {
      if (!checkExecutor.awaitTermination(5, TimeUnit.SECONDS)) {
        checkExecutor.shutdownNow();
      }
    } catch (InterruptedException e) {
      checkExecutor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  public TransactionSendResult sendInTransaction(Message message, Object arg)
      throws ClientException, InterruptedException {
    message.removeProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL);
    message.putProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED, "true");
    message.putProperty(MessageConst.PROPERTY_PRODUCER_GROUP, config.group());
    SendResult sent = core.send(message);
    LocalTransactionState state;
    Throwable failure = null;
    if (sent.status() == SendStatus.SEND_OK) {
      try {
        state = listener.executeLocalTransaction(message, arg);
      } catch (RuntimeException e) {
        LOG.warn("local transaction of {} failed; the broker will check it", sent.msgId(), e);
        state = null;
        failure = e;
      }
      if (state == null) {
        state = LocalTransactionState.UNKNOW;
      }
    } else {
      // Stored, but not as durably as asked: the half must not become a message.
      state = LocalTransactionState.ROLLBACK_MESSAGE;
    }
    try {
      endTransaction(message, sent, state, failure);
    } catch (ClientException e) {
      LOG.warn(
          "ending transaction {} as {} failed; the broker will check it", sent.msgId(), state, e);
    }
    return new TransactionSendResult(sent, message.getUniqueId(), state);
  }

  private void endTransaction(
      Message message, SendResult sent, LocalTransactionState state, Throwable failure)
      throws ClientException, InterruptedException {
    String addr = instance.masterAddr(sent.queue().brokerName());
    if (addr == null) {
      throw new ClientException("no master address for broker " + sent.queue().brokerName());
    }
    String id = sent.offsetMsgId() != null ? sent.offsetMsgId() : sent.msgId();
    EndTransactionRequestHeader header =
        new EndTransactionRequestHeader(
            message.getTopic(),
            config.group(),
            sent.queueOffset(),
            OffsetMessageId.decode(id).commitLogOffset(),
            outcomeCode(state),
            false,
            sent.msgId(),
            message.getUniqueId(),
            RpcHeader.ofBrokerName(sent.queue().brokerName()));
    traceEnd(message, sent.msgId(), addr, state, message.getUniqueId(), false);
    RemotingCommand request = RemotingCommand.createRequest(RequestCode.END_TRANSACTION, header);
    if (failure != null) {
      request.setRemark("executeLocalTransactionBranch exception: " + failure);
    }
    sendOneway(addr, request);
  }

  @Override
  public void check(String brokerAddr, CheckTransactionStateRequestHeader header, MessageExt msg) {
    try {
      checkExecutor.execute(() -> answerCheck(brokerAddr, header, msg));
    } catch (RejectedExecutionException e) {
      LOG.warn("transaction check of {} dropped: the check pool is full or closed", header.msgId());
    }
  }

  private void answerCheck(
      String brokerAddr, CheckTransactionStateRequestHeader h, MessageExt msg) {
    LocalTransactionState state;
    String remark = null;
    try {
      state = listener.checkLocalTransaction(msg);
    } catch (RuntimeException e) {
      LOG.warn("checkLocalTransaction of {} failed", h.msgId(), e);
      state = null;
      remark = "checkLocalTransactionState Exception: " + e;
    }
    if (state == null) {
      state = LocalTransactionState.UNKNOW;
    }
    String uniq = msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
    traceEnd(
        msg,
        uniq != null ? uniq : msg.getMsgId(),
        brokerAddr,
        state,
        uniq != null ? uniq : h.transactionId(),
        true);
    EndTransactionRequestHeader header =
        new EndTransactionRequestHeader(
            h.topic(),
            config.group(),
            h.tranStateTableOffset(),
            h.commitLogOffset(),
            outcomeCode(state),
            true,
            uniq != null ? uniq : msg.getMsgId(),
            h.transactionId(),
            h.rpc().bname() == null ? RpcHeader.NONE : RpcHeader.ofBrokerName(h.rpc().bname()));
    RemotingCommand request = RemotingCommand.createRequest(RequestCode.END_TRANSACTION, header);
    if (remark != null) {
      request.setRemark(remark);
    }
    try {
      sendOneway(brokerAddr, request);
    } catch (ClientException e) {
      LOG.warn("answering the check of {} failed; the broker will ask again", h.msgId(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Queues the EndTransaction record of an outcome about to be sent, when tracing. */
  private void traceEnd(
      Message m,
      String msgId,
      String brokerAddr,
      LocalTransactionState state,
      String transactionId,
      boolean fromCheck) {
    if (tracer == null || m.getTopic().equals(tracer.traceTopic())) {
      return;
    }
    // A checked message carries the region its broker stored; the caller's message has none.
    String region = m.getProperty(MessageConst.PROPERTY_MSG_REGION);
    tracer.offer(
        TraceRecords.endTransaction(
            System.currentTimeMillis(),
            region == null || region.isEmpty() ? DEFAULT_REGION : region,
            config.group(),
            m.getTopic(),
            msgId,
            m.getTags(),
            m.getKeys(),
            brokerAddr,
            transactionId,
            state.name(),
            fromCheck));
  }

  private void sendOneway(String addr, RemotingCommand request)
      throws ClientException, InterruptedException {
    request.markOneway();
    try {
      instance.remoting().invokeOneway(addr, request, config.sendTimeoutMillis());
    } catch (RemotingException e) {
      throw new ClientException("END_TRANSACTION to " + addr + " failed", e);
    }
  }

  private static int outcomeCode(LocalTransactionState state) {
    return switch (state) {
      case COMMIT_MESSAGE -> MessageSysFlag.TRANSACTION_COMMIT_TYPE;
      case ROLLBACK_MESSAGE -> MessageSysFlag.TRANSACTION_ROLLBACK_TYPE;
      case UNKNOW -> MessageSysFlag.TRANSACTION_NOT_TYPE;
    };
  }
}
