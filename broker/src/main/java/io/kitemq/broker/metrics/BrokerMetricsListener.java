package io.kitemq.broker.metrics;

import io.kitemq.remoting.netty.RequestTimingListener;

/**
 * What the broker reports as it works, for a metrics system to count: messages stored, messages
 * handed to consumers, dead letters and request latencies. The broker calls it on its request
 * threads, once per request (never per message of a batch), so an implementation must be
 * thread-safe, must not block and should not allocate on these calls. Strings passed in are the
 * request's own (topic and group names); an implementation may keep them as map keys.
 *
 * <p>{@link #NONE} ignores everything; it is what a broker uses until one is set with {@code
 * BrokerController.setMetricsListener}.
 */
public interface BrokerMetricsListener extends RequestTimingListener {

  /** Ignores every report. */
  BrokerMetricsListener NONE = new BrokerMetricsListener() {};

  /**
   * {@code messages} messages of {@code bytes} body bytes in all were stored in {@code topic}.
   *
   * @param delayed whether they went to a delay level (RIP-46's {@code message_type=delay})
   */
  default void messagesIn(String topic, int messages, long bytes, boolean delayed) {}

  /**
   * {@code messages} messages of {@code bytes} stored bytes of queue {@code queueId} of {@code
   * topic} were pulled by {@code group}, which will pull from {@code nextOffset} next.
   */
  default void messagesOut(
      String topic, String group, int queueId, long nextOffset, int messages, long bytes) {}

  /** A message of {@code group} that ran out of retries went to the dead-letter queue. */
  default void sentToDlq(String group, String originTopic) {}

  /**
   * A request with {@code requestCode} was answered with {@code responseCode} after {@code nanos}
   * (from the start of processing to the answer being ready).
   */
  @Override
  default void requestDone(int requestCode, int responseCode, long nanos) {}
}
