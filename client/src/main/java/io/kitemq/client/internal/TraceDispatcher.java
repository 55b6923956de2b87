package io.kitemq.client.internal;

import io.kitemq.client.ClientException;
import io.kitemq.common.message.Message;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ships trace records off the send and consume paths: {@link #offer} only puts a record into a
 * bounded queue (a full queue drops it and counts it); one daemon thread takes up to {@value
 * #BATCH} records (or what arrived within {@value #LINGER_MILLIS} ms), joins them into one message
 * body of at most {@value #MAX_BODY} chars, keyed by every record's msgId and keys, and sends it to
 * the trace topic with its own producer group ({@code _INNER_TRACE_PRODUCER-<group>}) on the shared
 * client instance. {@link #close()} sends what is queued (for up to 3 s) and stops. Thread-safe.
 */
public final class TraceDispatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TraceDispatcher.class);
  static final int BATCH = 20;
  static final long LINGER_MILLIS = 100;
  static final int MAX_BODY = 128_000;
  private static final long CLOSE_WAIT_MILLIS = 3_000;

  private final String traceTopic;
  private final ProducerCore sender;
  private final BlockingQueue<TraceRecords.Record> queue;
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final Thread thread;
  private volatile boolean closing;

  /**
   * @param group the traced producer's or consumer's group
   * @param capacity records waiting at most before new ones are dropped
   */
  public TraceDispatcher(ClientInstance instance, String group, String traceTopic, int capacity) {
    this.traceTopic = traceTopic;
    this.queue = new ArrayBlockingQueue<>(capacity);
    ProducerConfig config =
        new ProducerConfig(
            instance.options(),
            TraceRecords.traceGroup(group),
            5_000,
            1,
            Integer.MAX_VALUE,
            5,
            4 * 1024 * 1024);
    this.sender =
        new ProducerCore(
            config,
            instance,
            new QueueChooser(new LatencyFaultTolerance(System::currentTimeMillis)));
    this.thread = new Thread(this::run, "kite-trace-" + group);
    thread.setDaemon(true);
    thread.start();
  }

  String traceTopic() {
    return traceTopic;
  }

  /** Queues a record; false (and counted) when the queue is full or closed. */
  boolean offer(TraceRecords.Record record) {
    if (closing || !queue.offer(record)) {
      dropped.incrementAndGet();
      return false;
    }
    return true;
  }

  /** Records dropped because the queue was full (or the dispatcher closed). */
  public long dropped() {
    return dropped.get();
  }

  /** Trace messages the broker did not take. */
  public long failed() {
    return failed.get();
  }

  private void run() {
    List<TraceRecords.Record> batch = new ArrayList<>(BATCH);
    while (!closing || !queue.isEmpty()) {
      try {
        TraceRecords.Record first = queue.poll(LINGER_MILLIS, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);
        while (batch.size() < BATCH) {
          long wait = deadline - System.nanoTime();
          TraceRecords.Record next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : null;
          if (next == null) {
            break;
          }
          batch.add(next);
        }
        ship(batch);
        batch.clear();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void ship(List<TraceRecords.Record> batch) throws InterruptedException {
    StringBuilder body = new StringBuilder(1024);
    Set<String> keys = new LinkedHashSet<>();
    for (TraceRecords.Record r : batch) {
      if (body.length() > 0 && body.length() + r.data().length() > MAX_BODY) {
        send(body, keys);
        body.setLength(0);
        keys.clear();
      }
      body.append(r.data());
      keys.addAll(r.keys());
    }
    if (body.length() > 0) {
      send(body, keys);
    }
  }

  private void send(CharSequence body, Set<String> keys) throws InterruptedException {
    Message m = new Message(traceTopic, body.toString().getBytes(StandardCharsets.UTF_8));
    m.setKeys(keys);
    try {
      sender.send(m);
    } catch (ClientException e) {
      failed.incrementAndGet();
      LOG.debug("trace message to {} failed: {}", traceTopic, e.getMessage());
    }
  }

  /** Sends what is queued (waiting up to 3 s) and stops the thread. */
  @Override
  public void close() {
    closing = true;
    try {
      thread.join(CLOSE_WAIT_MILLIS);
      if (thread.isAlive()) {
        thread.interrupt();
        thread.join(CLOSE_WAIT_MILLIS);
      }
    } catch (InterruptedException e) {
      thread.interrupt();
      Thread.currentThread().interrupt();
    } finally {
      dropped.addAndGet(queue.size());
      queue.clear();
      sender.close();
    }
  }
}
