package io.kitemq.client.internal;

import io.kitemq.client.ClientException;
import io.kitemq.client.ClientOptions;
import io.kitemq.common.message.BodyMode;
import io.kitemq.common.message.MessageConst;
import io.kitemq.common.message.MessageDecodeException;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.StoredMessageDecoder;
import io.kitemq.common.topic.SystemTopics;
import io.kitemq.remoting.netty.RemotingClient;
import io.kitemq.remoting.netty.RemotingClientConfig;
import io.kitemq.remoting.netty.RemotingException;
import io.kitemq.remoting.netty.RequestProcessor;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RemotingCommandException;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.body.BodyCodec;
import io.kitemq.remoting.protocol.body.BrokerData;
import io.kitemq.remoting.protocol.body.ConsumerData;
import io.kitemq.remoting.protocol.body.HeartbeatData;
import io.kitemq.remoting.protocol.body.ProducerData;
import io.kitemq.remoting.protocol.body.TopicRouteData;
import io.kitemq.remoting.protocol.header.CheckTransactionStateRequestHeader;
import io.kitemq.remoting.protocol.header.GetRouteInfoRequestHeader;
import io.kitemq.remoting.protocol.header.NotifyConsumerIdsChangedRequestHeader;
import io.kitemq.remoting.protocol.header.UnregisterClientRequestHeader;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection state shared by every producer and consumer of one client id: a remoting client
 * with one I/O thread, the route cache (refreshed periodically and on demand), the broker address
 * table, heartbeats to every known broker, and one scheduled thread for periodic work. Acquired and
 * released by reference count; the last release unregisters the client from the brokers and closes
 * everything. Thread-safe.
 */
public final class ClientInstance {

  private static final Logger LOG = LoggerFactory.getLogger(ClientInstance.class);
  private static final Map<String, ClientInstance> INSTANCES = new HashMap<>();

  private final ClientOptions options;
  private final String clientId;
  private final RemotingClient remoting;
  private final NameServers nameServers;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService callbacks;
  private final Map<String, TopicRouteData> routes = new ConcurrentHashMap<>();
  private final Map<String, Map<Long, String>> brokerAddrs = new ConcurrentHashMap<>();
  private final Set<String> producerGroups = ConcurrentHashMap.newKeySet();
  private final Map<String, ConsumerMember> consumers = new ConcurrentHashMap<>();
  private final Map<String, TransactionChecker> transactionCheckers = new ConcurrentHashMap<>();
  private int references;

  private ClientInstance(ClientOptions options) {
    this.options = options;
    this.clientId = options.clientId();
    this.remoting = new RemotingClient(RemotingClientConfig.builder().ioThreads(1).build());
    this.nameServers = new NameServers(options.namesrvAddr(), remoting);
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "kite-client-scheduler"));
    this.callbacks = Executors.newCachedThreadPool(r -> daemon(r, "kite-client-callback"));
    remoting.registerProcessor(
        RequestCode.NOTIFY_CONSUMER_IDS_CHANGED,
        (channel, request) -> {
          onConsumerIdsChanged(request);
          return CompletableFuture.completedFuture(null);
        },
        callbacks);
    remoting.registerProcessor(
        RequestCode.CHECK_TRANSACTION_STATE,
        (channel, request) -> {
          onCheckTransactionState(channel, request);
          return CompletableFuture.completedFuture(null);
        },
        callbacks);
    remoting.registerProcessor(
        RequestCode.GET_CONSUMER_RUNNING_INFO,
        RequestProcessor.of((channel, request) -> BrokerQueries.runningInfo(consumers, request)),
        callbacks);
    remoting.registerProcessor(
        RequestCode.CONSUME_MESSAGE_DIRECTLY,
        RequestProcessor.of(
            (channel, request) -> BrokerQueries.consumeDirectly(consumers, request)),
        callbacks);
    remoting.registerProcessor(
        RequestCode.RESET_CONSUMER_CLIENT_OFFSET,
        RequestProcessor.of((channel, request) -> BrokerQueries.resetOffset(consumers, request)),
        callbacks);
    long poll = options.pollNameServerInterval().toMillis();
    scheduler.scheduleWithFixedDelay(this::refreshRoutes, poll, poll, TimeUnit.MILLISECONDS);
    long beat = options.heartbeatInterval().toMillis();
    scheduler.scheduleWithFixedDelay(this::heartbeatQuietly, beat, beat, TimeUnit.MILLISECONDS);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** The instance for {@code options.clientId()}, created on first use; pair with release. */
  public static ClientInstance acquire(ClientOptions options) {
    synchronized (INSTANCES) {
      ClientInstance instance =
          INSTANCES.computeIfAbsent(options.clientId(), id -> new ClientInstance(options));
      instance.references++;
      return instance;
    }
  }

  /** Drops one reference; the last one unregisters from brokers and closes the instance. */
  public void release() {
    synchronized (INSTANCES) {
      if (--references > 0) {
        return;
      }
      INSTANCES.remove(clientId);
    }
    scheduler.shutdownNow();
    callbacks.shutdownNow();
    remoting.close();
  }

  public String clientId() {
    return clientId;
  }

  public ClientOptions options() {
    return options;
  }

  public RemotingClient remoting() {
    return remoting;
  }

  public ScheduledExecutorService scheduler() {
    return scheduler;
  }

  /** A pool for user callbacks (async send results), never the I/O thread. */
  public ExecutorService callbacks() {
    return callbacks;
  }

  long requestTimeoutMillis() {
    return options.requestTimeout().toMillis();
  }

  public void registerProducer(String group) {
    producerGroups.add(group);
  }

  public void registerConsumer(ConsumerMember member) {
    if (consumers.putIfAbsent(member.group(), member) != null) {
      throw new IllegalStateException("consumer group already started here: " + member.group());
    }
  }

  /** Routes the brokers' CHECK_TRANSACTION_STATE about {@code group}'s messages to the checker. */
  void registerTransactionChecker(String group, TransactionChecker checker) {
    if (transactionCheckers.putIfAbsent(group, checker) != null) {
      throw new IllegalStateException(
          "transactional producer group already started here: " + group);
    }
  }

  void unregisterTransactionChecker(String group) {
    transactionCheckers.remove(group);
  }

  /** Removes the producer group and tells the brokers. */
  public void unregisterProducer(String group) {
    producerGroups.remove(group);
    unregisterClient(group, null);
  }

  /** Removes the consumer group and tells the brokers. */
  public void unregisterConsumer(String group) {
    consumers.remove(group);
    unregisterClient(null, group);
  }

  private void onConsumerIdsChanged(RemotingCommand request) {
    try {
      String group =
          NotifyConsumerIdsChangedRequestHeader.fromExtFields(request.extFieldsOrEmpty())
              .consumerGroup();
      ConsumerMember member = consumers.get(group);
      if (member != null) {
        member.rebalanceSoon();
      }
    } catch (io.kitemq.remoting.protocol.RemotingCommandException e) {
      LOG.warn("bad NOTIFY_CONSUMER_IDS_CHANGED header: {}", e.getMessage());
    }
  }

  private void onCheckTransactionState(Channel channel, RemotingCommand request) {
    CheckTransactionStateRequestHeader header;
    MessageExt message;
    try {
      header = CheckTransactionStateRequestHeader.fromExtFields(request.extFieldsOrEmpty());
      byte[] body = request.body();
      message =
          body == null
              ? null
              : StoredMessageDecoder.decode(ByteBuffer.wrap(body), 0, BodyMode.DECOMPRESS);
    } catch (RemotingCommandException | MessageDecodeException e) {
      LOG.warn("bad CHECK_TRANSACTION_STATE request: {}", e.getMessage());
      return;
    }
    if (message == null) {
      LOG.warn("CHECK_TRANSACTION_STATE without a message body");
      return;
    }
    String group = message.getProperty(MessageConst.PROPERTY_PRODUCER_GROUP);
    TransactionChecker checker = group == null ? null : transactionCheckers.get(group);
    if (checker == null) {
      LOG.debug("CHECK_TRANSACTION_STATE for group {} that has no transactional producer", group);
      return;
    }
    if (!(channel.remoteAddress() instanceof InetSocketAddress peer) || peer.getAddress() == null) {
      return;
    }
    checker.check(peer.getAddress().getHostAddress() + ":" + peer.getPort(), header, message);
  }

  /** The cached route of {@code topic}, or null; never asks a name server. */
  TopicRouteData cachedRoute(String topic) {
    return routes.get(topic);
  }

  /** The cached route of {@code topic}, fetched when absent; null when the topic has none. */
  public TopicRouteData route(String topic) throws ClientException, InterruptedException {
    TopicRouteData route = routes.get(topic);
    if (route != null) {
      return route;
    }
    return updateRoute(topic);
  }

  /** Fetches the route of {@code topic} now; null (and nothing cached) when it has none. */
  public TopicRouteData updateRoute(String topic) throws ClientException, InterruptedException {
    TopicRouteData route = fetchRoute(topic);
    if (route == null) {
      return null;
    }
    for (BrokerData b : route.brokerDatas()) {
      brokerAddrs.put(b.brokerName(), Map.copyOf(b.brokerAddrs()));
    }
    routes.put(topic, route);
    return route;
  }

  private TopicRouteData fetchRoute(String topic) throws ClientException, InterruptedException {
    RemotingCommand response =
        nameServers.invoke(
            () ->
                RemotingCommand.createRequest(
                    RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader(topic, null)),
            requestTimeoutMillis());
    if (response.code() == ResponseCode.TOPIC_NOT_EXIST.code()) {
      return null;
    }
    Responses.requireSuccess(response, "name server");
    return Responses.body(response, TopicRouteData.class, "name server");
  }

  /** Sends a request to one name server (the next one if it cannot be reached). */
  public RemotingCommand invokeNameServer(java.util.function.Supplier<RemotingCommand> request)
      throws ClientException, InterruptedException {
    return nameServers.invoke(request, requestTimeoutMillis());
  }

  /** Sends a request to every name server; their answers by address. */
  public Map<String, RemotingCommand> invokeAllNameServers(
      java.util.function.Supplier<RemotingCommand> request)
      throws ClientException, InterruptedException {
    return nameServers.invokeAll(request, requestTimeoutMillis());
  }

  /** Forgets the cached route so the next use fetches it again (after a send failure). */
  public void invalidateRoute(String topic) {
    routes.remove(topic);
  }

  /** The address of {@code brokerName}'s broker {@code id}, falling back to the master. */
  public String brokerAddr(String brokerName, long id) {
    Map<Long, String> addrs = brokerAddrs.get(brokerName);
    if (addrs == null) {
      return null;
    }
    String addr = addrs.get(id);
    return addr != null ? addr : addrs.get(BrokerData.MASTER_ID);
  }

  public String masterAddr(String brokerName) {
    Map<Long, String> addrs = brokerAddrs.get(brokerName);
    return addrs == null ? null : addrs.get(BrokerData.MASTER_ID);
  }

  private void refreshRoutes() {
    Set<String> topics = new HashSet<>(routes.keySet());
    for (ConsumerMember c : consumers.values()) {
      topics.addAll(c.topics());
    }
    topics.remove(SystemTopics.AUTO_CREATE_TOPIC_KEY_TOPIC);
    for (String topic : topics) {
      try {
        updateRoute(topic);
      } catch (ClientException e) {
        LOG.debug("route refresh of {} failed: {}", topic, e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void heartbeatQuietly() {
    try {
      heartbeatAll();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Sends HEART_BEAT with every group of this instance to every known broker, in parallel. */
  public void heartbeatAll() throws InterruptedException {
    List<ProducerData> producers = new ArrayList<>();
    producers.add(new ProducerData(SystemTopics.CLIENT_INNER_PRODUCER_GROUP));
    producerGroups.stream()
        .filter(g -> !g.equals(SystemTopics.CLIENT_INNER_PRODUCER_GROUP))
        .sorted()
        .forEach(g -> producers.add(new ProducerData(g)));
    List<ConsumerData> consumerData =
        consumers.values().stream().map(c -> c.consumerData()).toList();
    byte[] body = BodyCodec.encode(new HeartbeatData(clientId, producers, consumerData, 0, false));
    List<CompletableFuture<RemotingCommand>> calls = new ArrayList<>();
    for (String addr : brokerAddresses(!consumers.isEmpty())) {
      RemotingCommand request = RemotingCommand.createRequest(RequestCode.HEART_BEAT);
      request.setBody(body);
      calls.add(
          remoting
              .invokeAsync(addr, request, requestTimeoutMillis())
              .whenComplete(
                  (r, e) -> {
                    if (e != null || r.code() != ResponseCode.SUCCESS.code()) {
                      LOG.debug("heartbeat to {} failed: {}", addr, e != null ? e : r.remark());
                    }
                  }));
    }
    for (CompletableFuture<RemotingCommand> call : calls) {
      try {
        call.get();
      } catch (java.util.concurrent.ExecutionException e) {
        // Logged above; the next period tries again.
        LOG.trace("heartbeat failed", e);
      }
    }
  }

  private Set<String> brokerAddresses(boolean withSlaves) {
    Set<String> out = new HashSet<>();
    for (Map<Long, String> addrs : brokerAddrs.values()) {
      addrs.forEach(
          (id, addr) -> {
            if (withSlaves || id == BrokerData.MASTER_ID) {
              out.add(addr);
            }
          });
    }
    return out;
  }

  private void unregisterClient(String producerGroup, String consumerGroup) {
    for (String addr : brokerAddresses(true)) {
      RemotingCommand request =
          RemotingCommand.createRequest(
              RequestCode.UNREGISTER_CLIENT,
              new UnregisterClientRequestHeader(clientId, producerGroup, consumerGroup));
      try {
        remoting.invokeSync(addr, request, requestTimeoutMillis());
      } catch (RemotingException e) {
        LOG.debug("unregister from {} failed: {}", addr, e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
