package io.kitemq.client.producer;

/**
 * The outcome of {@link TransactionProducer#sendInTransaction}.
 *
 * @param sendResult the half message's send result (queue and offset of the half on the broker)
 * @param transactionId the transaction's id: the message's UNIQ_KEY
 * @param localTransactionState what the local transaction returned (ROLLBACK_MESSAGE when the half
 *     was stored but not durably, UNKNOW when the listener failed)
 */
public record TransactionSendResult(
    SendResult sendResult, String transactionId, LocalTransactionState localTransactionState) {}
