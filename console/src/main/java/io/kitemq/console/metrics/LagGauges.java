package io.kitemq.console.metrics;

import io.kitemq.broker.BrokerController;
import io.kitemq.common.topic.SystemTopics;
import io.kitemq.store.MessageStore;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RIP-46's consumer gauges, computed per (topic, group) with committed offsets when scraped:
 *
 * <pre>
 *   queue:   min ........ committed ........ pulled ........ max
 *                         |<--- in flight --->|<--- ready --->|
 *                         |<------------- lag ---------------->|
 * </pre>
 *
 * {@code rocketmq_consumer_lag_messages} = max - committed; {@code _inflight_messages} = pulled -
 * committed; {@code _ready_messages} = max - pulled; {@code _lag_latency} and {@code
 * _queueing_latency} = now minus the store time of the message at committed, resp. pulled (0 when
 * nothing waits). "pulled" is the next offset last answered to the group on the pull path, or the
 * committed offset when no pull has been seen since start. Labels: topic, consumer_group, is_retry,
 * is_system. Thread-safe (reads only).
 */
final class LagGauges {

  private final BrokerController broker;
  private final PulledOffsets pulled;

  LagGauges(BrokerController broker, PulledOffsets pulled) {
    this.broker = broker;
    this.pulled = pulled;
  }

  /** One (topic, group)'s figures at one instant. */
  record Lag(
      String topic,
      String group,
      long lag,
      long inflight,
      long ready,
      long lagLatencyMillis,
      long queueingLatencyMillis) {}

  void register(Labels constLabels, PrometheusRegistry registry) {
    lagGauge("rocketmq_consumer_lag_messages", "Consumer lag messages", constLabels, Lag::lag)
        .register(registry);
    lagGauge(
            "rocketmq_consumer_lag_latency",
            "Consumer lag time, milliseconds",
            constLabels,
            Lag::lagLatencyMillis)
        .register(registry);
    lagGauge(
            "rocketmq_consumer_inflight_messages",
            "Consumer inflight messages",
            constLabels,
            Lag::inflight)
        .register(registry);
    lagGauge(
            "rocketmq_consumer_queueing_latency",
            "Consumer queueing time, milliseconds",
            constLabels,
            Lag::queueingLatencyMillis)
        .register(registry);
    lagGauge("rocketmq_consumer_ready_messages", "Consumer ready messages", constLabels, Lag::ready)
        .register(registry);
  }

  private GaugeWithCallback.Builder lagGauge(
      String name, String help, Labels constLabels, java.util.function.ToLongFunction<Lag> f) {
    return GaugeWithCallback.builder()
        .name(name)
        .help(help)
        .constLabels(constLabels)
        .labelNames("topic", "consumer_group", "is_retry", "is_system")
        .callback(
            cb -> {
              for (Lag l : compute()) {
                cb.call(
                    f.applyAsLong(l),
                    l.topic(),
                    l.group(),
                    Boolean.toString(SystemTopics.isRetryTopic(l.topic())),
                    Boolean.toString(
                        SystemTopics.isSystemTopic(l.topic())
                            || SystemTopics.isSystemGroup(l.group())));
              }
            });
  }

  /** Every (topic, group) with committed offsets on this broker. */
  List<Lag> compute() {
    MessageStore store = broker.store();
    long now = System.currentTimeMillis();
    List<Lag> out = new ArrayList<>();
    for (Map.Entry<String, Map<Integer, Long>> e : broker.offsets().snapshot().entrySet()) {
      int at = e.getKey().indexOf('@');
      if (at < 0) {
        continue;
      }
      String topic = e.getKey().substring(0, at);
      String group = e.getKey().substring(at + 1);
      if (!broker.topics().contains(topic)) {
        continue;
      }
      long lag = 0;
      long inflight = 0;
      long ready = 0;
      long oldestUnconsumed = Long.MAX_VALUE;
      long oldestUnpulled = Long.MAX_VALUE;
      for (Map.Entry<Integer, Long> q : e.getValue().entrySet()) {
        int queueId = q.getKey();
        long max = store.getMaxOffset(topic, queueId);
        long committed = Math.max(q.getValue(), store.getMinOffset(topic, queueId));
        long next = Math.max(committed, Math.min(max, pulled.pulled(topic, group, queueId)));
        lag += Math.max(0, max - committed);
        inflight += next - committed;
        ready += Math.max(0, max - next);
        if (max > committed) {
          oldestUnconsumed =
              Math.min(oldestUnconsumed, storeTime(store, topic, queueId, committed));
        }
        if (max > next) {
          oldestUnpulled = Math.min(oldestUnpulled, storeTime(store, topic, queueId, next));
        }
      }
      out.add(
          new Lag(
              topic,
              group,
              lag,
              inflight,
              ready,
              latency(now, oldestUnconsumed),
              latency(now, oldestUnpulled)));
    }
    return out;
  }

  private static long storeTime(MessageStore store, String topic, int queueId, long offset) {
    long t = store.getMessageStoreTimestamp(topic, queueId, offset);
    return t <= 0 ? Long.MAX_VALUE : t;
  }

  private static long latency(long now, long storeTime) {
    return storeTime == Long.MAX_VALUE ? 0 : Math.max(0, now - storeTime);
  }
}
