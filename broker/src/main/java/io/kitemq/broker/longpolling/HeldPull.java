package io.kitemq.broker.longpolling;

import io.kitemq.store.MessageFilter;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A pull parked until a message arrives on its queue or its deadline passes. Whoever {@link
 * #claim()}s it first (the arrival path or the timeout checker) resumes it; the other gives up. The
 * payload is opaque to the hold service (the pull processor's continuation).
 */
public final class HeldPull implements Delayed {

  private final String topic;
  private final int queueId;
  private final long pullFromOffset;
  private final MessageFilter filter;
  private final long deadlineNanos;
  private final Runnable onArrival;
  private final Runnable onTimeout;
  private final AtomicBoolean claimed = new AtomicBoolean();

  /**
   * @param deadlineNanos {@link System#nanoTime()} at which the pull times out
   * @param onArrival resumes the pull after a matching message arrived
   * @param onTimeout answers the pull after its deadline
   */
  public HeldPull(
      String topic,
      int queueId,
      long pullFromOffset,
      MessageFilter filter,
      long deadlineNanos,
      Runnable onArrival,
      Runnable onTimeout) {
    this.topic = topic;
    this.queueId = queueId;
    this.pullFromOffset = pullFromOffset;
    this.filter = filter;
    this.deadlineNanos = deadlineNanos;
    this.onArrival = onArrival;
    this.onTimeout = onTimeout;
  }

  String key() {
    return PullRequestHoldService.key(topic, queueId);
  }

  public String topic() {
    return topic;
  }

  public int queueId() {
    return queueId;
  }

  public long pullFromOffset() {
    return pullFromOffset;
  }

  boolean matches(long queueOffset, long tagsCode) {
    return queueOffset >= pullFromOffset && filter.matchesTagsCode(tagsCode);
  }

  long deadlineNanos() {
    return deadlineNanos;
  }

  /** True for exactly one caller. */
  boolean claim() {
    return claimed.compareAndSet(false, true);
  }

  void arrived() {
    onArrival.run();
  }

  void timedOut() {
    onTimeout.run();
  }

  @Override
  public long getDelay(TimeUnit unit) {
    return unit.convert(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
  }

  @Override
  public int compareTo(Delayed o) {
    if (o instanceof HeldPull h) {
      return Long.compare(deadlineNanos, h.deadlineNanos);
    }
    return Long.compare(getDelay(TimeUnit.NANOSECONDS), o.getDelay(TimeUnit.NANOSECONDS));
  }
}
