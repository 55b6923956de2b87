package io.kitemq.client.producer;

import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageExt;

/**
 * The local side of a transactional message. {@link #executeLocalTransaction} runs on the thread
 * calling {@link TransactionProducer#sendInTransaction} once the half message is stored; {@link
 * #checkLocalTransaction} runs on the producer's check threads when the broker asks about a
 * transaction still open. Both must be thread-safe. A thrown exception or a null result counts as
 * {@link LocalTransactionState#UNKNOW}.
 */
public interface TransactionListener {

  /**
   * Runs the local transaction of {@code message}.
   *
   * @param arg the argument given to {@code sendInTransaction}
   */
  LocalTransactionState executeLocalTransaction(Message message, Object arg);

  /** Tells the outcome of the transaction of {@code message} (its UNIQ_KEY identifies it). */
  LocalTransactionState checkLocalTransaction(MessageExt message);
}
