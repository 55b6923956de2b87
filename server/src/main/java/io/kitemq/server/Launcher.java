package io.kitemq.server;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs nodes in one JVM: starts them in order, prints the ready line, and on SIGTERM/SIGINT (a
 * shutdown hook) stops them in reverse order (in standalone: the broker before the name server),
 * logging how long that took. A failure during start stops what was started before it is reported,
 * so nothing is left half-started.
 *
 * <p>Exit status: the JVM reports 128+signal after a signal even when the hooks succeed; the hook
 * ends the process with {@link Runtime#halt} so that a clean stop exits 0 and a failed one 1.
 *
 * <p>Thread-safety: start and stop are serialised on this object; the hook may run while start is
 * in progress and then stops what has started.
 */
final class Launcher {

  private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);
  private static final Logger READY = LoggerFactory.getLogger("kite.ready");

  private final String title;
  private final Deque<Node> started = new ArrayDeque<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Thread hook;
  private boolean stopping;

  /**
   * @param title what runs, for the ready and stop lines, e.g. {@code "standalone"}
   */
  Launcher(String title) {
    this.title = title;
    this.hook = new Thread(this::onSignal, "kite-shutdown");
  }

  /**
   * Starts {@code nodes} in order and prints the ready line; with {@code exitAfterReady} stops them
   * again at once (the class-data training run), otherwise waits until a signal stops them.
   *
   * @return the exit status when the run ends without a signal
   * @throws LaunchException after stopping what started, if a node cannot start
   */
  int run(List<Node> nodes, String readyDetail, boolean exitAfterReady) {
    Runtime.getRuntime().addShutdownHook(hook);
    List<String> addresses = new ArrayList<>();
    try {
      for (Node node : nodes) {
        synchronized (this) {
          if (stopping) {
            return 1;
          }
          started.push(node);
        }
        addresses.add(node.name() + " " + node.start());
      }
    } catch (Exception e) {
      // Exception, not RuntimeException: Netty rethrows a bind failure's checked exception as is.
      removeHook();
      stopAll("start failed; stopped what had started");
      throw e;
    }
    READY.info(
        "KiteMQ {} {} ready in {} s (pid {}): {}{}; stop with Ctrl-C",
        Version.VERSION,
        title,
        String.format(Locale.ROOT, "%.2f", sinceJvmStart().toMillis() / 1000.0),
        ProcessHandle.current().pid(),
        String.join(", ", addresses),
        readyDetail.isEmpty() ? "" : ", " + readyDetail);
    if (exitAfterReady) {
      removeHook();
      return stopAll(title + " stopped") ? 0 : 1;
    }
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private void onSignal() {
    boolean clean = stopAll(title + " stopped");
    Logging.flushAndStop();
    stopped.countDown();
    // Status 0 for a clean stop: without halt the JVM would report 143 (SIGTERM) or 130 (SIGINT).
    Runtime.getRuntime().halt(clean ? 0 : 1);
  }

  /** Stops every started node, newest first; true if all stopped without error. */
  private synchronized boolean stopAll(String what) {
    if (stopping && started.isEmpty()) {
      return true;
    }
    stopping = true;
    if (started.isEmpty()) {
      return true;
    }
    long t0 = System.nanoTime();
    boolean clean = true;
    List<String> parts = new ArrayList<>();
    while (!started.isEmpty()) {
      Node node = started.pop();
      long n0 = System.nanoTime();
      try {
        node.close();
      } catch (RuntimeException e) {
        clean = false;
        LOG.error("{} did not stop cleanly", node.name(), e);
      }
      parts.add(node.name() + " " + millisSince(n0) + " ms");
    }
    LOG.info(
        "KiteMQ {} in {} ms ({}){}",
        what,
        millisSince(t0),
        String.join(", ", parts),
        clean ? "" : " with errors");
    return clean;
  }

  private void removeHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      LOG.debug("already shutting down; the hook stays");
    }
  }

  private static long millisSince(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
  }

  /** Since the JVM started (ms precision; the process start time of /proc is only to 1 s). */
  private static Duration sinceJvmStart() {
    long start = ManagementFactory.getRuntimeMXBean().getStartTime();
    return Duration.ofMillis(Math.max(0, System.currentTimeMillis() - start));
  }
}
