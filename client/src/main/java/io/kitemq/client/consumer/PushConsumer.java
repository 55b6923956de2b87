package io.kitemq.client.consumer;

import io.kitemq.client.ClientException;
import io.kitemq.client.ClientOptions;
import io.kitemq.client.internal.ClientInstance;
import io.kitemq.client.internal.ConsumeTracer;
import io.kitemq.client.internal.ConsumerConfig;
import io.kitemq.client.internal.LatencyFaultTolerance;
import io.kitemq.client.internal.ProducerConfig;
import io.kitemq.client.internal.ProducerCore;
import io.kitemq.client.internal.PushConsumerCore;
import io.kitemq.client.internal.QueueChooser;
import io.kitemq.client.internal.TagExpression;
import io.kitemq.client.internal.TraceDispatcher;
import io.kitemq.common.message.MessageQueue;
import io.kitemq.common.topic.SystemTopics;
import io.kitemq.common.topic.TopicValidator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Receives the messages of its subscriptions through long-polling pulls and calls a listener.
 *
 * <pre>{@code
 * PushConsumer c = PushConsumer.builder()
 *     .namesrvAddr("127.0.0.1:9876").group("cg")
 *     .subscribe("Orders", "TagA || TagB")
 *     .listener((msgs, queue) -> ConsumeStatus.CONSUME_SUCCESS)
 *     .build();          // started; close() to stop
 * }</pre>
 *
 * In CLUSTERING mode the group's members split the queues (see {@link AllocateStrategy}) and failed
 * messages come back through {@code %RETRY%group}; in BROADCASTING mode every member reads every
 * queue and keeps its offsets in a local file. Thread-safe; close once.
 */
public final class PushConsumer implements AutoCloseable {

  /** Trace records waiting to be sent at most; more are dropped and counted. */
  static final int TRACE_QUEUE_CAPACITY = 2048;

  private final ClientInstance instance;
  private final ProducerCore retrySender;
  private final PushConsumerCore core;
  private final TraceDispatcher traces;

  private PushConsumer(ConsumerConfig config, String traceTopic) throws ClientException {
    this.instance = ClientInstance.acquire(config.client());
    TraceDispatcher dispatcher = null;
    try {
      if (traceTopic != null) {
        dispatcher =
            new TraceDispatcher(instance, config.group(), traceTopic, TRACE_QUEUE_CAPACITY);
      }
      this.retrySender =
          new ProducerCore(
              new ProducerConfig(
                  config.client(),
                  SystemTopics.CLIENT_INNER_PRODUCER_GROUP,
                  3000,
                  2,
                  4 * 1024,
                  5,
                  4 * 1024 * 1024),
              instance,
              new QueueChooser(new LatencyFaultTolerance(System::currentTimeMillis)));
      this.traces = dispatcher;
      this.core =
          new PushConsumerCore(
              config,
              instance,
              retrySender,
              dispatcher == null ? null : new ConsumeTracer(dispatcher, config.group()));
    } catch (RuntimeException e) {
      if (dispatcher != null) {
        dispatcher.close();
      }
      instance.release();
      throw e;
    }
    try {
      core.start();
    } catch (InterruptedException e) {
      close();
      Thread.currentThread().interrupt();
      throw new ClientException("interrupted while starting", e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The queues this member consumes right now. */
  public Set<MessageQueue> assignedQueues() {
    return core.ownedQueues();
  }

  /** Trace records dropped because the trace queue was full (0 without tracing). */
  public long droppedTraceRecords() {
    return traces == null ? 0 : traces.dropped();
  }

  /**
   * Stops consuming, persists offsets, leaves the group, sends the trace records still queued and
   * releases the client instance.
   */
  @Override
  public void close() {
    try {
      core.close();
    } finally {
      try {
        if (traces != null) {
          traces.close();
        }
      } finally {
        instance.release();
      }
    }
  }

  /** Consumer settings; defaults as the official client unless noted. */
  public static final class Builder {
    private final ClientOptions.Builder client = ClientOptions.builder();
    private ClientOptions options;
    private String group;
    private MessageModel model = MessageModel.CLUSTERING;
    private ConsumeFromWhere from = ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET;
    private long consumeTimestamp = System.currentTimeMillis() - Duration.ofMinutes(30).toMillis();
    private final Map<String, MessageSelector> subscriptions = new LinkedHashMap<>();
    private int consumeThreads = 20;
    private int pullBatchSize = 32;
    private int maxCachedMessagesPerQueue = 1000;
    private long maxCachedBytesPerQueue = 100L * 1024 * 1024;
    private MessageListenerConcurrently concurrently;
    private MessageListenerOrderly orderly;
    private AllocateStrategy strategy = new AllocateAveragely();
    private Path offsetDir = Path.of(System.getProperty("user.home"), ".kitemq_offsets");
    private int maxReconsumeTimes = 16;
    private Duration suspendTime = Duration.ofSeconds(1);
    private String traceTopic;

    private Builder() {}

    /**
     * Records SubBefore / SubAfter traces of every consumed message in the official trace format,
     * sent asynchronously to {@code traceTopic} ({@code RMQ_SYS_TRACE_TOPIC} when null).
     */
    public Builder enableTrace(String traceTopic) {
      this.traceTopic = traceTopic == null ? SystemTopics.TRACE_TOPIC : traceTopic;
      return this;
    }

    /** {@link #enableTrace(String)} with the default trace topic. */
    public Builder enableTrace() {
      return enableTrace(null);
    }

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

    /** Subscribes to {@code topic} with a tag expression ({@code *} or {@code A || B}). */
    public Builder subscribe(String topic, String expression) {
      return subscribe(topic, MessageSelector.byTag(expression));
    }

    /**
     * Subscribes to {@code topic} with a TAG or SQL92 selector; SQL92 needs a broker with
     * enablePropertyFilter=true.
     */
    public Builder subscribe(String topic, MessageSelector selector) {
      subscriptions.put(topic, selector);
      return this;
    }

    public Builder messageModel(MessageModel model) {
      this.model = model;
      return this;
    }

    public Builder consumeFromWhere(ConsumeFromWhere from) {
      this.from = from;
      return this;
    }

    /** Start time for {@link ConsumeFromWhere#CONSUME_FROM_TIMESTAMP}, epoch milliseconds. */
    public Builder consumeTimestamp(long epochMillis) {
      this.consumeTimestamp = epochMillis;
      return this;
    }

    public Builder consumeThreads(int n) {
      this.consumeThreads = n;
      return this;
    }

    public Builder pullBatchSize(int n) {
      this.pullBatchSize = n;
      return this;
    }

    /** Flow control: stop pulling a queue while it has this many messages cached. */
    public Builder maxCachedMessagesPerQueue(int n) {
      this.maxCachedMessagesPerQueue = n;
      return this;
    }

    /** Flow control: stop pulling a queue while its cached bodies take this many bytes. */
    public Builder maxCachedBytesPerQueue(long bytes) {
      this.maxCachedBytesPerQueue = bytes;
      return this;
    }

    public Builder listener(MessageListenerConcurrently listener) {
      this.concurrently = listener;
      this.orderly = null;
      return this;
    }

    public Builder orderlyListener(MessageListenerOrderly listener) {
      this.orderly = listener;
      this.concurrently = null;
      return this;
    }

    public Builder allocateStrategy(AllocateStrategy strategy) {
      this.strategy = strategy;
      return this;
    }

    /** Directory of broadcasting offsets (default {@code ~/.kitemq_offsets}). */
    public Builder offsetDir(Path dir) {
      this.offsetDir = dir;
      return this;
    }

    public Builder maxReconsumeTimes(int n) {
      this.maxReconsumeTimes = n;
      return this;
    }

    /** Pause of an orderly queue after SUSPEND_CURRENT_QUEUE_A_MOMENT (default 1 s). */
    public Builder suspendTime(Duration d) {
      this.suspendTime = d;
      return this;
    }

    /**
     * Validates the settings and starts the consumer.
     *
     * @throws IllegalArgumentException naming the first invalid key
     * @throws ClientException if starting was interrupted
     */
    public PushConsumer build() throws ClientException {
      TopicValidator.requireValidGroup(group);
      if (subscriptions.isEmpty()) {
        throw new IllegalArgumentException("subscribe: at least one topic is needed");
      }
      Map<String, TagExpression> subs = new LinkedHashMap<>();
      for (Map.Entry<String, MessageSelector> e : subscriptions.entrySet()) {
        TopicValidator.validateTopic(e.getKey())
            .ifPresent(
                p -> {
                  throw new IllegalArgumentException("subscribe: " + p);
                });
        subs.put(e.getKey(), TagExpression.of(e.getValue()));
      }
      if (concurrently == null && orderly == null) {
        throw new IllegalArgumentException("listener must be set");
      }
      requirePositive(consumeThreads, "consumeThreads");
      requirePositive(pullBatchSize, "pullBatchSize");
      requirePositive(maxCachedMessagesPerQueue, "maxCachedMessagesPerQueue");
      requirePositive(maxCachedBytesPerQueue, "maxCachedBytesPerQueue");
      requirePositive(maxReconsumeTimes, "maxReconsumeTimes");
      requirePositive(suspendTime.toMillis(), "suspendTime");
      if (traceTopic != null) {
        TopicValidator.validateTopic(traceTopic)
            .ifPresent(
                p -> {
                  throw new IllegalArgumentException("enableTrace: " + p);
                });
      }
      ClientOptions opts = options != null ? options : client.build();
      return new PushConsumer(
          new ConsumerConfig(
              opts,
              group,
              model,
              from,
              consumeTimestamp,
              subs,
              consumeThreads,
              pullBatchSize,
              maxCachedMessagesPerQueue,
              maxCachedBytesPerQueue,
              concurrently,
              orderly,
              strategy,
              offsetDir,
              maxReconsumeTimes,
              suspendTime.toMillis()),
          traceTopic);
    }

    private static void requirePositive(long v, String key) {
      if (v <= 0) {
        throw new IllegalArgumentException(key + " must be positive, got " + v);
      }
    }
  }
}
