package io.kitemq.tools.admin;

import io.kitemq.client.ClientException;
import io.kitemq.client.admin.AdminClient;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code monitor}: a live view of the cluster, redrawn every interval like {@code top}: the
 * brokers' traffic, disk and uptime, the busiest topics and the groups with the largest lag (see
 * {@link MonitorReport}). Rates need two samples, so even {@code --once} sweeps twice, an interval
 * apart.
 *
 * <p>On a terminal each frame clears the screen first (ANSI clear + home); otherwise frames follow
 * one another, a blank line apart. Ctrl-C (or SIGTERM) ends the live view with status 0: a shutdown
 * hook interrupts the loop, waits for it to finish its frame, and halts the JVM with 0 (it would
 * otherwise exit with 130 or 143).
 */
@Command(
    name = "monitor",
    description = "Live view of brokers, busiest topics and largest consumer lag (Ctrl-C quits).")
final class MonitorCommand extends AdminSubcommand {

  private static final String CLEAR_AND_HOME = "\u001b[H\u001b[2J";
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  @Option(
      names = "--once",
      description = "Print one snapshot (two samples an interval apart) and exit.")
  boolean once;

  @Option(
      names = {"-i", "--interval"},
      paramLabel = "<seconds>",
      defaultValue = "1",
      description = "Seconds between refreshes (default: ${DEFAULT-VALUE}).")
  double interval;

  @Option(
      names = "--top",
      paramLabel = "<n>",
      defaultValue = "10",
      description = "How many topics and groups to show (default: ${DEFAULT-VALUE}).")
  int top;

  @Override
  void run(AdminClient admin) throws AdminFailure, ClientException, InterruptedException {
    if (!(interval > 0 && interval <= 3600)) {
      throw usage("--interval must be above 0 and at most 3600 seconds, was " + interval);
    }
    if (top < 1 || top > 10_000) {
      throw usage("--top must be between 1 and 10000, was " + top);
    }
    if (json() && !once) {
      throw usage("--json needs --once");
    }
    long intervalNanos = Math.max(1, (long) (interval * 1e9));
    MonitorSampler sampler = new MonitorSampler(admin);
    if (once) {
      MonitorSample first = sampler.take();
      pauseUntil(first.nanos() + intervalNanos);
      MonitorReport report = MonitorReport.of(first, sampler.take(), top);
      if (json()) {
        printJson(report);
      } else {
        header(report.timestamp(), "");
        report.print(out());
      }
      return;
    }
    live(sampler, intervalNanos);
  }

  private void live(MonitorSampler sampler, long intervalNanos)
      throws ClientException, InterruptedException {
    boolean terminal = System.console() != null;
    AtomicBoolean stopping = new AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(1);
    Thread loop = Thread.currentThread();
    Thread hook =
        new Thread(
            () -> {
              stopping.set(true);
              loop.interrupt();
              try {
                finished.await(2, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              out().flush();
              Runtime.getRuntime().halt(0);
            },
            "kite-monitor-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      MonitorSample previous = sampler.take();
      long next = previous.nanos() + intervalNanos;
      while (!stopping.get()) {
        pauseUntil(next);
        // A sweep slower than the interval starts the next one at once, without catching up.
        next = Math.max(next + intervalNanos, System.nanoTime());
        try {
          MonitorSample current = sampler.take();
          frame(terminal, null, MonitorReport.of(previous, current, top));
          previous = current;
        } catch (ClientException e) {
          // Say why there are no numbers this time and try again; rates then span the gap.
          frame(terminal, e.getMessage(), null);
        }
      }
    } catch (InterruptedException e) {
      if (!stopping.get()) {
        throw e;
      }
    } finally {
      if (!stopping.get()) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // A signal arrived just now: the hook is running and halts the JVM once we are done.
        }
      }
      finished.countDown();
    }
  }

  private void frame(boolean terminal, String failure, MonitorReport report) {
    PrintWriter out = out();
    out.print(terminal ? CLEAR_AND_HOME : "\n");
    header(System.currentTimeMillis(), ", Ctrl-C quits");
    if (failure != null) {
      out.println("refresh failed: " + failure);
    }
    if (report != null) {
      report.print(out);
    }
    out.flush();
  }

  private void header(long millis, String tail) {
    out()
        .println(
            name()
                + "  "
                + namesrvAddr()
                + "  "
                + CLOCK.format(Instant.ofEpochMilli(millis))
                + String.format(Locale.ROOT, "  every %.1f s", interval)
                + tail);
    out().println();
  }

  private static void pauseUntil(long deadlineNanos) throws InterruptedException {
    long left;
    while ((left = deadlineNanos - System.nanoTime()) > 0) {
      TimeUnit.NANOSECONDS.sleep(left);
    }
  }
}
