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
 * dropped (the broker asks again). Thread-safe.
 */
public final class TransactionCore implements TransactionChecker {

  private static final Logger LOG = LoggerFactory.getLogger(TransactionCore.class);

  private final ProducerConfig config;
  private final ClientInstance instance;
  private final ProducerCore core;
  private final TransactionListener listener;
  private final ThreadPoolExecutor checkExecutor;

  public TransactionCore(
      ProducerConfig config,
      ClientInstance instance,
      ProducerCore core,
      TransactionListener listener,
      int checkThreads,
      int checkQueueCapacity) {
    this.config = config;
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
