package io.kitemq.broker.processor;

import io.kitemq.broker.BrokerConfig;
import io.kitemq.broker.client.ConsumerManager;
import io.kitemq.broker.client.ProducerManager;
import io.kitemq.broker.client.QueueLockManager;
import io.kitemq.broker.config.ConsumerOffsetManager;
import io.kitemq.broker.config.SubscriptionGroupManager;
import io.kitemq.broker.config.TopicConfigManager;
import io.kitemq.broker.filter.SqlFilterCache;
import io.kitemq.broker.longpolling.PullRequestHoldService;
import io.kitemq.broker.metrics.BrokerMetricsListener;
import io.kitemq.store.MessageStore;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * What the request processors share: the settings, the store, the managers, the long-polling
 * service, the executor pulls resume on, the broker's own address and the clock. The store host is
 * set once the listening port is known (before the first request can arrive) and read through a
 * volatile field; everything else is fixed at construction. Thread-safe.
 */
public final class BrokerContext {

  private final BrokerConfig config;
  private final MessageStore store;
  private final TopicConfigManager topics;
  private final SubscriptionGroupManager groups;
  private final ConsumerOffsetManager offsets;
  private final ConsumerManager consumers;
  private final ProducerManager producers;
  private final QueueLockManager locks;
  private final PullRequestHoldService holdService;
  private final Executor pullExecutor;
  private final LongSupplier clock;
  private volatile InetSocketAddress storeHost;
  private final SqlFilterCache sqlFilters = new SqlFilterCache();
  private volatile BrokerMetricsListener metrics = BrokerMetricsListener.NONE;

  public BrokerContext(
      BrokerConfig config,
      MessageStore store,
      TopicConfigManager topics,
      SubscriptionGroupManager groups,
      ConsumerOffsetManager offsets,
      ConsumerManager consumers,
      ProducerManager producers,
      QueueLockManager locks,
      PullRequestHoldService holdService,
      Executor pullExecutor,
      LongSupplier clock) {
    this.config = config;
    this.store = store;
    this.topics = topics;
    this.groups = groups;
    this.offsets = offsets;
    this.consumers = consumers;
    this.producers = producers;
    this.locks = locks;
    this.holdService = holdService;
    this.pullExecutor = pullExecutor;
    this.clock = clock;
    this.storeHost = new InetSocketAddress(config.brokerIP1(), config.listenPort());
  }

  /** Compiled SQL92 subscriptions, shared by the pull and client-management processors. */
  public SqlFilterCache sqlFilters() {
    return sqlFilters;
  }

  public BrokerConfig config() {
    return config;
  }

  public MessageStore store() {
    return store;
  }

  public TopicConfigManager topics() {
    return topics;
  }

  public SubscriptionGroupManager groups() {
    return groups;
  }

  public ConsumerOffsetManager offsets() {
    return offsets;
  }

  public ConsumerManager consumers() {
    return consumers;
  }

  public ProducerManager producers() {
    return producers;
  }

  public QueueLockManager locks() {
    return locks;
  }

  public PullRequestHoldService holdService() {
    return holdService;
  }

  public Executor pullExecutor() {
    return pullExecutor;
  }

  public LongSupplier clock() {
    return clock;
  }

  /** The address written as STOREHOST into records (brokerIP1 and the bound port). */
  public InetSocketAddress storeHost() {
    return storeHost;
  }

  /** Sets the store host once the port is bound. */
  public void setStoreHost(InetSocketAddress storeHost) {
    this.storeHost = storeHost;
  }

  /** Where the processors report what they count; {@link BrokerMetricsListener#NONE} unless set. */
  public BrokerMetricsListener metrics() {
    return metrics;
  }

  /** Sets the metrics listener (before the broker starts). */
  public void setMetrics(BrokerMetricsListener metrics) {
    this.metrics = metrics;
  }

  /** The broker's address as host:port. */
  public String brokerAddr() {
    return config.brokerIP1() + ":" + storeHost.getPort();
  }
}
