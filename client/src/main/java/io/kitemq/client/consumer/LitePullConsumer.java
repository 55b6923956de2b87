package io.kitemq.client.consumer;

import io.kitemq.client.ClientException;
import io.kitemq.client.ClientOptions;
import io.kitemq.client.internal.ClientInstance;
import io.kitemq.client.internal.ConsumerCalls;
import io.kitemq.client.internal.ConsumerMember;
import io.kitemq.client.internal.PublishQueues;
import io.kitemq.client.internal.PullCalls;
import io.kitemq.client.internal.RemoteOffsetStore;
import io.kitemq.client.internal.TagExpression;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.MessageQueue;
import io.kitemq.common.topic.TopicValidator;
import io.kitemq.remoting.protocol.body.ConsumerData;
import io.kitemq.remoting.protocol.body.TopicRouteData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A consumer the caller drives: {@link #poll} returns the next messages of its queues, which are
 * either assigned by the caller ({@link #assign}) or shared with the group's other members ({@link
 * #subscribe}, rebalanced at each poll once the rebalance interval passed or the broker reported a
 * change). Positions start at the group's committed offset (or, without one, at the queue's first
 * or last offset) and move with each poll; {@link #seek} moves them, {@link #commit} stores them on
 * the brokers.
 *
 * <p>Not thread-safe: use one thread, as with an iterator. Close once.
 */
public final class LitePullConsumer implements AutoCloseable {

  private static final long MAX_BLOCK_MILLIS = 1000;

  private final ClientInstance instance;
  private final String group;
  private final int batchSize;
  private final ConsumeFromWhere from;
  private final PullCalls pulls;
  private final ConsumerCalls calls;
  private final RemoteOffsetStore offsets;
  private final Map<String, TagExpression> subscriptions = new LinkedHashMap<>();
  private final Map<MessageQueue, Long> positions = new LinkedHashMap<>();
  private final Map<MessageQueue, TagExpression> assigned = new LinkedHashMap<>();
  private final AtomicBoolean rebalanceWanted = new AtomicBoolean(true);
  private final long subVersion = System.currentTimeMillis();
  private long nextRebalance;
  private int cursor;
  private boolean registered;

  private LitePullConsumer(
      ClientOptions options, String group, int batchSize, ConsumeFromWhere from) {
    this.instance = ClientInstance.acquire(options);
    this.group = group;
    this.batchSize = batchSize;
    this.from = from;
    this.pulls = new PullCalls(instance, group);
    this.calls = new ConsumerCalls(instance);
    this.offsets = new RemoteOffsetStore(instance, group);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Consumes {@code topic} together with the group's other members (a tag expression). */
  public void subscribe(String topic, String expression)
      throws ClientException, InterruptedException {
    subscribe(topic, MessageSelector.byTag(expression));
  }

  /**
   * Consumes {@code topic} together with the group's other members; a SQL92 selector needs a broker
   * with enablePropertyFilter=true.
   */
  public void subscribe(String topic, MessageSelector selector)
      throws ClientException, InterruptedException {
    if (!positions.isEmpty() && subscriptions.isEmpty()) {
      throw new IllegalStateException("queues were assigned: subscribe and assign do not mix");
    }
    subscriptions.put(topic, TagExpression.of(selector));
    if (!registered) {
      instance.registerConsumer(new Member());
      registered = true;
    }
    instance.updateRoute(topic);
    instance.heartbeatAll();
    rebalanceWanted.set(true);
  }

  /** Consumes exactly {@code queues} with a tag {@code expression}, whatever the group does. */
  public void assign(Collection<MessageQueue> queues, String expression)
      throws ClientException, InterruptedException {
    assign(queues, MessageSelector.byTag(expression));
  }

  /** Consumes exactly {@code queues} with {@code selector}, whatever the group does. */
  public void assign(Collection<MessageQueue> queues, MessageSelector selector)
      throws ClientException, InterruptedException {
    if (!subscriptions.isEmpty()) {
      throw new IllegalStateException("subscribed: subscribe and assign do not mix");
    }
    Map<MessageQueue, TagExpression> next = new LinkedHashMap<>();
    TagExpression expr = TagExpression.of(selector);
    for (MessageQueue q : queues) {
      next.put(q, expr);
    }
    positions.keySet().retainAll(next.keySet());
    assigned.clear();
    assigned.putAll(next);
    for (MessageQueue q : next.keySet()) {
      if (!positions.containsKey(q)) {
        instance.updateRoute(q.topic());
        positions.put(q, startOffset(q));
      }
    }
  }

  /** The queues polled now. */
  public Set<MessageQueue> assignment() {
    return Set.copyOf(assigned.keySet());
  }

  /**
   * The next messages of one of the queues, waiting up to {@code timeout} for some to arrive; empty
   * when none did.
   */
  public List<MessageExt> poll(Duration timeout) throws ClientException, InterruptedException {
    long deadline = System.currentTimeMillis() + timeout.toMillis();
    do {
      if (!subscriptions.isEmpty()) {
        maybeRebalance();
      }
      List<MessageQueue> queues = new ArrayList<>(assigned.keySet());
      if (queues.isEmpty()) {
        return List.of();
      }
      for (int i = 0; i < queues.size(); i++) {
        MessageQueue q = queues.get(Math.floorMod(cursor++, queues.size()));
        long remaining = deadline - System.currentTimeMillis();
        boolean last = i == queues.size() - 1;
        long suspend = last && remaining > 0 ? Math.min(remaining, MAX_BLOCK_MILLIS) : 0;
        PullResult r = pulls.pull(q, assigned.get(q), positions.get(q), batchSize, suspend);
        positions.put(q, r.nextBeginOffset());
        if (!r.messages().isEmpty()) {
          return r.messages();
        }
      }
    } while (System.currentTimeMillis() < deadline);
    return List.of();
  }

  /** Moves the position of {@code queue} (one of the assigned queues) to {@code offset}. */
  public void seek(MessageQueue queue, long offset) {
    if (!assigned.containsKey(queue)) {
      throw new IllegalStateException(queue + " is not assigned to this consumer");
    }
    positions.put(queue, offset);
  }

  /** The position of {@code queue}: the offset the next poll reads from. */
  public long position(MessageQueue queue) {
    Long p = positions.get(queue);
    if (p == null) {
      throw new IllegalStateException(queue + " is not assigned to this consumer");
    }
    return p;
  }

  /** Stores every position as the group's offset on the brokers (oneway). */
  public void commit() {
    positions.forEach(offsets::overwrite);
    offsets.persist(positions.keySet());
  }

  /** The group's offset of {@code queue} stored on the broker, or -1 when none is. */
  public long committed(MessageQueue queue) throws ClientException, InterruptedException {
    return offsets.readStored(queue);
  }

  private long startOffset(MessageQueue q) throws ClientException, InterruptedException {
    long stored = offsets.readStored(q);
    if (stored >= 0) {
      return stored;
    }
    return from == ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET ? 0 : calls.maxOffset(q);
  }

  private void maybeRebalance() throws ClientException, InterruptedException {
    long now = System.currentTimeMillis();
    if (!rebalanceWanted.getAndSet(false) && now < nextRebalance) {
      return;
    }
    nextRebalance = now + instance.options().rebalanceInterval().toMillis();
    Map<MessageQueue, TagExpression> mine = new LinkedHashMap<>();
    for (Map.Entry<String, TagExpression> e : subscriptions.entrySet()) {
      TopicRouteData route = instance.route(e.getKey());
      if (route == null) {
        continue;
      }
      List<String> ids = new ArrayList<>(calls.consumerIds(route, group));
      if (ids.isEmpty()) {
        continue;
      }
      ids.sort(null);
      List<MessageQueue> all = PublishQueues.readable(e.getKey(), route);
      for (MessageQueue q : new AllocateAveragely().allocate(instance.clientId(), all, ids)) {
        mine.put(q, e.getValue());
      }
    }
    List<MessageQueue> lost = new ArrayList<>(positions.keySet());
    lost.removeAll(mine.keySet());
    if (!lost.isEmpty()) {
      lost.forEach(q -> offsets.overwrite(q, positions.get(q)));
      offsets.persist(lost);
      lost.forEach(positions::remove);
    }
    assigned.clear();
    assigned.putAll(mine);
    for (MessageQueue q : mine.keySet()) {
      if (!positions.containsKey(q)) {
        positions.put(q, startOffset(q));
      }
    }
  }

  /** Leaves the group (if subscribed) and releases the client instance; does not commit. */
  @Override
  public void close() {
    try {
      if (registered) {
        instance.unregisterConsumer(group);
      }
    } finally {
      instance.release();
    }
  }

  private final class Member implements ConsumerMember {
    @Override
    public String group() {
      return group;
    }

    @Override
    public ConsumerData consumerData() {
      return new ConsumerData(
          group,
          "CONSUME_ACTIVELY",
          "CLUSTERING",
          from.name(),
          subscriptions.entrySet().stream()
              .map(e -> e.getValue().toSubscriptionData(e.getKey(), subVersion))
              .toList(),
          false);
    }

    @Override
    public Set<String> topics() {
      return Set.copyOf(subscriptions.keySet());
    }

    @Override
    public void rebalanceSoon() {
      rebalanceWanted.set(true);
    }
  }

  /** Lite pull consumer settings. */
  public static final class Builder {
    private final ClientOptions.Builder client = ClientOptions.builder();
    private ClientOptions options;
    private String group;
    private int pullBatchSize = 10;
    private ConsumeFromWhere from = ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET;

    private Builder() {}

    public Builder namesrvAddr(String namesrvAddr) {
      client.namesrvAddr(namesrvAddr);
      return this;
    }

    /** Full client options; overrides {@link #namesrvAddr}. */
    public Builder clientOptions(ClientOptions options) {
      this.options = options;
      return this;
    }

    public Builder group(String group) {
      this.group = group;
      return this;
    }

    public Builder pullBatchSize(int n) {
      this.pullBatchSize = n;
      return this;
    }

    /** Where a queue without a committed offset starts: first or last (timestamp unsupported). */
    public Builder consumeFromWhere(ConsumeFromWhere from) {
      this.from = from;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the first invalid key
     */
    public LitePullConsumer build() {
      TopicValidator.requireValidGroup(group);
      if (pullBatchSize <= 0) {
        throw new IllegalArgumentException("pullBatchSize must be positive, got " + pullBatchSize);
      }
      if (from == ConsumeFromWhere.CONSUME_FROM_TIMESTAMP) {
        throw new IllegalArgumentException(
            "consumeFromWhere: CONSUME_FROM_TIMESTAMP is not supported");
      }
      return new LitePullConsumer(
          options != null ? options : client.build(), group, pullBatchSize, from);
    }
  }
}
