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
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sending side of a producer: validation, route lookup (with the TBW102 fallback for topics not
 * created yet), queue choice, retries on another broker for synchronous sends, and mapping of
 * responses to results or typed errors. Thread-safe.
 */
public final class ProducerCore {

  /** Codes after which a synchronous send tries again, preferably on another broker. */
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
    return sendWithRetries(prepare(m), m, null, null);
  }

  public SendResult send(Message m, MessageQueueSelector selector, Object arg)
      throws ClientException, InterruptedException {
    return sendWithRetries(prepare(m), m, selector, arg);
  }

  public SendResult sendBatch(Collection<? extends Message> messages)
      throws ClientException, InterruptedException {
    if (messages.isEmpty()) {
      throw new ClientException("empty batch");
    }
    List<Message> list = new ArrayList<>(messages);
    String topic = list.get(0).getTopic();
    long total = 0;
    for (Message m : list) {
      if (!topic.equals(m.getTopic())) {
        throw new ClientException(
            "a batch must hold one topic, got " + topic + " and " + m.getTopic());
      }
      if (m.getDelayTimeLevel() > 0 || SystemTopics.isRetryTopic(topic)) {
        throw new ClientException("delayed and retry messages cannot be batched");
      }
      validate(m);
      total += m.getBody().length;
      assignUniqueId(m);
    }
    if (total > config.maxMessageSize()) {
      throw new ClientException("batch body " + total + " B exceeds maxMessageSize");
    }
    return sendWithRetries(OutgoingMessage.batch(config.group(), topic, list), null, null, null);
  }

  public CompletableFuture<SendResult> sendAsync(Message m) {
    OutgoingMessage out;
    MessageQueue queue;
    String addr;
    try {
      out = prepare(m);
      queue = chooser.choose(queues(out.topic()), null);
      addr = address(queue);
    } catch (ClientException e) {
      return CompletableFuture.failedFuture(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CompletableFuture.failedFuture(e);
    }
    long begin = System.currentTimeMillis();
    return instance
        .remoting()
        .invokeAsync(addr, out.request(queue), config.sendTimeoutMillis())
        .handleAsync(
            (response, error) -> {
              if (error != null) {
                chooser.faults().recordFailure(queue.brokerName());
                throw new CompletionException(
                    new ClientException("send to " + addr + " failed", error));
              }
              chooser
                  .faults()
                  .recordLatency(queue.brokerName(), System.currentTimeMillis() - begin);
              try {
                SendResult result = toResult(response, out, queue, addr);
                tracePub(m, response, result, addr, begin);
                return result;
              } catch (ClientException e) {
                throw new CompletionException(e);
              }
            },
            instance.callbacks());
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
    Optional<String> problem = TopicValidator.validateTopic(m.getTopic());
    if (problem.isPresent()) {
      throw new ClientException("bad topic: " + problem.get());
    }
    if (SystemTopics.isNotAllowedSendTopic(m.getTopic())) {
      throw new ClientException("sending to " + m.getTopic() + " is not allowed");
    }
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
    if (m.getUniqueId() == null) {
      m.setUniqueId(UniqueIdGenerator.getDefault().next());
    }
  }

  private SendResult sendWithRetries(
      OutgoingMessage out, Message original, MessageQueueSelector selector, Object arg)
      throws ClientException, InterruptedException {
    long deadline = System.currentTimeMillis() + config.sendTimeoutMillis();
    String lastFailed = null;
    ClientException lastError = null;
    for (int attempt = 0; attempt <= config.retries(); attempt++) {
      long remaining = deadline - System.currentTimeMillis();
      if (remaining <= 0) {
        break;
      }
      List<MessageQueue> queues = queues(out.topic());
      MessageQueue queue =
          selector != null
              ? selector.select(queues, original, arg)
              : chooser.choose(queues, lastFailed);
      String addr = address(queue);
      long begin = System.currentTimeMillis();
      try {
        RemotingCommand response =
            instance.remoting().invokeSync(addr, out.request(queue), remaining);
        chooser.faults().recordLatency(queue.brokerName(), System.currentTimeMillis() - begin);
        SendResult result = toResult(response, out, queue, addr);
        if (original != null) {
          tracePub(original, response, result, addr, begin);
        }
        return result;
      } catch (BrokerException e) {
        if (!RETRYABLE.contains(e.code())) {
          throw e;
        }
        lastError = e;
        if (e.code() == ResponseCode.TOPIC_NOT_EXIST.code()) {
          instance.invalidateRoute(out.topic());
        }
      } catch (RemotingException e) {
        lastError = new ClientException("send to " + addr + " failed", e);
      }
      chooser.faults().recordFailure(queue.brokerName());
      lastFailed = queue.brokerName();
    }
    if (lastError == null) {
      throw new ClientException("send timed out after " + config.sendTimeoutMillis() + " ms");
    }
    throw lastError;
  }

  /** Queues the Pub record of a send, when tracing and the broker has tracing on. */
  private void tracePub(
      Message m, RemotingCommand response, SendResult result, String addr, long begin) {
    if (tracer == null || m.getTopic().equals(tracer.traceTopic())) {
      return;
    }
    Map<String, String> ext = response.extFieldsOrEmpty();
    String region = ext.get(MessageConst.PROPERTY_MSG_REGION);
    if (region == null || "false".equals(ext.get(MessageConst.PROPERTY_TRACE_SWITCH))) {
      return;
    }
    int type =
        Boolean.parseBoolean(m.getProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED))
            ? TraceRecords.TRANS_MSG_HALF
            : m.getDelayTimeLevel() > 0 ? TraceRecords.DELAY_MSG : TraceRecords.NORMAL_MSG;
    tracer.offer(
        TraceRecords.pub(
            begin,
            region,
            config.group(),
            m.getTopic(),
            result.msgId(),
            m.getTags(),
            m.getKeys(),
            addr,
            m.getBody().length,
            (int) (System.currentTimeMillis() - begin),
            type,
            result.offsetMsgId(),
            result.status() == SendStatus.SEND_OK));
  }

  private String address(MessageQueue queue) throws ClientException {
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
