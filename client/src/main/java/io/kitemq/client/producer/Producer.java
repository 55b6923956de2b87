package io.kitemq.client.producer;

import io.kitemq.client.ClientException;
import io.kitemq.client.ClientOptions;
import io.kitemq.client.internal.ClientInstance;
import io.kitemq.client.internal.LatencyFaultTolerance;
import io.kitemq.client.internal.ProducerConfig;
import io.kitemq.client.internal.ProducerCore;
import io.kitemq.client.internal.QueueChooser;
import io.kitemq.client.internal.TraceDispatcher;
import io.kitemq.common.message.Message;
import io.kitemq.common.topic.SystemTopics;
import io.kitemq.common.topic.TopicValidator;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Sends messages to the brokers serving their topic.
 *
 * <pre>{@code
 * try (Producer p = Producer.builder().namesrvAddr("127.0.0.1:9876").group("pg").build()) {
 *   SendResult r = p.send(new Message("Orders", "TagA", "order-1", body));
 * }
 * }</pre>
 *
 * Synchronous and asynchronous sends retry on another broker ({@code retries} extra attempts within
 * {@code sendTimeout}); oneway sends make one attempt. Each message gets a UNIQ_KEY if it has none
 * (the message object is updated). Thread-safe; close once.
 */
public final class Producer implements AutoCloseable {

  private final ClientInstance instance;

  /** Trace records waiting to be sent at most; more are dropped and counted. */
  static final int TRACE_QUEUE_CAPACITY = 2048;

  private final ProducerCore core;
  private final TraceDispatcher traces;

  private Producer(ProducerConfig config, String traceTopic) {
    this.instance = ClientInstance.acquire(config.client());
    TraceDispatcher dispatcher = null;
    try {
      if (traceTopic != null) {
        dispatcher =
            new TraceDispatcher(instance, config.group(), traceTopic, TRACE_QUEUE_CAPACITY);
      }
      this.core =
          new ProducerCore(
              config,
              instance,
              new QueueChooser(new LatencyFaultTolerance(System::currentTimeMillis)),
              dispatcher);
      this.traces = dispatcher;
    } catch (RuntimeException e) {
      if (dispatcher != null) {
        dispatcher.close();
      }
      instance.release();
      throw e;
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Sends and waits for the broker's answer, retrying on another broker on retryable errors. */
  public SendResult send(Message message) throws ClientException, InterruptedException {
    return core.send(message);
  }

  /** Sends to the queue {@code selector} picks for {@code arg} (e.g. an order id). */
  public SendResult send(Message message, MessageQueueSelector selector, Object arg)
      throws ClientException, InterruptedException {
    return core.send(message, selector, arg);
  }

  /**
   * Sends without waiting, retrying like {@link #send(Message)}; the future completes off the I/O
   * thread, with the last attempt's error when every attempt failed. Retries are chained from the
   * answers and never block the caller.
   */
  public CompletableFuture<SendResult> sendAsync(Message message) {
    return core.sendAsync(message);
  }

  /**
   * Sends and waits only until the request is written; the broker does not answer, so there is no
   * retry and no trace record.
   */
  public void sendOneway(Message message) throws ClientException, InterruptedException {
    core.sendOneway(message);
  }

  /** Sends messages of one topic as one batch request; they land in one queue, in order. */
  public SendResult sendBatch(Collection<? extends Message> messages)
      throws ClientException, InterruptedException {
    return core.sendBatch(messages);
  }

  /** Trace records dropped because the trace queue was full (0 without tracing). */
  public long droppedTraceRecords() {
    return traces == null ? 0 : traces.dropped();
  }

  /**
   * Sends the trace records still queued, unregisters the group from the brokers and releases the
   * shared client instance.
   */
  @Override
  public void close() {
    try {
      if (traces != null) {
        traces.close();
      }
      core.close();
    } finally {
      instance.release();
    }
  }

  /** Producer settings; defaults as the official client (3 s timeout, 2 retries, 4 KiB, 4 MiB). */
  public static final class Builder {
    private final ClientOptions.Builder client = ClientOptions.builder();
    private ClientOptions options;
    private String group;
    private Duration sendTimeout = Duration.ofSeconds(3);
    private int retries = 2;
    private int compressThreshold = 4 * 1024;
    private int compressLevel = 5;
    private int maxMessageSize = 4 * 1024 * 1024;
    private String traceTopic;

    private Builder() {}

    /**
     * Records a Pub trace of every message the broker takes (sync, async and batch sends; one
     * record per message of a batch) in the official trace format, sent asynchronously to {@code
     * traceTopic} ({@code RMQ_SYS_TRACE_TOPIC} when null). Oneway sends are not traced: the broker
     * does not answer them, so there is no result to record (the official client writes none
     * either).
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

    public Builder sendTimeout(Duration sendTimeout) {
      this.sendTimeout = sendTimeout;
      return this;
    }

    /** Extra attempts of a synchronous or asynchronous send (default 2). */
    public Builder retries(int retries) {
      this.retries = retries;
      return this;
    }

    public Builder compressThreshold(int bytes) {
      this.compressThreshold = bytes;
      return this;
    }

    public Builder compressLevel(int level) {
      this.compressLevel = level;
      return this;
    }

    public Builder maxMessageSize(int bytes) {
      this.maxMessageSize = bytes;
      return this;
    }

    /**
     * Validates the settings and starts the producer.
     *
     * @throws IllegalArgumentException naming the first invalid key
     */
    public Producer build() {
      TopicValidator.requireValidGroup(group);
      Objects.requireNonNull(sendTimeout, "sendTimeout");
      if (traceTopic != null) {
        TopicValidator.validateTopic(traceTopic)
            .ifPresent(
                p -> {
                  throw new IllegalArgumentException("enableTrace: " + p);
                });
      }
      ClientOptions opts = options != null ? options : client.build();
      return new Producer(
          new ProducerConfig(
              opts,
              group,
              sendTimeout.toMillis(),
              retries,
              compressThreshold,
              compressLevel,
              maxMessageSize),
          traceTopic);
    }
  }
}
