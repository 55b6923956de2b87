package io.kitemq.client.consumer;

import io.kitemq.client.ClientException;
import io.kitemq.client.ClientOptions;
import io.kitemq.client.internal.ClientInstance;
import io.kitemq.client.internal.ConsumerMember;
import io.kitemq.client.internal.PublishQueues;
import io.kitemq.client.internal.PullCalls;
import io.kitemq.client.internal.RemoteOffsetStore;
import io.kitemq.client.internal.TagExpression;
import io.kitemq.common.message.MessageQueue;
import io.kitemq.common.topic.TopicValidator;
import io.kitemq.remoting.protocol.body.ConsumerData;
import io.kitemq.remoting.protocol.body.TopicRouteData;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Pulls messages of queues the caller chooses, from offsets the caller keeps; the group's offsets
 * on the broker can be read and written explicitly.
 *
 * <pre>{@code
 * try (PullConsumer c = PullConsumer.builder().namesrvAddr(addr).group("pull-group").build()) {
 *   for (MessageQueue q : c.fetchSubscribeMessageQueues("Orders")) {
 *     PullResult r = c.pullBlockIfNotFound(q, "*", c.fetchConsumeOffset(q), 32);
 *     ...
 *     c.updateConsumeOffset(q, r.nextBeginOffset());
 *   }
 * }
 * }</pre>
 *
 * Thread-safe; close once.
 */
public final class PullConsumer implements AutoCloseable {

  /** How long {@link #pullBlockIfNotFound} lets the broker hold the request. */
  static final long BLOCK_MILLIS = 20_000;

  private final ClientInstance instance;
  private final String group;
  private final PullCalls pulls;
  private final RemoteOffsetStore offsets;

  private PullConsumer(ClientOptions options, String group) {
    this.instance = ClientInstance.acquire(options);
    this.group = group;
    this.pulls = new PullCalls(instance, group);
    this.offsets = new RemoteOffsetStore(instance, group);
    try {
      instance.registerConsumer(
          new ConsumerMember() {
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
                  "CONSUME_FROM_LAST_OFFSET",
                  List.of(),
                  false);
            }

            @Override
            public Set<String> topics() {
              return Set.of();
            }

            @Override
            public void rebalanceSoon() {
              // The caller chooses the queues: there is nothing to rebalance.
            }
          });
    } catch (RuntimeException e) {
      instance.release();
      throw e;
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The readable queues of {@code topic}, from its current route. */
  public Set<MessageQueue> fetchSubscribeMessageQueues(String topic)
      throws ClientException, InterruptedException {
    TopicRouteData route = instance.updateRoute(topic);
    if (route == null) {
      throw new ClientException("No route info of this topic: " + topic);
    }
    return new LinkedHashSet<>(PublishQueues.readable(topic, route));
  }

  /** Pulls up to {@code max} messages from {@code offset}; answers at once when there are none. */
  public PullResult pull(MessageQueue queue, String expression, long offset, int max)
      throws ClientException, InterruptedException {
    return pulls.pull(queue, expression, offset, max, 0);
  }

  /**
   * Pulls with a TAG or SQL92 selector (SQL92 needs a broker with enablePropertyFilter=true);
   * answers at once when nothing matches.
   */
  public PullResult pull(MessageQueue queue, MessageSelector selector, long offset, int max)
      throws ClientException, InterruptedException {
    return pulls.pull(queue, TagExpression.of(selector), offset, max, 0);
  }

  /** Like {@link #pull}, but the broker waits up to 20 s for a message to arrive. */
  public PullResult pullBlockIfNotFound(MessageQueue queue, String expression, long offset, int max)
      throws ClientException, InterruptedException {
    return pulls.pull(queue, expression, offset, max, BLOCK_MILLIS);
  }

  /**
   * Like {@link #pull(MessageQueue, MessageSelector, long, int)}, held by the broker up to 20 s.
   */
  public PullResult pullBlockIfNotFound(
      MessageQueue queue, MessageSelector selector, long offset, int max)
      throws ClientException, InterruptedException {
    return pulls.pull(queue, TagExpression.of(selector), offset, max, BLOCK_MILLIS);
  }

  /** The group's offset of {@code queue} stored on the broker, or -1 when it has none. */
  public long fetchConsumeOffset(MessageQueue queue) throws ClientException, InterruptedException {
    ensureRoute(queue);
    return offsets.readStored(queue);
  }

  /** Stores {@code offset} as the group's offset of {@code queue} on the broker (oneway). */
  public void updateConsumeOffset(MessageQueue queue, long offset)
      throws ClientException, InterruptedException {
    ensureRoute(queue);
    offsets.overwrite(queue, offset);
    offsets.persist(List.of(queue));
  }

  private void ensureRoute(MessageQueue queue) throws ClientException, InterruptedException {
    if (instance.masterAddr(queue.brokerName()) == null) {
      instance.updateRoute(queue.topic());
    }
  }

  /** Leaves the group and releases the client instance. */
  @Override
  public void close() {
    try {
      instance.unregisterConsumer(group);
    } finally {
      instance.release();
    }
  }

  /** Pull consumer settings. */
  public static final class Builder {
    private final ClientOptions.Builder client = ClientOptions.builder();
    private ClientOptions options;
    private String group;

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

    /**
     * @throws IllegalArgumentException naming the first invalid key
     */
    public PullConsumer build() {
      TopicValidator.requireValidGroup(group);
      return new PullConsumer(options != null ? options : client.build(), group);
    }
  }
}
