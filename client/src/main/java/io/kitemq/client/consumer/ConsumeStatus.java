package io.kitemq.client.consumer;

/** Result of a concurrent listener. */
public enum ConsumeStatus {
  CONSUME_SUCCESS,
  /** Redeliver later through the group's retry topic. */
  RECONSUME_LATER
}
