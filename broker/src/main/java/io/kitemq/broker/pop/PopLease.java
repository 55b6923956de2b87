package io.kitemq.broker.pop;

/**
 * One handed-out message of a queue: when it was (last) popped, until when it stays invisible, and
 * how many times it was delivered before. Mutable; guarded by the owning {@link QueueLeases}.
 */
final class PopLease {

  private final long offset;
  private long popTime;
  private long deadline;
  private int reconsumeTimes;

  PopLease(long offset, long popTime, long deadline, int reconsumeTimes) {
    this.offset = offset;
    this.popTime = popTime;
    this.deadline = deadline;
    this.reconsumeTimes = reconsumeTimes;
  }

  long offset() {
    return offset;
  }

  long popTime() {
    return popTime;
  }

  long deadline() {
    return deadline;
  }

  int reconsumeTimes() {
    return reconsumeTimes;
  }

  /** A new handle generation: later handles carry a later pop time than every earlier one. */
  void renew(long now, long invisibleTime) {
    popTime = Math.max(now, popTime + 1);
    deadline = popTime + invisibleTime;
  }

  /** Delivered again after its deadline passed. */
  void redeliver(long now, long invisibleTime) {
    reconsumeTimes++;
    renew(now, invisibleTime);
  }

  /**
   * Keeps the lease out of reach until {@code until} while its message is being dead-lettered;
   * outstanding handles stop being current, so a late ack cannot race the dead-letter write.
   */
  void holdUntil(long now, long until) {
    popTime = Math.max(now, popTime + 1);
    deadline = until;
  }
}
