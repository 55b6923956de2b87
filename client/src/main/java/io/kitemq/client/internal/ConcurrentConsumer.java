package io.kitemq.client.internal;

import io.kitemq.client.ClientException;
import io.kitemq.client.consumer.ConsumeStatus;
import io.kitemq.client.consumer.MessageModel;
import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageConst;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.topic.SystemTopics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a concurrent listener on a fixed pool, one message per call. Failed messages
 * (RECONSUME_LATER or an exception) go back to the broker with CONSUMER_SEND_MSG_BACK; if that
 * fails they are re-sent to {@code %RETRY%group}; if that fails too they are consumed again here
 * after 5 s. The committed offset is the smallest offset still in flight.
 */
final class ConcurrentConsumer implements ConsumeDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(ConcurrentConsumer.class);
  private static final long LOCAL_RETRY_MILLIS = 5_000;

  private final ConsumerConfig config;
  private final OffsetStore offsets;
  private final ConsumerCalls calls;
  private final ProducerCore retryProducer;
  private final ExecutorService pool;
  private final ScheduledExecutorService scheduler;
  private final ConsumeTracer tracer;

  /**
   * @param tracer records SubBefore / SubAfter around each listener call, or null
   */
  ConcurrentConsumer(
      ConsumerConfig config,
      OffsetStore offsets,
      ConsumerCalls calls,
      ProducerCore retryProducer,
      ExecutorService pool,
      ScheduledExecutorService scheduler,
      ConsumeTracer tracer) {
    this.tracer = tracer;
    this.config = config;
    this.offsets = offsets;
    this.calls = calls;
    this.retryProducer = retryProducer;
    this.pool = pool;
    this.scheduler = scheduler;
  }

  @Override
  public void dispatch(PullRequest req, List<MessageExt> messages) {
    for (MessageExt m : messages) {
      submit(req, m);
    }
  }

  private void submit(PullRequest req, MessageExt m) {
    if (!pool.isShutdown()) {
      pool.execute(() -> consume(req, m));
    }
  }

  @Override
  public void shutdown() {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  static void restoreTopic(MessageExt m, String group) {
    String retryTopic = m.getProperty(MessageConst.PROPERTY_RETRY_TOPIC);
    if (retryTopic != null && m.getTopic().equals(SystemTopics.retryTopic(group))) {
      m.setTopic(retryTopic);
    }
  }

  private void consume(PullRequest req, MessageExt m) {
    ProcessQueue pq = req.processQueue;
    if (pq.isDropped()) {
      return;
    }
    restoreTopic(m, config.group());
    ConsumeStatus status;
    List<MessageExt> batch = List.of(m);
    ConsumeTracer.Call call = tracer == null ? null : tracer.before(batch);
    int returnType;
    long begin = System.currentTimeMillis();
    try {
      status = config.concurrently().consume(batch, req.queue);
      returnType =
          status == null
              ? TraceRecords.RETURN_NULL
              : status == ConsumeStatus.CONSUME_SUCCESS
                  ? TraceRecords.RETURN_SUCCESS
                  : TraceRecords.RETURN_FAILED;
    } catch (RuntimeException e) {
      LOG.warn("listener of {} threw; message will be redelivered", config.group(), e);
      status = ConsumeStatus.RECONSUME_LATER;
      returnType = TraceRecords.RETURN_EXCEPTION;
    }
    req.stats.consumed(System.currentTimeMillis() - begin);
    if (status == null) {
      status = ConsumeStatus.RECONSUME_LATER;
    }
    if (!pq.isDropped()) {
      // As the official client: outcomes of a queue dropped meanwhile are not counted.
      boolean ok = status == ConsumeStatus.CONSUME_SUCCESS;
      req.stats.outcome(ok ? 1 : 0, ok ? 0 : 1);
    }
    if (call != null) {
      tracer.after(call, status == ConsumeStatus.CONSUME_SUCCESS, returnType);
    }
    if (status == ConsumeStatus.RECONSUME_LATER
        && config.model() == MessageModel.CLUSTERING
        && !sendBack(req, m)) {
      scheduler.schedule(() -> submit(req, m), LOCAL_RETRY_MILLIS, TimeUnit.MILLISECONDS);
      return;
    }
    long offset = pq.remove(List.of(m));
    if (offset >= 0 && !pq.isDropped()) {
      offsets.update(req.queue, offset);
    }
  }

  private boolean sendBack(PullRequest req, MessageExt m) {
    String msgId = m.getMsgId();
    try {
      calls.sendBack(
          req.queue.brokerName(),
          m.getCommitLogOffset(),
          config.group(),
          0,
          msgId,
          m.getTopic(),
          config.maxReconsumeTimes());
      return true;
    } catch (ClientException e) {
      LOG.debug("send-back of {} failed, re-sending to the retry topic: {}", msgId, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    Message copy = new Message(SystemTopics.retryTopic(config.group()), m.getBody());
    copy.setFlag(m.getFlag());
    List<String> keep = new ArrayList<>(m.getProperties().keySet());
    for (String k : keep) {
      copy.putProperty(k, m.getProperty(k));
    }
    String origin = m.getProperty(MessageConst.PROPERTY_ORIGIN_MESSAGE_ID);
    copy.putProperty(MessageConst.PROPERTY_ORIGIN_MESSAGE_ID, origin != null ? origin : msgId);
    copy.putProperty(MessageConst.PROPERTY_RETRY_TOPIC, m.getTopic());
    copy.putProperty(
        MessageConst.PROPERTY_RECONSUME_TIME, Integer.toString(m.getReconsumeTimes() + 1));
    copy.putProperty(
        MessageConst.PROPERTY_MAX_RECONSUME_TIMES, Integer.toString(config.maxReconsumeTimes()));
    copy.setDelayTimeLevel(3 + m.getReconsumeTimes());
    try {
      retryProducer.send(copy);
      return true;
    } catch (ClientException e) {
      LOG.warn("re-send of {} to the retry topic failed: {}", msgId, e.getMessage());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
