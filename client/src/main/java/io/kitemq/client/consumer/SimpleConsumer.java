package io.kitemq.client.consumer;

import io.kitemq.client.ClientException;
import io.kitemq.client.ClientOptions;
import io.kitemq.client.internal.ClientInstance;
import io.kitemq.client.internal.ConsumerCalls;
import io.kitemq.client.internal.ConsumerMember;
import io.kitemq.client.internal.PopCalls;
import io.kitemq.client.internal.TagExpression;
import io.kitemq.common.message.MessageConst;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.topic.TopicPermission;
import io.kitemq.common.topic.TopicValidator;
import io.kitemq.remoting.protocol.body.ConsumerData;
import io.kitemq.remoting.protocol.body.QueueData;
import io.kitemq.remoting.protocol.body.SubscriptionData;
import io.kitemq.remoting.protocol.body.TopicRouteData;
import io.kitemq.remoting.protocol.header.PopReceipt;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives messages with the POP protocol: the broker keeps each received message invisible to the
 * group for a while; the consumer acks it when done, or it comes back (with {@code reconsumeTimes}
 * one higher) once the invisible time passed, until the retry budget sends it to the group's
 * dead-letter queue (see {@link Builder#maxReconsumeTimes}). No queues are assigned to consumers:
 * any number of simple consumers of one group share the messages, and a message is never visible to
 * two of them at once.
 *
 * <pre>{@code
 * try (SimpleConsumer c = SimpleConsumer.builder().namesrvAddr(addr).group("orders-simple")
 *         .subscribe("Orders", "*").awaitDuration(Duration.ofSeconds(5)).build()) {
 *   for (MessageExt m : c.receive(16, Duration.ofSeconds(30))) {
 *     process(m);
 *     c.ack(m);
 *   }
 * }
 * }</pre>
 *
 * <p>A received message carries its receipt handle in the {@code POP_CK} property; {@link
 * #changeInvisibleDuration} replaces it with the new one. A group without a consumer offset starts
 * at each queue's first message. Works against KiteMQ and Apache RocketMQ 5 brokers. Thread-safe;
 * close once.
 */
public final class SimpleConsumer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SimpleConsumer.class);

  /** The most messages one {@link #receive} may ask for (the brokers' limit). */
  public static final int MAX_RECEIVE = 32;

  private final ClientInstance instance;
  private final String group;
  private final Map<String, TagExpression> subscriptions;
  private final long awaitMillis;
  private final int maxReconsumeTimes;
  private final PopCalls calls;
  private final ConsumerCalls consumerCalls;
  private final AtomicInteger rotation = new AtomicInteger();

  private SimpleConsumer(
      ClientOptions options,
      String group,
      Map<String, TagExpression> subscriptions,
      Duration await,
      int maxReconsumeTimes)
      throws ClientException {
    this.instance = ClientInstance.acquire(options);
    this.group = group;
    this.subscriptions = Map.copyOf(subscriptions);
    this.awaitMillis = await.toMillis();
    this.maxReconsumeTimes = maxReconsumeTimes;
    this.calls = new PopCalls(instance, group);
    this.consumerCalls = new ConsumerCalls(instance);
    try {
      instance.registerConsumer(new Member());
    } catch (RuntimeException e) {
      // Not registered (the group already runs in this instance): only give the instance back.
      instance.release();
      throw e;
    }
    try {
      for (String topic : subscriptions.keySet()) {
        try {
          instance.updateRoute(topic);
        } catch (ClientException e) {
          LOG.debug("no route yet for {}: {}", topic, e.getMessage());
        }
      }
      instance.heartbeatAll();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new ClientException("interrupted while starting the simple consumer", e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Receives up to {@code maxMessages} messages of the subscribed topics, each invisible to the
   * group for {@code invisibleDuration}. Asks every broker of the subscribed topics in turn without
   * waiting, then, if none had a message, lets one broker (in rotation) wait up to the await
   * duration.
   *
   * @return the messages, empty when none arrived in time
   * @throws IllegalArgumentException if {@code maxMessages} is not in 1..32 or the duration is not
   *     positive
   * @throws ClientException if no subscribed topic has a route, or a broker refused the request
   */
  public List<MessageExt> receive(int maxMessages, Duration invisibleDuration)
      throws ClientException, InterruptedException {
    if (maxMessages < 1 || maxMessages > MAX_RECEIVE) {
      throw new IllegalArgumentException(
          "maxMessages [" + maxMessages + "] must be between 1 and " + MAX_RECEIVE);
    }
    long invisible = invisibleDuration.toMillis();
    if (invisible <= 0) {
      throw new IllegalArgumentException("invisibleDuration must be positive");
    }
    List<Target> targets = targets();
    for (Target t : targets) {
      List<MessageExt> got = pop(t, maxMessages, invisible, 0);
      if (!got.isEmpty()) {
        return got;
      }
    }
    return awaitMillis > 0 ? pop(targets.get(0), maxMessages, invisible, awaitMillis) : List.of();
  }

  /**
   * Tells the broker the message is done with; it will not be delivered again.
   *
   * @throws IllegalArgumentException if the message carries no readable receipt handle
   * @throws io.kitemq.client.BrokerException if the broker refused (e.g. the handle is stale: the
   *     message was received again since)
   */
  public void ack(MessageExt message) throws ClientException, InterruptedException {
    calls.ack(message.getTopic(), receiptOf(message));
  }

  /**
   * Keeps the message invisible for {@code duration} from now, and gives it its new receipt handle
   * (the old one can no longer ack it).
   *
   * @throws IllegalArgumentException if the message carries no readable receipt handle or the
   *     duration is not positive
   */
  public void changeInvisibleDuration(MessageExt message, Duration duration)
      throws ClientException, InterruptedException {
    if (duration.toMillis() <= 0) {
      throw new IllegalArgumentException("invisible duration must be positive");
    }
    PopReceipt renewed =
        calls.changeInvisibleTime(message.getTopic(), receiptOf(message), duration.toMillis());
    message.putProperty(MessageConst.PROPERTY_POP_CK, renewed.format());
  }

  /** The group name. */
  public String group() {
    return group;
  }

  private static PopReceipt receiptOf(MessageExt message) {
    String handle = message.getProperty(MessageConst.PROPERTY_POP_CK);
    if (handle == null) {
      throw new IllegalArgumentException(
          "the message carries no receipt handle (POP_CK): only messages a SimpleConsumer"
              + " received can be acked or have their invisible duration changed");
    }
    return PopReceipt.parse(handle);
  }

  private List<MessageExt> pop(Target t, int max, long invisible, long pollMillis)
      throws ClientException, InterruptedException {
    TagExpression expr = subscriptions.get(t.topic());
    List<MessageExt> got = calls.pop(t.broker(), t.topic(), expr, max, invisible, pollMillis);
    List<MessageExt> kept = new ArrayList<>(got.size());
    for (MessageExt m : got) {
      if (!expr.matches(m.getTags())) {
        // A tag-hash collision let a foreign message through: it is not ours to process.
        calls.ack(t.topic(), receiptOf(m));
      } else if (m.getReconsumeTimes() > maxReconsumeTimes) {
        deadLetter(t.topic(), m);
      } else {
        kept.add(m);
      }
    }
    return kept;
  }

  /**
   * Sends a message out of retries to the group's DLQ (CONSUMER_SEND_MSG_BACK, delay level -1) and
   * acks it. A failed send leaves it unacked: it comes back after its invisible time.
   */
  private void deadLetter(String topic, MessageExt m) throws InterruptedException {
    PopReceipt receipt = receiptOf(m);
    try {
      consumerCalls.sendBack(
          receipt.brokerName(),
          m.getCommitLogOffset(),
          group,
          -1,
          m.getMsgId(),
          topic,
          maxReconsumeTimes);
      calls.ack(topic, receipt);
    } catch (ClientException e) {
      LOG.warn(
          "moving message {} of group {} to the DLQ failed, it will be received again: {}",
          m.getMsgId(),
          group,
          e.getMessage());
    }
  }

  private record Target(String topic, String broker) {}

  /** Every (topic, broker with readable queues) pair, starting at a rotating one. */
  private List<Target> targets() throws ClientException, InterruptedException {
    List<Target> all = new ArrayList<>();
    for (String topic : new TreeSet<>(subscriptions.keySet())) {
      TopicRouteData route = instance.route(topic);
      if (route == null) {
        continue;
      }
      Set<String> brokers = new TreeSet<>();
      for (QueueData q : route.queueDatas()) {
        if (TopicPermission.isReadable(q.perm()) && q.readQueueNums() > 0) {
          brokers.add(q.brokerName());
        }
      }
      brokers.forEach(b -> all.add(new Target(topic, b)));
    }
    if (all.isEmpty()) {
      throw new ClientException("No route info of the subscribed topics " + subscriptions.keySet());
    }
    int start = Math.floorMod(rotation.getAndIncrement(), all.size());
    List<Target> rotated = new ArrayList<>(all.size());
    for (int i = 0; i < all.size(); i++) {
      rotated.add(all.get((start + i) % all.size()));
    }
    return rotated;
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

  /** The group as the shared instance heartbeats it. */
  private final class Member implements ConsumerMember {
    private final long subVersion = System.currentTimeMillis();

    @Override
    public String group() {
      return group;
    }

    @Override
    public ConsumerData consumerData() {
      List<SubscriptionData> subs = new ArrayList<>();
      subscriptions.forEach((t, e) -> subs.add(e.toSubscriptionData(t, subVersion)));
      return new ConsumerData(
          group, "CONSUME_POP", "CLUSTERING", "CONSUME_FROM_FIRST_OFFSET", subs, false);
    }

    @Override
    public Set<String> topics() {
      return subscriptions.keySet();
    }

    @Override
    public void rebalanceSoon() {
      // Pop consumers are not assigned queues: there is nothing to rebalance.
    }
  }

  /** Simple consumer settings. */
  public static final class Builder {
    private final ClientOptions.Builder client = ClientOptions.builder();
    private ClientOptions options;
    private String group;
    private final Map<String, String> subscriptions = new LinkedHashMap<>();
    private Duration awaitDuration = Duration.ofSeconds(5);
    private int maxReconsumeTimes = 16;

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

    /** Receives the messages of {@code topic} whose tag matches {@code tagExpression}. */
    public Builder subscribe(String topic, String tagExpression) {
      subscriptions.put(topic, tagExpression);
      return this;
    }

    /**
     * How long {@link #receive} lets a broker wait for a message when none is there (default 5 s;
     * zero answers at once).
     */
    public Builder awaitDuration(Duration awaitDuration) {
      this.awaitDuration = awaitDuration;
      return this;
    }

    /**
     * Deliveries a message may get again before it goes to {@code %DLQ%<group>} (default 16): one
     * received with a higher {@code reconsumeTimes} is sent there and acked instead of returned.
     * KiteMQ's broker already dead-letters past the group's {@code retryMaxTimes}; Apache
     * RocketMQ's broker leaves that to its clients (its proxy), so against it this is the rule.
     */
    public Builder maxReconsumeTimes(int maxReconsumeTimes) {
      this.maxReconsumeTimes = maxReconsumeTimes;
      return this;
    }

    /**
     * Validates the settings and starts the consumer.
     *
     * @throws IllegalArgumentException naming the first invalid key
     * @throws ClientException if starting was interrupted
     */
    public SimpleConsumer build() throws ClientException {
      TopicValidator.requireValidGroup(group);
      if (subscriptions.isEmpty()) {
        throw new IllegalArgumentException("subscribe: at least one topic is needed");
      }
      Map<String, TagExpression> subs = new LinkedHashMap<>();
      for (Map.Entry<String, String> e : subscriptions.entrySet()) {
        TopicValidator.validateTopic(e.getKey())
            .ifPresent(
                p -> {
                  throw new IllegalArgumentException("subscribe: " + p);
                });
        subs.put(e.getKey(), TagExpression.parse(e.getValue()));
      }
      if (awaitDuration == null || awaitDuration.isNegative()) {
        throw new IllegalArgumentException("awaitDuration must be zero or positive");
      }
      if (maxReconsumeTimes < 0) {
        throw new IllegalArgumentException("maxReconsumeTimes must be zero or positive");
      }
      return new SimpleConsumer(
          options != null ? options : client.build(),
          group,
          subs,
          awaitDuration,
          maxReconsumeTimes);
    }
  }
}
