package io.kitemq.client.admin;

import io.kitemq.client.ClientException;
import io.kitemq.client.ClientOptions;
import io.kitemq.client.internal.AdminActions;
import io.kitemq.client.internal.AdminCalls;
import io.kitemq.client.internal.AdminLookups;
import io.kitemq.client.internal.ClientInstance;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.MessageQueue;
import io.kitemq.remoting.protocol.body.BrokerStatsData;
import io.kitemq.remoting.protocol.body.ClusterInfo;
import io.kitemq.remoting.protocol.body.ConsumeMessageDirectlyResult;
import io.kitemq.remoting.protocol.body.ConsumeStats;
import io.kitemq.remoting.protocol.body.ConsumerConnection;
import io.kitemq.remoting.protocol.body.SubscriptionGroupConfig;
import io.kitemq.remoting.protocol.body.TopicRouteData;
import io.kitemq.remoting.protocol.body.TopicStatsTable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Administrative calls to name servers and brokers.
 *
 * <pre>{@code
 * try (AdminClient admin = AdminClient.builder().namesrvAddr(addr).build()) {
 *   admin.createTopic("DefaultCluster", "Orders", 8);
 *   long lag = admin.consumerLag("order-consumer", "Orders");
 * }
 * }</pre>
 *
 * Thread-safe; close once.
 */
public final class AdminClient implements AutoCloseable {

  private final ClientInstance instance;
  private final AdminCalls calls;
  private final AdminLookups lookups;
  private final AdminActions actions;

  private AdminClient(ClientOptions options) {
    this.instance = ClientInstance.acquire(options);
    this.calls = new AdminCalls(instance);
    this.lookups = new AdminLookups(instance);
    this.actions = new AdminActions(instance);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every registered broker and cluster (GET_BROKER_CLUSTER_INFO). */
  public ClusterInfo clusterInfo() throws ClientException, InterruptedException {
    return calls.clusterInfo();
  }

  /** The route of {@code topic}. */
  public TopicRouteData topicRoute(String topic) throws ClientException, InterruptedException {
    TopicRouteData route = instance.updateRoute(topic);
    if (route == null) {
      throw new ClientException("No route info of this topic: " + topic);
    }
    return route;
  }

  /**
   * Creates or updates {@code topic} with {@code queues} read and write queues (read-write) on
   * every master of {@code cluster}; the brokers then register it with the name servers.
   */
  public void createTopic(String cluster, String topic, int queues)
      throws ClientException, InterruptedException {
    calls.createTopic(cluster, topic, queues);
  }

  /** Deletes {@code topic} from every master of {@code cluster} and from every name server. */
  public void deleteTopic(String cluster, String topic)
      throws ClientException, InterruptedException {
    calls.deleteTopic(cluster, topic);
  }

  /** The route of {@code topic}, or empty when the name servers know no such topic. */
  public Optional<TopicRouteData> findTopicRoute(String topic)
      throws ClientException, InterruptedException {
    return Optional.ofNullable(instance.updateRoute(topic));
  }

  /** Min and max offsets of every queue of {@code topic}, from all its brokers. */
  public Map<MessageQueue, TopicStatsTable.TopicOffset> topicStats(String topic)
      throws ClientException, InterruptedException {
    return calls.topicStats(topicRoute(topic), topic);
  }

  /**
   * Min and max offsets of every queue of {@code topic} on the masters of {@code route} (a route
   * the caller already holds, e.g. from {@link #topicRoute}), without asking a name server.
   */
  public Map<MessageQueue, TopicStatsTable.TopicOffset> topicStats(
      TopicRouteData route, String topic) throws ClientException, InterruptedException {
    return calls.topicStats(route, topic);
  }

  /** The group's offsets against the brokers' for every queue of {@code topic}. */
  public Map<MessageQueue, ConsumeStats.OffsetWrapper> consumeStats(String group, String topic)
      throws ClientException, InterruptedException {
    return calls.consumeStats(topicRoute(topic), group, topic);
  }

  /** Messages of {@code topic} the group has not consumed yet, over all queues. */
  public long consumerLag(String group, String topic) throws ClientException, InterruptedException {
    long lag = 0;
    for (ConsumeStats.OffsetWrapper w : consumeStats(group, topic).values()) {
      lag += Math.max(0, w.brokerOffset() - w.consumerOffset());
    }
    return lag;
  }

  /** The message whose broker id is {@code offsetMsgId} (a send result's offsetMsgId). */
  public MessageExt viewMessage(String offsetMsgId) throws ClientException, InterruptedException {
    return calls.viewMessage(offsetMsgId);
  }

  /** Every topic the name server knows, sorted (GET_ALL_TOPIC_LIST_FROM_NAMESERVER). */
  public Set<String> topicList() throws ClientException, InterruptedException {
    return lookups.topicList();
  }

  /** The consumer groups known to the cluster (those with a %RETRY% topic), sorted. */
  public Set<String> consumerGroups() throws ClientException, InterruptedException {
    return lookups.consumerGroups();
  }

  /**
   * The master addresses of {@code cluster}, or of every cluster when it is null.
   *
   * @throws ClientException when there is none
   */
  public List<String> masterAddrs(String cluster) throws ClientException, InterruptedException {
    return lookups.masters(calls.clusterInfo(), cluster);
  }

  /**
   * Creates or updates {@code topic} on the broker at {@code brokerAddr}.
   *
   * @param perm permission bits (2 write, 4 read, 6 both)
   * @param order whether the topic is ordered
   */
  public void createTopic(
      String brokerAddr, String topic, int readQueues, int writeQueues, int perm, boolean order)
      throws ClientException, InterruptedException {
    calls.createTopicOn(brokerAddr, topic, readQueues, writeQueues, perm, order);
  }

  /** Creates or updates a subscription group on the broker at {@code brokerAddr}. */
  public void updateSubscriptionGroup(String brokerAddr, SubscriptionGroupConfig group)
      throws ClientException, InterruptedException {
    lookups.updateSubscriptionGroup(brokerAddr, group);
  }

  /** Every subscription group of the broker at {@code brokerAddr}, by name. */
  public Map<String, SubscriptionGroupConfig> subscriptionGroups(String brokerAddr)
      throws ClientException, InterruptedException {
    return lookups.subscriptionGroups(brokerAddr);
  }

  /**
   * The live clients of {@code group}, asked of {@code brokerAddr} or, when null, of every master.
   *
   * @throws ClientException when the group has no live client
   */
  public ConsumerConnection consumerConnection(String group, String brokerAddr)
      throws ClientException, InterruptedException {
    return findConsumerConnection(group, brokerAddr)
        .orElseThrow(() -> new ClientException("consumer group " + group + " is not online"));
  }

  /** Like {@link #consumerConnection}, but empty when the group has no live client. */
  public Optional<ConsumerConnection> findConsumerConnection(String group, String brokerAddr)
      throws ClientException, InterruptedException {
    List<String> addrs = brokerAddr != null ? List.of(brokerAddr) : masterAddrs(null);
    return Optional.ofNullable(lookups.consumerConnection(addrs, group));
  }

  /**
   * The group's offsets against the brokers' on every master, for {@code topic} or, when null,
   * every topic the group has consumed.
   */
  public Map<MessageQueue, ConsumeStats.OffsetWrapper> groupConsumeStats(String group, String topic)
      throws ClientException, InterruptedException {
    return lookups.consumeStats(masterAddrs(null), group, topic);
  }

  /**
   * The group's offsets against the brokers' for every topic it has consumed, asked of the brokers
   * at {@code brokerAddrs} (e.g. the masters of a {@link #clusterInfo} the caller already holds).
   */
  public Map<MessageQueue, ConsumeStats.OffsetWrapper> groupConsumeStats(
      List<String> brokerAddrs, String group) throws ClientException, InterruptedException {
    return lookups.consumeStats(brokerAddrs, group, null);
  }

  /** The runtime statistics of the broker at {@code brokerAddr} (GET_BROKER_RUNTIME_INFO). */
  public Map<String, String> brokerRuntimeInfo(String brokerAddr)
      throws ClientException, InterruptedException {
    return lookups.brokerRuntimeInfo(brokerAddr);
  }

  /**
   * Messages of {@code topic} whose keys include {@code key}, stored between {@code begin} and
   * {@code end} (epoch millis), at most {@code maxNum} from each broker.
   */
  public List<MessageExt> queryMessageByKey(
      String topic, String key, int maxNum, long begin, long end)
      throws ClientException, InterruptedException {
    return lookups.queryByKey(topicRoute(topic), topic, key, maxNum, begin, end);
  }

  /**
   * The message of {@code topic} whose client id (a send result's msgId) is {@code uniqueId}.
   *
   * @throws ClientException when no broker of the topic holds it
   */
  public MessageExt queryMessageByUniqueKey(String topic, String uniqueId)
      throws ClientException, InterruptedException {
    MessageExt m = lookups.queryByUniqueKey(topicRoute(topic), topic, uniqueId);
    if (m == null) {
      throw new ClientException("no message " + uniqueId + " in topic " + topic);
    }
    return m;
  }

  /**
   * Resets the offsets of {@code group} on {@code topic} to the first message stored at or after
   * {@code timestamp} (epoch millis) on every master (INVOKE_BROKER_TO_RESET_OFFSET); with {@code
   * force} false a queue whose committed offset is already earlier keeps it. The group must have a
   * live consumer: the brokers tell it the new offsets. Answers the new offset of every queue.
   */
  public Map<MessageQueue, Long> resetOffsetByTimestamp(
      String group, String topic, long timestamp, boolean force)
      throws ClientException, InterruptedException {
    return actions.resetOffset(topicRoute(topic), group, topic, timestamp, force);
  }

  /**
   * Has the live client {@code clientId} of {@code group} consume the message {@code offsetMsgId}
   * of {@code topic} now (CONSUME_MESSAGE_DIRECTLY) and answers how its listener handled it.
   */
  public ConsumeMessageDirectlyResult consumeMessageDirectly(
      String group, String clientId, String topic, String offsetMsgId)
      throws ClientException, InterruptedException {
    return actions.consumeDirectly(group, clientId, offsetMsgId, topic);
  }

  /**
   * The offset of the first message of {@code queue} stored at or after {@code timestamp} (epoch
   * millis), the queue's max offset when none is (SEARCH_OFFSET_BY_TIMESTAMP).
   */
  public long searchOffset(MessageQueue queue, long timestamp)
      throws ClientException, InterruptedException {
    return actions.searchOffset(topicRoute(queue.topic()), queue, timestamp);
  }

  /**
   * The live connections of producer group {@code group} by master address
   * (GET_PRODUCER_CONNECTION_LIST); masters where it has none are left out.
   */
  public Map<String, List<ConsumerConnection.Connection>> producerConnections(String group)
      throws ClientException, InterruptedException {
    return actions.producerConnections(masterAddrs(null), group);
  }

  /**
   * The offsets of {@code group} on every queue of every topic it consumes, on every master, and
   * the sum of the consumption rates (msg/s) the brokers report (GET_CONSUME_STATS).
   */
  public ConsumeStats groupStats(String group) throws ClientException, InterruptedException {
    return actions.groupStats(masterAddrs(null), group);
  }

  /**
   * The statistics item {@code statsName} / {@code statsKey} (for example {@code TOPIC_PUT_NUMS} /
   * a topic) of the broker at {@code brokerAddr} over the last minute, hour and day
   * (VIEW_BROKER_STATS_DATA); empty when the broker does not serve it or has no such item yet.
   */
  public Optional<BrokerStatsData> brokerStatsData(
      String brokerAddr, String statsName, String statsKey)
      throws ClientException, InterruptedException {
    return actions.statsData(brokerAddr, statsName, statsKey);
  }

  @Override
  public void close() {
    instance.release();
  }

  /** Admin settings. */
  public static final class Builder {
    private final ClientOptions.Builder client = ClientOptions.builder();
    private ClientOptions options;

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

    /**
     * @throws IllegalArgumentException naming the first invalid key
     */
    public AdminClient build() {
      return new AdminClient(options != null ? options : client.build());
    }
  }
}
