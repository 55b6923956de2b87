package io.kitemq.client.producer;

/** The outcome of a local transaction, as a {@link TransactionListener} reports it. */
public enum LocalTransactionState {
  /** The message becomes visible to consumers. */
  COMMIT_MESSAGE,
  /** The message is dropped. */
  ROLLBACK_MESSAGE,
  /** Not decided yet: the broker asks again later (the official spelling). */
  UNKNOW
}
