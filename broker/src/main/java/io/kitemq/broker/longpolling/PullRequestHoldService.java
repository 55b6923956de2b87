package io.kitemq.broker.longpolling;

import io.kitemq.store.MessageArrivalListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long polling: pulls that found nothing wait here, in a table keyed {@code topic@queueId}, until
 * the store reports a matching message on their queue ({@link #onArrival}, on the appending thread)
 * or their deadline passes. Deadlines sit in a {@link DelayQueue} drained by one checker thread
 * that blocks until the earliest one is due: no polling loop. A held pull is resumed exactly once
 * (see {@link HeldPull#claim()}); resuming only hands the continuation back to the pull processor,
 * which runs it on its own executor.
 *
 * <p>Thread-safe. {@link #start()} / {@link #shutdown()} manage the checker thread; at shutdown
 * every held pull is resumed as timed out so that no client waits for nothing.
 */
public final class PullRequestHoldService implements MessageArrivalListener {

  private static final Logger LOG = LoggerFactory.getLogger(PullRequestHoldService.class);

  private final Map<String, Set<HeldPull>> table = new ConcurrentHashMap<>();
  private final DelayQueue<HeldPull> deadlines = new DelayQueue<>();

  /**
   * Pulls in the table. Raised before a pull enters it, so an arrival that reads zero came before
   * the pull's parking, and the re-check its caller makes after {@link #hold} sees the message.
   */
  private final AtomicInteger parked = new AtomicInteger();

  private final Thread checker;
  private volatile boolean stopped;

  public PullRequestHoldService() {
    this.checker = new Thread(this::runChecker, "pull-hold-checker");
    this.checker.setDaemon(true);
  }

  static String key(String topic, int queueId) {
    return topic + '@' + queueId;
  }

  public void start() {
    checker.start();
  }

  /** Parks a pull. The caller must re-check the queue afterwards ({@link #wakeIfClaimable}). */
  public void hold(HeldPull pull) {
    parked.incrementAndGet();
    table.computeIfAbsent(pull.key(), k -> ConcurrentHashMap.newKeySet()).add(pull);
    deadlines.add(pull);
    if (stopped) {
      expire(pull);
    }
  }

  /**
   * Resumes {@code pull} at once if nobody resumed it yet: for a message that arrived between the
   * pull's read and its parking.
   */
  public void wakeIfClaimable(HeldPull pull) {
    if (pull.claim()) {
      remove(pull);
      pull.arrived();
    }
  }

  @Override
  public void onArrival(
      String topic, int queueId, long queueOffset, long tagsCode, long storeTimestamp) {
    if (parked.get() == 0) {
      return; // the common case under load: no consumer is waiting, so no key to build
    }
    Set<HeldPull> waiting = table.get(key(topic, queueId));
    if (waiting == null || waiting.isEmpty()) {
      return;
    }
    for (HeldPull pull : waiting) {
      if (pull.matches(queueOffset, tagsCode) && pull.claim()) {
        remove(pull);
        pull.arrived();
      }
    }
  }

  /** Number of pulls currently parked (for tests and runtime info). */
  public int heldCount() {
    return parked.get();
  }

  private void remove(HeldPull pull) {
    Set<HeldPull> set = table.get(pull.key());
    if (set != null && set.remove(pull)) {
      parked.decrementAndGet();
    }
    deadlines.remove(pull);
  }

  private void expire(HeldPull pull) {
    if (pull.claim()) {
      remove(pull);
      pull.timedOut();
    }
  }

  private void runChecker() {
    while (!stopped) {
      try {
        HeldPull due = deadlines.take();
        expire(due);
      } catch (InterruptedException e) {
        if (!stopped) {
          LOG.warn("pull hold checker interrupted while running");
        }
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.error("resuming a timed-out pull failed", e);
      }
    }
  }

  /** Stops the checker and answers every held pull as timed out. */
  public void shutdown() {
    stopped = true;
    checker.interrupt();
    try {
      checker.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<HeldPull> all = new ArrayList<>();
    table.values().forEach(all::addAll);
    all.forEach(this::expire);
  }
}
