package io.kitemq.client.internal;

import io.kitemq.client.ClientException;
import io.kitemq.client.consumer.ConsumeFromWhere;
import io.kitemq.client.consumer.ConsumeStatus;
import io.kitemq.client.consumer.MessageModel;
import io.kitemq.client.consumer.OrderlyStatus;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.MessageQueue;
import io.kitemq.common.topic.SystemTopics;
import io.kitemq.remoting.protocol.body.ConsumeMessageDirectlyResult;
import io.kitemq.remoting.protocol.body.ConsumerData;
import io.kitemq.remoting.protocol.body.ConsumerRunningInfo;
import io.kitemq.remoting.protocol.body.SubscriptionData;
import io.kitemq.remoting.protocol.body.TopicRouteData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A push consumer's engine: rebalances the subscribed topics' queues among the group (every
 * rebalance interval and when the broker says the group changed), keeps one pull loop per owned
 * queue, locks queues for orderly listeners, and persists offsets periodically and at close. Its
 * own single thread runs rebalances, pull scheduling and pull responses. Thread-safe.
 */
public final class PushConsumerCore implements ConsumerMember {

  private static final Logger LOG = LoggerFactory.getLogger(PushConsumerCore.class);
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final long LOCK_RENEW_MILLIS = 20_000;

  private final ConsumerConfig config;
  private final ClientInstance instance;
  private final ConsumerCalls calls;
  private final OffsetStore offsets;
  private final ScheduledExecutorService thread;
  private final Set<MessageQueue> lockedNotOwned = ConcurrentHashMap.newKeySet();
  private final ConsumeDispatcher dispatcher;
  private final PullLoop pullLoop;
  private final Map<String, TagExpression> topics;
  private final Map<MessageQueue, ProcessQueue> owned = new ConcurrentHashMap<>();
  private final AtomicBoolean rebalancePending = new AtomicBoolean();
  private final long subVersion = System.currentTimeMillis();
  private final Map<MessageQueue, Long> pendingResets = new ConcurrentHashMap<>();
  private final ConsumeStats stats = new ConsumeStats(System::currentTimeMillis);
  private volatile boolean running;

  /**
   * @param tracer records SubBefore / SubAfter around each listener call, or null
   */
  public PushConsumerCore(
      ConsumerConfig config,
      ClientInstance instance,
      ProducerCore retrySender,
      ConsumeTracer tracer) {
    this.config = config;
    this.instance = instance;
    this.calls = new ConsumerCalls(instance);
    int n = THREADS.incrementAndGet();
    ScheduledThreadPoolExecutor single =
        new ScheduledThreadPoolExecutor(1, r -> daemon(r, "kite-consumer-" + n));
    // close() lets the task in progress finish but drops pulls and retries scheduled for later.
    single.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.thread = single;
    var pool =
        Executors.newFixedThreadPool(
            config.consumeThreads(), r -> daemon(r, "kite-consume-" + n + "-" + THREADS.get()));
    this.topics = new LinkedHashMap<>(config.subscriptions());
    if (config.model() == MessageModel.CLUSTERING) {
      this.offsets = new RemoteOffsetStore(instance, config.group());
      topics.put(SystemTopics.retryTopic(config.group()), TagExpression.parse("*"));
    } else {
      Path dir = config.offsetDir().resolve(instance.clientId().replace(':', '_'));
      this.offsets = new LocalOffsetStore(dir.resolve(config.group()).resolve("offsets"));
    }
    this.dispatcher =
        config.isOrderly()
            ? new OrderlyConsumer(config, offsets, pool, thread, tracer)
            : new ConcurrentConsumer(config, offsets, calls, retrySender, pool, thread, tracer);
    this.pullLoop = new PullLoop(instance, config, offsets, thread, dispatcher, this::offsetMoved);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** Registers with the instance, fetches routes, heartbeats, and starts rebalancing. */
  public void start() throws InterruptedException {
    running = true;
    instance.registerConsumer(this);
    for (String topic : topics.keySet()) {
      try {
        instance.updateRoute(topic);
      } catch (ClientException e) {
        LOG.debug("no route yet for {}: {}", topic, e.getMessage());
      }
    }
    instance.heartbeatAll();
    stats.start(instance.scheduler());
    long period = instance.options().rebalanceInterval().toMillis();
    thread.scheduleWithFixedDelay(this::rebalance, 0, period, TimeUnit.MILLISECONDS);
    long persist = instance.options().persistOffsetInterval().toMillis();
    thread.scheduleWithFixedDelay(
        () -> offsets.persist(owned.keySet()), persist, persist, TimeUnit.MILLISECONDS);
    if (config.isOrderly() && config.model() == MessageModel.CLUSTERING) {
      thread.scheduleWithFixedDelay(
          this::renewLocks, LOCK_RENEW_MILLIS, LOCK_RENEW_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public String group() {
    return config.group();
  }

  @Override
  public Set<String> topics() {
    return topics.keySet();
  }

  @Override
  public ConsumerData consumerData() {
    List<SubscriptionData> subs = new ArrayList<>();
    topics.forEach((t, e) -> subs.add(e.toSubscriptionData(t, subVersion)));
    return new ConsumerData(
        config.group(),
        "CONSUME_PASSIVELY",
        config.model().name(),
        config.consumeFromWhere().name(),
        subs,
        false);
  }

  @Override
  public void rebalanceSoon() {
    if (running && rebalancePending.compareAndSet(false, true)) {
      thread.execute(this::rebalance);
    }
  }

  @Override
  public ConsumerRunningInfo runningInfo() {
    Map<String, String> props = new TreeMap<>();
    props.put("consumerGroup", config.group());
    props.put("messageModel", config.model().name());
    props.put("consumeFromWhere", config.consumeFromWhere().name());
    props.put("consumeThreadMin", Integer.toString(config.consumeThreads()));
    props.put("consumeThreadMax", Integer.toString(config.consumeThreads()));
    props.put("pullBatchSize", Integer.toString(config.pullBatchSize()));
    props.put("pullThresholdForQueue", Integer.toString(config.maxCachedMessagesPerQueue()));
    props.put("maxReconsumeTimes", Integer.toString(config.maxReconsumeTimes()));
    props.put("allocateMessageQueueStrategy", config.allocateStrategy().name());
    props.put("clientIP", instance.options().clientIp());
    props.put("instanceName", instance.options().instanceName());
    props.put(ConsumerRunningInfo.PROP_NAMESERVER_ADDR, instance.options().namesrvAddr());
    props.put(ConsumerRunningInfo.PROP_CONSUME_TYPE, "CONSUME_PASSIVELY");
    props.put(ConsumerRunningInfo.PROP_CONSUME_ORDERLY, Boolean.toString(config.isOrderly()));
    props.put(
        ConsumerRunningInfo.PROP_THREADPOOL_CORE_SIZE, Integer.toString(config.consumeThreads()));
    props.put(ConsumerRunningInfo.PROP_CONSUMER_START_TIMESTAMP, Long.toString(subVersion));
    Map<MessageQueue, ConsumerRunningInfo.ProcessQueueInfo> mqTable = new HashMap<>();
    owned.forEach(
        (q, pq) ->
            mqTable.put(
                q,
                new ConsumerRunningInfo.ProcessQueueInfo(
                    offsets.inMemory(q),
                    pq.minCachedOffset(),
                    pq.maxCachedOffset(),
                    pq.cachedCount(),
                    (int) (pq.cachedBytes() / (1024 * 1024)),
                    0,
                    0,
                    0,
                    pq.isLocked(),
                    0,
                    0,
                    pq.isDropped(),
                    0,
                    0)));
    Map<String, ConsumerRunningInfo.ConsumeStatus> status = new TreeMap<>();
    for (String topic : topics.keySet()) {
      status.put(topic, stats.status(topic));
    }
    return new ConsumerRunningInfo(
        props, consumerData().subscriptionDataSet(), mqTable, status, null);
  }

  @Override
  public ConsumeMessageDirectlyResult consumeDirectly(MessageExt message, String brokerName) {
    ConcurrentConsumer.restoreTopic(message, config.group());
    MessageQueue queue = new MessageQueue(message.getTopic(), brokerName, message.getQueueId());
    long begin = System.currentTimeMillis();
    String result;
    String remark = null;
    try {
      if (config.isOrderly()) {
        OrderlyStatus s = config.orderly().consume(List.of(message), queue);
        result =
            s == null ? "CR_RETURN_NULL" : s == OrderlyStatus.SUCCESS ? "CR_SUCCESS" : "CR_LATER";
      } else {
        ConsumeStatus s = config.concurrently().consume(List.of(message), queue);
        result =
            s == null
                ? "CR_RETURN_NULL"
                : s == ConsumeStatus.CONSUME_SUCCESS ? "CR_SUCCESS" : "CR_LATER";
      }
    } catch (RuntimeException e) {
      result = "CR_THROW_EXCEPTION";
      remark = e.toString();
    }
    return new ConsumeMessageDirectlyResult(
        config.isOrderly(), true, result, remark, System.currentTimeMillis() - begin);
  }

  @Override
  public boolean resetOffsets(String topic, Map<MessageQueue, Long> table) {
    thread.execute(
        () -> {
          table.forEach(
              (q, offset) -> {
                if (!q.topic().equals(topic)) {
                  return;
                }
                offsets.overwrite(q, offset);
                offsets.persist(List.of(q));
                ProcessQueue pq = owned.remove(q);
                if (pq != null) {
                  pq.drop();
                  pendingResets.put(q, offset);
                }
              });
          rebalance();
        });
    return true;
  }

  /** The queues this member owns now. */
  public Set<MessageQueue> ownedQueues() {
    return Set.copyOf(owned.keySet());
  }

  private void rebalance() {
    rebalancePending.set(false);
    if (!running) {
      return;
    }
    for (String topic : topics.keySet()) {
      try {
        rebalanceTopic(topic);
      } catch (ClientException e) {
        LOG.debug("rebalance of {} skipped: {}", topic, e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warn("rebalance of {} failed", topic, e);
      }
    }
  }

  private void rebalanceTopic(String topic) throws ClientException, InterruptedException {
    TopicRouteData route = instance.route(topic);
    if (route == null) {
      return;
    }
    List<MessageQueue> all = PublishQueues.readable(topic, route);
    List<MessageQueue> mine;
    if (config.model() == MessageModel.BROADCASTING) {
      mine = all;
    } else {
      List<String> ids = new ArrayList<>(calls.consumerIds(route, config.group()));
      if (ids.isEmpty()) {
        return;
      }
      ids.sort(null);
      mine = config.allocateStrategy().allocate(instance.clientId(), all, ids);
    }
    for (Map.Entry<MessageQueue, ProcessQueue> e : owned.entrySet()) {
      if (e.getKey().topic().equals(topic) && !mine.contains(e.getKey())) {
        release(e.getKey(), e.getValue());
      }
    }
    for (MessageQueue q : mine) {
      if (!owned.containsKey(q)) {
        acquire(q);
      }
    }
  }

  private void release(MessageQueue q, ProcessQueue pq) throws InterruptedException {
    boolean locking = config.isOrderly() && config.model() == MessageModel.CLUSTERING;
    if (locking) {
      // Kept for close() until the unlock below went through (see acquire).
      lockedNotOwned.add(q);
    }
    pq.drop();
    owned.remove(q);
    offsets.persist(List.of(q));
    offsets.remove(q);
    if (locking) {
      boolean idle = pq.consumeLock().tryLock(1, TimeUnit.SECONDS);
      try {
        calls.unlock(q.brokerName(), config.group(), Set.of(q));
        lockedNotOwned.remove(q);
      } catch (ClientException e) {
        LOG.debug("unlock of {} failed: {}", q, e.getMessage());
      } finally {
        if (idle) {
          pq.consumeLock().unlock();
        }
      }
    }
  }

  private void acquire(MessageQueue q) throws ClientException, InterruptedException {
    ProcessQueue pq = new ProcessQueue();
    if (config.isOrderly() && config.model() == MessageModel.CLUSTERING) {
      // Recorded before asking: until the queue is owned, close() must still find a lock the
      // broker may have granted (even if the answer is lost to close() interrupting this thread),
      // or the queue stays locked against the other members for the lock's lifetime.
      lockedNotOwned.add(q);
      if (!calls.lock(q.brokerName(), config.group(), Set.of(q)).contains(q)) {
        lockedNotOwned.remove(q);
        return;
      }
      pq.setLocked(true, System.currentTimeMillis());
    }
    long offset;
    try {
      offset = startOffset(q);
    } catch (ClientException e) {
      if (lockedNotOwned.remove(q)) {
        calls.unlock(q.brokerName(), config.group(), Set.of(q));
      }
      throw e;
    }
    owned.put(q, pq);
    lockedNotOwned.remove(q);
    pullLoop.pull(new PullRequest(q, pq, offset, stats.topic(q.topic())));
  }

  private long startOffset(MessageQueue q) throws ClientException, InterruptedException {
    Long reset = pendingResets.remove(q);
    offsets.remove(q);
    if (reset != null) {
      return reset;
    }
    long stored = offsets.readStored(q);
    if (stored >= 0) {
      return stored;
    }
    boolean retry = SystemTopics.isRetryTopic(q.topic());
    ConsumeFromWhere from = config.consumeFromWhere();
    return switch (from) {
      case CONSUME_FROM_FIRST_OFFSET -> 0;
      case CONSUME_FROM_LAST_OFFSET -> retry ? 0 : calls.maxOffset(q);
      case CONSUME_FROM_TIMESTAMP ->
          retry ? calls.maxOffset(q) : calls.searchOffset(q, config.consumeTimestamp());
    };
  }

  private void offsetMoved(PullRequest req) {
    offsets.overwrite(req.queue, req.nextOffset);
    offsets.persist(List.of(req.queue));
    req.processQueue.drop();
    owned.remove(req.queue, req.processQueue);
    rebalanceSoon();
  }

  private void renewLocks() {
    Map<String, Set<MessageQueue>> byBroker = new HashMap<>();
    owned
        .keySet()
        .forEach(
            q -> byBroker.computeIfAbsent(q.brokerName(), b -> new java.util.HashSet<>()).add(q));
    long now = System.currentTimeMillis();
    byBroker.forEach(
        (broker, queues) -> {
          try {
            Set<MessageQueue> ok = calls.lock(broker, config.group(), queues);
            for (MessageQueue q : queues) {
              ProcessQueue pq = owned.get(q);
              if (pq != null) {
                pq.setLocked(ok.contains(q), now);
              }
            }
          } catch (ClientException e) {
            LOG.debug("lock renewal on {} failed: {}", broker, e.getMessage());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }

  /** Stops pulling and consuming, persists offsets, unlocks queues, leaves the group. */
  public void close() {
    running = false;
    stats.stop();
    pullLoop.stop();
    dispatcher.shutdown();
    // Not interrupted: a LOCK_BATCH_MQ in flight must be answered before the unlocks below are
    // sent. The official broker serves both on a pool of threads, so an unlock sent while the lock
    // is unanswered may be applied first, leaving the queue locked by this closed member for the
    // lock's lifetime (60 s).
    thread.shutdown();
    try {
      if (!thread.awaitTermination(
          instance.requestTimeoutMillis() + 2_000, TimeUnit.MILLISECONDS)) {
        thread.shutdownNow();
        thread.awaitTermination(1, TimeUnit.SECONDS);
      }
      offsets.persistAndWait(owned.keySet());
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
    if (config.isOrderly() && config.model() == MessageModel.CLUSTERING) {
      Map<String, Set<MessageQueue>> byBroker = new HashMap<>();
      Set<MessageQueue> locked = new java.util.HashSet<>(owned.keySet());
      locked.addAll(lockedNotOwned);
      locked.forEach(
          q -> byBroker.computeIfAbsent(q.brokerName(), b -> new java.util.HashSet<>()).add(q));
      byBroker.forEach(
          (broker, queues) -> {
            try {
              calls.unlock(broker, config.group(), queues);
            } catch (ClientException e) {
              LOG.debug("unlock on {} failed: {}", broker, e.getMessage());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
    }
    owned.values().forEach(ProcessQueue::drop);
    instance.unregisterConsumer(config.group());
  }
}
