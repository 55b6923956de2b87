package io.kitemq.broker.transaction;

import io.kitemq.broker.config.ConsumerOffsetManager;
import io.kitemq.common.message.BodyMode;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.StoredMessageDecoder;
import io.kitemq.common.topic.SystemTopics;
import io.kitemq.store.AppendResult;
import io.kitemq.store.GetMessageResult;
import io.kitemq.store.GetMessageStatus;
import io.kitemq.store.MessageFilter;
import io.kitemq.store.MessageSlice;
import io.kitemq.store.MessageStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks producers about transactions left open: every {@code transactionCheckInterval} it walks the
 * half queue from its progress offset, skipping halves an op record settled, and for each half
 * older than {@code transactionTimeOut} either puts it back at the end of the half queue with its
 * check count raised and sends CHECK_TRANSACTION_STATE about that copy to one producer of its
 * group, or, once it was checked {@code transactionCheckMax} times, moves it to
 * TRANS_CHECK_MAX_TIME_TOPIC. The walk stops at the first half that is too young or was stored
 * after the pass began (a copy put back in this pass waits for the next one).
 *
 * <p>Progress is kept as the offsets of group {@value SystemTopics#TRANSACTION_CHECK_GROUP} on the
 * half and op topics (persisted with the other consumer offsets), so a restarted broker resumes
 * where it stopped; the op offset only moves past op records whose halves are all behind the half
 * offset. One thread; {@link #checkOnce()} is also callable directly. Thread-safe.
 */
public final class TransactionCheckService {

  private static final Logger LOG = LoggerFactory.getLogger(TransactionCheckService.class);
  private static final String GROUP = SystemTopics.TRANSACTION_CHECK_GROUP;
  private static final String HALF = SystemTopics.TRANS_HALF_TOPIC;
  private static final String OP = SystemTopics.TRANS_OP_HALF_TOPIC;
  private static final int QUEUE = TransactionalMessageService.QUEUE_ID;
  private static final int BATCH = 32;
  private static final long STORE_WAIT_SECONDS = 10;

  private final TransactionalMessageService service;
  private final MessageStore store;
  private final ConsumerOffsetManager offsets;
  private final TransactionCheckSender sender;
  private final LongSupplier clock;
  private final long timeoutMillis;
  private final int checkMax;
  private final long intervalMillis;
  private ScheduledExecutorService thread;

  /** One op record: its queue offset and the half offsets it settles. */
  private record Op(long offset, List<Long> halves) {}

  public TransactionCheckService(
      TransactionalMessageService service,
      MessageStore store,
      ConsumerOffsetManager offsets,
      TransactionCheckSender sender,
      LongSupplier clock,
      long timeoutMillis,
      int checkMax,
      long intervalMillis) {
    this.service = service;
    this.store = store;
    this.offsets = offsets;
    this.sender = sender;
    this.clock = clock;
    this.timeoutMillis = timeoutMillis;
    this.checkMax = checkMax;
    this.intervalMillis = intervalMillis;
  }

  public synchronized void start() {
    thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "transaction-check");
              t.setDaemon(true);
              return t;
            });
    thread.scheduleWithFixedDelay(
        this::checkQuietly, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
  }

  public synchronized void shutdown() {
    if (thread != null) {
      thread.shutdownNow();
      try {
        thread.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      thread = null;
    }
  }

  private void checkQuietly() {
    try {
      checkOnce();
    } catch (RuntimeException e) {
      LOG.error("transaction check pass failed; the next pass retries", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * One pass over the half queue, as described in the class comment.
   *
   * @return how many halves were checked with a producer or moved away in this pass
   */
  public synchronized int checkOnce() throws InterruptedException {
    long start = clock.getAsLong();
    long halfOffset = progress(HALF);
    long opOffset = progress(OP);
    List<Op> ops = readOps(opOffset);
    Set<Long> settled = new HashSet<>();
    for (Op op : ops) {
      settled.addAll(op.halves());
    }
    long max = store.getMaxOffset(HALF, QUEUE);
    long i = halfOffset;
    int handled = 0;
    while (i < max) {
      if (settled.contains(i)) {
        i++;
        continue;
      }
      Read read = readHalf(i);
      if (read.message == null) {
        if (read.next <= i) {
          break;
        }
        i = read.next;
        continue;
      }
      MessageExt half = read.message;
      if (half.getStoreTimestamp() >= start) {
        break;
      }
      long age = start - half.getBornTimestamp();
      if (age >= 0 && age <= timeoutMillis) {
        break;
      }
      if (!resolve(half)) {
        break;
      }
      handled++;
      i++;
    }
    if (i != halfOffset) {
      offsets.commit(GROUP, HALF, QUEUE, i);
    }
    long newOpOffset = opOffset;
    for (Op op : ops) {
      long behind = i;
      if (!op.halves().stream().allMatch(h -> h < behind)) {
        break;
      }
      newOpOffset = op.offset() + 1;
    }
    if (newOpOffset != opOffset) {
      offsets.commit(GROUP, OP, QUEUE, newOpOffset);
    }
    return handled;
  }

  /** Checks or discards one half; false when the store refused, so the pass stops there. */
  private boolean resolve(MessageExt half) throws InterruptedException {
    int times = HalfMessages.checkTimes(half);
    if (times >= checkMax) {
      AppendResult moved = await(service.discard(half));
      if (moved != null && moved.isStored()) {
        LOG.warn(
            "half message {} of group {} was checked {} times; moved to {}",
            half.getProperty("UNIQ_KEY"),
            half.getProperty("PGROUP"),
            times,
            SystemTopics.TRANS_CHECK_MAX_TIME_TOPIC);
        return true;
      }
      return false;
    }
    AppendResult copy = await(service.putBack(half, times + 1));
    if (copy == null || !copy.isStored()) {
      return false;
    }
    half.setQueueOffset(copy.queueOffset());
    half.setCommitLogOffset(copy.wroteOffset());
    sender.sendCheck(half, copy.offsetMsgId());
    return true;
  }

  private static AppendResult await(java.util.concurrent.CompletableFuture<AppendResult> f)
      throws InterruptedException {
    try {
      return f.get(STORE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("transaction check: store append failed: {}", e.toString());
      return null;
    }
  }

  private long progress(String topic) {
    long committed = offsets.query(GROUP, topic, QUEUE);
    long min = store.getMinOffset(topic, QUEUE);
    return committed < 0 ? min : Math.max(committed, min);
  }

  /** A half read at one offset: the message, or null and the offset to go on from. */
  private record Read(MessageExt message, long next) {}

  private Read readHalf(long offset) {
    try (GetMessageResult r =
        store.getMessages(GROUP, HALF, QUEUE, offset, 1, Integer.MAX_VALUE, MessageFilter.ALL)) {
      if (r.status() != GetMessageStatus.FOUND || r.messages().isEmpty()) {
        return new Read(null, r.nextBeginOffset());
      }
      MessageSlice slice = r.messages().get(0);
      MessageExt m = StoredMessageDecoder.decode(slice.buffer(), 0, BodyMode.RAW);
      if (m == null) {
        return new Read(null, offset + 1);
      }
      m.setQueueOffset(slice.queueOffset());
      return new Read(m, offset + 1);
    }
  }

  /** The op records from {@code from} to the end of the op queue. */
  private List<Op> readOps(long from) {
    List<Op> ops = new ArrayList<>();
    long offset = from;
    while (true) {
      try (GetMessageResult r =
          store.getMessages(
              GROUP, OP, QUEUE, offset, BATCH, Integer.MAX_VALUE, MessageFilter.ALL)) {
        if (r.status() != GetMessageStatus.FOUND || r.messages().isEmpty()) {
          return ops;
        }
        for (MessageSlice slice : r.messages()) {
          MessageExt m = StoredMessageDecoder.decode(slice.buffer(), 0, BodyMode.RAW);
          List<Long> halves =
              m != null && HalfMessages.REMOVE_TAG.equals(m.getTags())
                  ? HalfMessages.parseOpBody(m.getBody())
                  : List.of();
          ops.add(new Op(slice.queueOffset(), halves));
        }
        if (r.nextBeginOffset() <= offset) {
          return ops;
        }
        offset = r.nextBeginOffset();
      }
    }
  }
}
