package io.kitemq.broker.stats;

import io.kitemq.broker.metrics.BrokerMetricsListener;

/**
 * A {@link BrokerMetricsListener} that counts stored and pulled messages into {@link BrokerStats}
 * and then passes every report on to another listener (the metrics system's, or {@link
 * BrokerMetricsListener#NONE}), so the runtime statistics are kept whether or not metrics are on.
 * Thread-safe if the delegate is.
 */
public final class CountingListener implements BrokerMetricsListener {

  private final BrokerStats stats;
  private final BrokerMetricsListener delegate;

  public CountingListener(BrokerStats stats, BrokerMetricsListener delegate) {
    this.stats = stats;
    this.delegate = delegate;
  }

  @Override
  public void messagesIn(String topic, int messages, long bytes, boolean delayed) {
    stats.stored(topic, messages);
    delegate.messagesIn(topic, messages, bytes, delayed);
  }

  @Override
  public void messagesOut(
      String topic, String group, int queueId, long nextOffset, int messages, long bytes) {
    stats.pulled(topic, group, messages);
    delegate.messagesOut(topic, group, queueId, nextOffset, messages, bytes);
  }

  @Override
  public void sentToDlq(String group, String originTopic) {
    delegate.sentToDlq(group, originTopic);
  }

  @Override
  public void requestDone(int requestCode, int responseCode, long nanos) {
    delegate.requestDone(requestCode, responseCode, nanos);
  }
}
