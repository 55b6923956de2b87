package io.kitemq.broker.processor;

import io.kitemq.broker.transaction.TransactionalMessageService;
import io.kitemq.common.message.MessageConst;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.MessageSysFlag;
import io.kitemq.remoting.netty.RequestProcessor;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.header.EndTransactionRequestHeader;
import io.kitemq.store.AppendResult;
import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * END_TRANSACTION (37): the producer's outcome of a transaction, sent after its local transaction
 * or in answer to a check. COMMIT (8) stores the half's message in its real topic and queue, then
 * writes the op record; ROLLBACK (12) writes only the op record; UNKNOWN (0) and anything else get
 * no answer (the half stays and is checked later). The half must be the one the header names: same
 * producer group, half-queue offset and commit-log offset, else SYSTEM_ERROR. Thread-safe.
 */
public final class EndTransactionProcessor implements RequestProcessor {

  private static final Logger LOG = LoggerFactory.getLogger(EndTransactionProcessor.class);

  private final TransactionalMessageService transactions;

  public EndTransactionProcessor(TransactionalMessageService transactions) {
    this.transactions = transactions;
  }

  @Override
  public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request)
      throws Exception {
    EndTransactionRequestHeader h =
        EndTransactionRequestHeader.fromExtFields(request.extFieldsOrEmpty());
    int outcome = h.commitOrRollback();
    if (outcome != MessageSysFlag.TRANSACTION_COMMIT_TYPE
        && outcome != MessageSysFlag.TRANSACTION_ROLLBACK_TYPE) {
      return CompletableFuture.completedFuture(null);
    }
    MessageExt half = transactions.findHalf(h.commitLogOffset());
    String mismatch = mismatch(half, h);
    if (mismatch != null) {
      LOG.debug("END_TRANSACTION of {} refused: {}", h.msgId(), mismatch);
      return Responses.done(ResponseCode.SYSTEM_ERROR, mismatch);
    }
    if (outcome == MessageSysFlag.TRANSACTION_ROLLBACK_TYPE) {
      return settle(half, CompletableFuture.completedFuture(null));
    }
    CompletableFuture<AppendResult> committed;
    try {
      committed = transactions.commit(half);
    } catch (IllegalArgumentException e) {
      return Responses.done(ResponseCode.SYSTEM_ERROR, "bad half message: " + e.getMessage());
    }
    return settle(half, committed);
  }

  /** After the commit (or nothing, for a rollback) is stored, writes the op record. */
  private CompletableFuture<RemotingCommand> settle(
      MessageExt half, CompletableFuture<AppendResult> committed) {
    return committed.thenCompose(
        r -> {
          if (r != null && !r.isStored()) {
            return Responses.done(
                ResponseCode.SYSTEM_ERROR, "storing the committed message failed: " + r.status());
          }
          return transactions
              .writeOp(half.getQueueOffset())
              .thenApply(
                  op -> {
                    if (!op.isStored()) {
                      // The message is settled but the half may be checked once more.
                      LOG.warn(
                          "op record of half {} not stored: {}",
                          half.getQueueOffset(),
                          op.status());
                    }
                    return Responses.success();
                  });
        });
  }

  private static String mismatch(MessageExt half, EndTransactionRequestHeader h) {
    if (half == null) {
      return "Find prepared transaction message failed";
    }
    if (!h.producerGroup().equals(half.getProperty(MessageConst.PROPERTY_PRODUCER_GROUP))) {
      return "The producer group wrong";
    }
    if (half.getQueueOffset() != h.tranStateTableOffset()) {
      return "The transaction state table offset wrong";
    }
    if (half.getCommitLogOffset() != h.commitLogOffset()) {
      return "The commit log offset wrong";
    }
    return null;
  }
}
