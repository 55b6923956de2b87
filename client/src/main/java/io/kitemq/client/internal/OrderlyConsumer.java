package io.kitemq.client.internal;

import io.kitemq.client.consumer.MessageModel;
import io.kitemq.client.consumer.OrderlyStatus;
import io.kitemq.common.message.MessageExt;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an orderly listener: one thread at a time per queue (the process queue's consume lock),
 * messages in queue order, and in clustering mode only while the broker lock on the queue is held
 * and fresh. SUSPEND_CURRENT_QUEUE_A_MOMENT puts the messages back and retries them after a pause.
 */
final class OrderlyConsumer implements ConsumeDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(OrderlyConsumer.class);
  private static final long RELOCK_WAIT_MILLIS = 500;

  private final ConsumerConfig config;
  private final OffsetStore offsets;
  private final ExecutorService pool;
  private final ScheduledExecutorService scheduler;
  private final ConsumeTracer tracer;

  /**
   * @param tracer records SubBefore / SubAfter around each listener call, or null
   */
  OrderlyConsumer(
      ConsumerConfig config,
      OffsetStore offsets,
      ExecutorService pool,
      ScheduledExecutorService scheduler,
      ConsumeTracer tracer) {
    this.tracer = tracer;
    this.config = config;
    this.offsets = offsets;
    this.pool = pool;
    this.scheduler = scheduler;
  }

  @Override
  public void dispatch(PullRequest req, List<MessageExt> messages) {
    submit(req);
  }

  private void submit(PullRequest req) {
    if (!pool.isShutdown()) {
      pool.execute(() -> consume(req));
    }
  }

  private void submitLater(PullRequest req, long delayMillis) {
    scheduler.schedule(() -> submit(req), delayMillis, TimeUnit.MILLISECONDS);
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

  private void consume(PullRequest req) {
    ProcessQueue pq = req.processQueue;
    ReentrantLock lock = pq.consumeLock();
    lock.lock();
    try {
      while (!pq.isDropped() && !pool.isShutdown()) {
        if (config.model() == MessageModel.CLUSTERING
            && (!pq.isLocked() || pq.isLockExpired(System.currentTimeMillis()))) {
          submitLater(req, RELOCK_WAIT_MILLIS);
          return;
        }
        List<MessageExt> batch = pq.takeInOrder(1);
        if (batch.isEmpty()) {
          return;
        }
        batch.forEach(m -> ConcurrentConsumer.restoreTopic(m, config.group()));
        OrderlyStatus status;
        ConsumeTracer.Call call = tracer == null ? null : tracer.before(batch);
        int returnType;
        long begin = System.currentTimeMillis();
        try {
          status = config.orderly().consume(batch, req.queue);
          returnType =
              status == null
                  ? TraceRecords.RETURN_NULL
                  : status == OrderlyStatus.SUCCESS
                      ? TraceRecords.RETURN_SUCCESS
                      : TraceRecords.RETURN_FAILED;
        } catch (RuntimeException e) {
          LOG.warn("orderly listener of {} threw; suspending {}", config.group(), req.queue, e);
          status = OrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
          returnType = TraceRecords.RETURN_EXCEPTION;
        }
        req.stats.consumed(System.currentTimeMillis() - begin);
        if (call != null) {
          tracer.after(call, status == OrderlyStatus.SUCCESS, returnType);
        }
        boolean ok = status == OrderlyStatus.SUCCESS;
        req.stats.outcome(ok ? batch.size() : 0, ok ? 0 : batch.size());
        if (status == OrderlyStatus.SUCCESS) {
          long next = pq.commitTaken();
          if (next >= 0 && !pq.isDropped()) {
            offsets.update(req.queue, next);
          }
        } else {
          pq.rollbackTaken();
          submitLater(req, config.suspendMillis());
          return;
        }
      }
    } finally {
      lock.unlock();
    }
  }
}
