package io.kitemq.remoting.netty;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Factory for the small bounded executors processors run on. A full queue rejects (the transport
 * answers SYSTEM_BUSY {@code [OVERLOAD]...}) instead of growing without bound.
 */
public final class BoundedExecutors {

  private BoundedExecutors() {}

  /**
   * A fixed pool of {@code threads} daemon threads named {@code <namePrefix><n>} with a queue of
   * {@code queueCapacity} waiting tasks; further tasks are rejected with {@link
   * java.util.concurrent.RejectedExecutionException}. The caller shuts it down.
   */
  public static ThreadPoolExecutor newBoundedExecutor(
      String namePrefix, int threads, int queueCapacity) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("queueCapacity must be >= 1, got " + queueCapacity);
    }
    return new ThreadPoolExecutor(
        threads,
        threads,
        60,
        TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(queueCapacity),
        namedDaemonThreads(namePrefix),
        new ThreadPoolExecutor.AbortPolicy());
  }

  /** A thread factory for daemon threads named {@code <namePrefix><n>}, n counting from 1. */
  public static ThreadFactory namedDaemonThreads(String namePrefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread t = new Thread(runnable, namePrefix + counter.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
