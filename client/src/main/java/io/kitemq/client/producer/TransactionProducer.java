package io.kitemq.client.producer;

import io.kitemq.client.ClientException;
import io.kitemq.client.ClientOptions;
import io.kitemq.client.internal.ClientInstance;
import io.kitemq.client.internal.LatencyFaultTolerance;
import io.kitemq.client.internal.ProducerConfig;
import io.kitemq.client.internal.ProducerCore;
import io.kitemq.client.internal.QueueChooser;
import io.kitemq.client.internal.TraceDispatcher;
import io.kitemq.client.internal.TransactionCore;
import io.kitemq.common.message.Message;
import io.kitemq.common.topic.SystemTopics;
import io.kitemq.common.topic.TopicValidator;
import java.time.Duration;
import java.util.Objects;

/**
 * Sends transactional messages: the message is stored as a half invisible to consumers, the local
 * transaction runs, and its outcome commits or rolls back the half on the broker.
 *
 * <pre>{@code
 * try (TransactionProducer p = TransactionProducer.builder()
 *     .namesrvAddr("127.0.0.1:9876").group("tx-pg").listener(listener).build()) {
 *   TransactionSendResult r = p.sendInTransaction(new Message("Orders", body), orderId);
 * }
 * }</pre>
 *
 * While a transaction stays undecided (UNKNOW, or the outcome was lost), the broker asks a producer
 * of the group with CHECK_TRANSACTION_STATE; the listener's {@code checkLocalTransaction} answers
 * on the producer's check threads. One transactional producer per group per client id. Thread-safe;
 * close once.
 *
 * <p>With {@link Builder#enableTrace}, the half message gets a Pub trace record (message type
 * TRANS_MSG_HALF) and every outcome sent to the broker an EndTransaction record (the state, the
 * transaction id, and whether it answered a check), in the official trace format.
 */
public final class TransactionProducer implements AutoCloseable {

  private final ClientInstance instance;
  private final ProducerCore core;
  private final TransactionCore transactions;
  private final TraceDispatcher traces;

  private TransactionProducer(
      ProducerConfig config,
      TransactionListener listener,
      int checkThreads,
      int checkQueue,
      String traceTopic) {
    this.instance = ClientInstance.acquire(config.client());
    ProducerCore created = null;
    TraceDispatcher dispatcher = null;
    try {
      if (traceTopic != null) {
        dispatcher =
            new TraceDispatcher(
                instance, config.group(), traceTopic, Producer.TRACE_QUEUE_CAPACITY);
      }
      created =
          new ProducerCore(
              config,
              instance,
              new QueueChooser(new LatencyFaultTolerance(System::currentTimeMillis)),
              dispatcher);
      this.transactions =
          new TransactionCore(
              config, instance, created, listener, checkThreads, checkQueue, dispatcher);
      this.core = created;
      this.traces = dispatcher;
    } catch (RuntimeException e) {
      if (created != null) {
        created.close();
      }
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

  /**
   * Stores {@code message} as a half message, runs the listener's {@code executeLocalTransaction}
   * with {@code arg} on this thread, then sends its outcome (oneway). A delay level on the message
   * is ignored. The send of the half retries like {@link Producer#send}.
   *
   * @throws ClientException if the half message could not be stored (the local transaction did not
   *     run)
   */
  public TransactionSendResult sendInTransaction(Message message, Object arg)
      throws ClientException, InterruptedException {
    return transactions.sendInTransaction(message, arg);
  }

  /** Trace records dropped because the trace queue was full (0 without tracing). */
  public long droppedTraceRecords() {
    return traces == null ? 0 : traces.dropped();
  }

  /**
   * Stops answering checks, sends the trace records still queued, unregisters the group and
   * releases the shared client instance.
   */
  @Override
  public void close() {
    try {
      transactions.close();
      if (traces != null) {
        traces.close();
      }
      core.close();
    } finally {
      instance.release();
    }
  }

  /** Settings: those of {@link Producer.Builder} plus the listener and the check pool. */
  public static final class Builder {
    private final ClientOptions.Builder client = ClientOptions.builder();
    private ClientOptions options;
    private String group;
    private TransactionListener listener;
    private Duration sendTimeout = Duration.ofSeconds(3);
    private int retries = 2;
    private int compressThreshold = 4 * 1024;
    private int maxMessageSize = 4 * 1024 * 1024;
    private int checkThreads = 1;
    private int checkQueueCapacity = 2000;
    private String traceTopic;

    private Builder() {}

    /**
     * Records a Pub trace of each half message and an EndTransaction trace of each outcome sent
     * (after the local transaction and after each check), in the official trace format, sent
     * asynchronously to {@code traceTopic} ({@code RMQ_SYS_TRACE_TOPIC} when null).
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

    public Builder listener(TransactionListener listener) {
      this.listener = listener;
      return this;
    }

    public Builder sendTimeout(Duration sendTimeout) {
      this.sendTimeout = sendTimeout;
      return this;
    }

    public Builder retries(int retries) {
      this.retries = retries;
      return this;
    }

    public Builder compressThreshold(int bytes) {
      this.compressThreshold = bytes;
      return this;
    }

    public Builder maxMessageSize(int bytes) {
      this.maxMessageSize = bytes;
      return this;
    }

    /** Threads running {@code checkLocalTransaction} (default 1). */
    public Builder checkThreads(int threads) {
      this.checkThreads = threads;
      return this;
    }

    /** Checks waiting for a check thread before new ones are dropped (default 2000). */
    public Builder checkQueueCapacity(int capacity) {
      this.checkQueueCapacity = capacity;
      return this;
    }

    /**
     * Validates the settings and starts the producer.
     *
     * @throws IllegalArgumentException naming the first invalid key
     */
    public TransactionProducer build() {
      TopicValidator.requireValidGroup(group);
      Objects.requireNonNull(listener, "listener");
      Objects.requireNonNull(sendTimeout, "sendTimeout");
      if (checkThreads < 1 || checkThreads > 64) {
        throw new IllegalArgumentException("checkThreads must be 1..64, got " + checkThreads);
      }
      if (checkQueueCapacity < 1) {
        throw new IllegalArgumentException("checkQueueCapacity must be positive");
      }
      if (traceTopic != null) {
        TopicValidator.validateTopic(traceTopic)
            .ifPresent(
                p -> {
                  throw new IllegalArgumentException("enableTrace: " + p);
                });
      }
      ClientOptions opts = options != null ? options : client.build();
      return new TransactionProducer(
          new ProducerConfig(
              opts, group, sendTimeout.toMillis(), retries, compressThreshold, 5, maxMessageSize),
          listener,
          checkThreads,
          checkQueueCapacity,
          traceTopic);
    }
  }
}
