package io.kitemq.client.internal;

import io.kitemq.client.BrokerException;
import io.kitemq.client.ClientException;
import io.kitemq.client.producer.MessageQueueSelector;
import io.kitemq.client.producer.SendResult;
import io.kitemq.client.producer.SendStatus;
import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageConst;
import io.kitemq.common.message.MessageQueue;
import io.kitemq.common.message.UniqueIdGenerator;
import io.kitemq.common.topic.SystemTopics;
import io.kitemq.common.topic.TopicValidator;
import io.kitemq.remoting.netty.RemotingException;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RemotingCommandException;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.body.TopicRouteData;
import io.kitemq.remoting.protocol.header.SendMessageResponseHeader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sending side of a producer: validation, route lookup (with the TBW102 fallback for topics not
 * created yet), queue choice, retries on another broker for synchronous and asynchronous sends
 * ({@link AsyncSend}), and mapping of responses to results or typed errors. Thread-safe.
 */
public final class ProducerCore {

  /** Codes after which a sync or async send tries again, preferably on another broker. */
  static final Set<Integer> RETRYABLE = Set.of(1, 2, 14, 16, 17, 204, 205, 1500);

  private static final int DEFAULT_TOPIC_QUEUES = 4;

  private final ProducerConfig config;
  private final ClientInstance instance;
  private final QueueChooser chooser;
  private final TraceDispatcher tracer;
  private final Map<String, CachedQueues> fallbackQueues = new ConcurrentHashMap<>();

  private record CachedQueues(List<MessageQueue> queues, long expiresAt) {}

  public ProducerCore(ProducerConfig config, ClientInstance instance, QueueChooser chooser) {
    this(config, instance, chooser, null);
  }

  /**
   * @param tracer where a Pub trace record of each single message the broker took goes (sync and
   *     async sends; not oneway, which has no answer, nor batches), or null for none
   */
  public ProducerCore(
      ProducerConfig config,
      ClientInstance instance,
      QueueChooser chooser,
      TraceDispatcher tracer) {
    this.config = config;
    this.instance = instance;
    this.chooser = chooser;
    this.tracer = tracer;
    instance.registerProducer(config.group());
  }

  public void close() {
    instance.unregisterProducer(config.group());
  }

  public SendResult send(Message m) throws ClientException, InterruptedException {
    return sendWithRetries(prepare(m), List.of(m), m, null, null);
  }

  public SendResult send(Message m, MessageQueueSelector selector, Object arg)
      throws ClientException, InterruptedException {
    return sendWithRetries(prepare(m), List.of(m), m, selector, arg);
  }

  public SendResult sendBatch(Collection<? extends Message> messages)
      throws ClientException, InterruptedException {
    if (messages.isEmpty()) {
      throw new ClientException("empty batch");
    }
    List<Message> list = new ArrayList<>(messages);
    String topic = list.get(0).getTopic();
    validateTopic(topic);
    if (SystemTopics.isRetryTopic(topic)) {
      throw new ClientException("delayed and retry messages cannot be batched");
    }
    long total = 0;
    for (Message m : list) {
      if (!topic.equals(m.getTopic())) {
        throw new ClientException(
            "a batch must hold one topic, got " + topic + " and " + m.getTopic());
      }
      if (m.getDelayTimeLevel() > 0) {
        throw new ClientException("delayed and retry messages cannot be batched");
      }
      validateBody(m);
      total += m.getBody().length;
    }
    UniqueIdGenerator.getDefault().assignIfAbsent(list);
    if (total > config.maxMessageSize()) {
      throw new ClientException("batch body " + total + " B exceeds maxMessageSize");
    }
    return sendWithRetries(
        OutgoingMessage.batch(config.group(), topic, list), list, null, null, null);
  }

  /**
   * Sends without blocking the caller: the first attempt goes out from this thread when the topic's
   * queues are known (from the callbacks pool when a route must be fetched first), and each retry
   * is chained from the previous answer on the callbacks pool, never on the I/O thread. Retries
   * follow the synchronous rules ({@code retries} extra attempts within the one send timeout,
   * avoiding the broker that just failed).
   */
  public CompletableFuture<SendResult> sendAsync(Message m) {
    OutgoingMessage out;
    try {
      out = prepare(m);
    } catch (ClientException e) {
      return CompletableFuture.failedFuture(e);
    }
    return new AsyncSend(this, out, List.of(m), config.sendTimeoutMillis(), config.retries())
        .start();
  }

  public void sendOneway(Message m) throws ClientException, InterruptedException {
    OutgoingMessage out = prepare(m);
    MessageQueue queue = chooser.choose(queues(out.topic()), null);
    String addr = address(queue);
    RemotingCommand request = out.request(queue);
    request.markOneway();
    try {
      instance.remoting().invokeOneway(addr, request, config.sendTimeoutMillis());
    } catch (RemotingException e) {
      chooser.faults().recordFailure(queue.brokerName());
      throw new ClientException("oneway send to " + addr + " failed", e);
    }
  }

  private OutgoingMessage prepare(Message m) throws ClientException {
    validate(m);
    assignUniqueId(m);
    return OutgoingMessage.single(
        config.group(), m, config.compressThreshold(), config.compressLevel());
  }

  private void validate(Message m) throws ClientException {
    validateTopic(m.getTopic());
    validateBody(m);
  }

  private static void validateTopic(String topic) throws ClientException {
    Optional<String> problem = TopicValidator.validateTopic(topic);
    if (problem.isPresent()) {
      throw new ClientException("bad topic: " + problem.get());
    }
    if (SystemTopics.isNotAllowedSendTopic(topic)) {
      throw new ClientException("sending to " + topic + " is not allowed");
    }
  }

  private void validateBody(Message m) throws ClientException {
    if (m.getBody() == null || m.getBody().length == 0) {
      // The official broker fails on an empty body (it reads it as absent), so refuse it here.
      throw new ClientException("message body is empty");
    }
    if (m.getBody().length > config.maxMessageSize()) {
      throw new ClientException(
          "body " + m.getBody().length + " B exceeds maxMessageSize " + config.maxMessageSize());
    }
  }

  private static void assignUniqueId(Message m) {
    UniqueIdGenerator.getDefault().assignIfAbsent(m);
  }

  private SendResult sendWithRetries(
      OutgoingMessage out,
      List<Message> traced,
      Message original,
      MessageQueueSelector selector,
      Object arg)
      throws ClientException, InterruptedException {
    long deadline = System.currentTimeMillis() + config.sendTimeoutMillis();
    String lastFailed = null;
    ClientException lastError = null;
    for (int attempt = 0; attempt <= config.retries(); attempt++) {
      long remaining = deadline - System.currentTimeMillis();
      if (remaining <= 0) {
        break;
      }
      MessageQueue queue =
          selector != null
              ? selector.select(queues(out.topic()), original, arg)
              : choose(out.topic(), lastFailed);
      String addr = address(queue);
      long begin = System.currentTimeMillis();
      try {
        RemotingCommand response =
            instance.remoting().invokeSync(addr, out.request(queue), remaining);
        return answered(response, out, traced, queue, addr, begin);
      } catch (BrokerException e) {
        if (!RETRYABLE.contains(e.code())) {
          throw e;
        }
        lastError = e;
      } catch (RemotingException e) {
        lastError = new ClientException("send to " + addr + " failed", e);
      }
      attemptFailed(out.topic(), queue, lastError);
      lastFailed = queue.brokerName();
    }
    throw lastError != null ? lastError : timedOut();
  }

  ClientException timedOut() {
    return new ClientException("send timed out after " + config.sendTimeoutMillis() + " ms");
  }

  /**
   * The result of an attempt the broker answered (its latency recorded, Pub records queued), or the
   * broker's refusal as a {@link BrokerException}.
   */
  SendResult answered(
      RemotingCommand response,
      OutgoingMessage out,
      List<Message> traced,
      MessageQueue queue,
      String addr,
      long begin)
      throws ClientException {
    chooser.faults().recordLatency(queue.brokerName(), System.currentTimeMillis() - begin);
    SendResult result = toResult(response, out, queue, addr);
    tracePubs(traced, response, result, addr, begin);
    return result;
  }

  /** Bookkeeping after a retryable failure: the broker is avoided for a while, stale routes go. */
  void attemptFailed(String topic, MessageQueue queue, ClientException error) {
    chooser.faults().recordFailure(queue.brokerName());
    if (error instanceof BrokerException b && b.code() == ResponseCode.TOPIC_NOT_EXIST.code()) {
      instance.invalidateRoute(topic);
    }
  }

  /** A queue of {@code topic}, avoiding {@code lastFailedBroker} (may fetch the route: blocks). */
  MessageQueue choose(String topic, String lastFailedBroker)
      throws ClientException, InterruptedException {
    return chooser.choose(queues(topic), lastFailedBroker);
  }

  /** Whether {@link #choose} can answer from the caches, without asking a name server. */
  boolean queuesCached(String topic) {
    CachedQueues cached = fallbackQueues.get(topic);
    return (cached != null && cached.expiresAt() > System.currentTimeMillis())
        || instance.cachedRoute(topic) != null;
  }

  ClientInstance instance() {
    return instance;
  }

  /**
   * Queues one Pub record per message the broker took ({@code traced}: the single message or the
   * batch's messages, which share the request's cost time), when tracing and the broker has tracing
   * on. A batch's msgIds and offsetMsgIds come comma-joined, in the batch's order.
   */
  private void tracePubs(
      List<Message> traced, RemotingCommand response, SendResult result, String addr, long begin) {
    if (tracer == null || traced.get(0).getTopic().equals(tracer.traceTopic())) {
      return;
    }
    Map<String, String> ext = response.extFieldsOrEmpty();
    String region = ext.get(MessageConst.PROPERTY_MSG_REGION);
    if (region == null || "false".equals(ext.get(MessageConst.PROPERTY_TRACE_SWITCH))) {
      return;
    }
    int cost = (int) (System.currentTimeMillis() - begin);
    String[] offsetIds =
        result.offsetMsgId() == null ? new String[0] : result.offsetMsgId().split(",");
    boolean ok = result.status() == SendStatus.SEND_OK;
    for (int i = 0; i < traced.size(); i++) {
      Message m = traced.get(i);
      // Ids are matched by position only when the broker answered one per message.
      String offsetMsgId = offsetIds.length == traced.size() ? offsetIds[i] : null;
      tracer.offer(
          TraceRecords.pub(
              begin,
              region,
              config.group(),
              m.getTopic(),
              m.getUniqueId(),
              m.getTags(),
              m.getKeys(),
              addr,
              m.getBody().length,
              cost,
              msgType(m),
              offsetMsgId,
              ok));
    }
  }

  private static int msgType(Message m) {
    if (Boolean.parseBoolean(m.getProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED))) {
      return TraceRecords.TRANS_MSG_HALF;
    }
    return m.getDelayTimeLevel() > 0 ? TraceRecords.DELAY_MSG : TraceRecords.NORMAL_MSG;
  }

  String address(MessageQueue queue) throws ClientException {
    String addr = instance.masterAddr(queue.brokerName());
    if (addr == null) {
      throw new ClientException("no master address for broker " + queue.brokerName());
    }
    return addr;
  }

  /** Writable queues of {@code topic}, from its route or, if it has none, from TBW102's. */
  List<MessageQueue> queues(String topic) throws ClientException, InterruptedException {
    CachedQueues cached = fallbackQueues.get(topic);
    long now = System.currentTimeMillis();
    if (cached != null && cached.expiresAt() > now) {
      return cached.queues();
    }
    TopicRouteData route = instance.route(topic);
    if (route != null) {
      fallbackQueues.remove(topic);
      List<MessageQueue> queues = PublishQueues.writable(topic, route);
      if (queues.isEmpty()) {
        throw new ClientException("no writable queue for topic " + topic);
      }
      return queues;
    }
    TopicRouteData defaults = instance.route(SystemTopics.AUTO_CREATE_TOPIC_KEY_TOPIC);
    if (defaults == null) {
      throw new ClientException("No route info of this topic: " + topic);
    }
    List<MessageQueue> queues =
        PublishQueues.writable(
            topic, PublishQueues.fromDefaultTopic(defaults, DEFAULT_TOPIC_QUEUES));
    if (queues.isEmpty()) {
      throw new ClientException("No route info of this topic: " + topic);
    }
    long ttl = Math.min(instance.options().pollNameServerInterval().toMillis(), 1000);
    fallbackQueues.put(topic, new CachedQueues(queues, now + ttl));
    return queues;
  }

  private static SendResult toResult(
      RemotingCommand response, OutgoingMessage out, MessageQueue queue, String addr)
      throws ClientException {
    SendStatus status =
        switch (response.code()) {
          case 0 -> SendStatus.SEND_OK;
          case 10 -> SendStatus.FLUSH_DISK_TIMEOUT;
          case 11 -> SendStatus.SLAVE_NOT_AVAILABLE;
          case 12 -> SendStatus.FLUSH_SLAVE_TIMEOUT;
          default -> throw new BrokerException(response.code(), response.remark(), addr);
        };
    try {
      SendMessageResponseHeader h =
          SendMessageResponseHeader.fromExtFields(response.extFieldsOrEmpty());
      return new SendResult(
          status,
          out.msgId(),
          h.msgId(),
          new MessageQueue(queue.topic(), queue.brokerName(), h.queueId()),
          h.queueOffset());
    } catch (RemotingCommandException e) {
      throw Responses.badHeader(e, addr);
    }
  }
}
