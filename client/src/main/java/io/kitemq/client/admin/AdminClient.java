package io.kitemq.client.admin;

import io.kitemq.client.ClientException;
import io.kitemq.client.ClientOptions;
import io.kitemq.client.internal.AdminCalls;
import io.kitemq.client.internal.ClientInstance;
import io.kitemq.client.internal.ConsoleQueries;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.MessageQueue;
import io.kitemq.remoting.protocol.body.ClusterInfo;
import io.kitemq.remoting.protocol.body.ConsumeStats;
import io.kitemq.remoting.protocol.body.TopicRouteData;
import io.kitemq.remoting.protocol.body.TopicStatsTable;
import java.util.Map;
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
  private final ConsoleQueries queries;

  private AdminClient(ClientOptions options) {
    this.instance = ClientInstance.acquire(options);
    this.calls = new AdminCalls(instance);
    this.queries = new ConsoleQueries(instance);
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

  /** Min and max offsets of every queue of {@code topic}, from all its brokers. */
  public Map<MessageQueue, TopicStatsTable.TopicOffset> topicStats(String topic)
      throws ClientException, InterruptedException {
    return calls.topicStats(topicRoute(topic), topic);
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

  /** Every topic the name servers know (GET_ALL_TOPIC_LIST_FROM_NAMESERVER). */
  public Set<String> topicList() throws ClientException, InterruptedException {
    return queries.topicList();
  }

  /**
   * The runtime figures of the broker at {@code brokerAddr} (GET_BROKER_RUNTIME_INFO): {@code
   * brokerVersionDesc}, {@code bootTimestamp}, {@code commitLogMaxOffset}, ...
   */
  public Map<String, String> brokerRuntimeInfo(String brokerAddr)
      throws ClientException, InterruptedException {
    return queries.brokerRuntimeInfo(brokerAddr);
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
