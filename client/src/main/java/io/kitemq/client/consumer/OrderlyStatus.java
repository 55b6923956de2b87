package io.kitemq.client.consumer;

/** Result of an orderly listener. */
public enum OrderlyStatus {
  SUCCESS,
  /** Stop this queue for a moment and hand the same messages again, in order. */
  SUSPEND_CURRENT_QUEUE_A_MOMENT
}
