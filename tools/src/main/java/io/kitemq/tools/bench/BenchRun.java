package io.kitemq.tools.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One bench run of a producer mode (sync, async, oneway, batch): sending threads share a {@link
 * Budget} and a {@link Pacer}; the calling thread prints a line per second until they finish. Drain
 * and e2e are in {@link ConsumerRuns}. Not reusable: one {@link #run()} per instance.
 */
final class BenchRun {

  /** Async sends still unanswered this long after the last one was issued count as errors. */
  private static final long ASYNC_DRAIN_SECONDS = 60;

  private final BenchSettings settings;
  private final BenchClient client;
  private final PrintWriter live;
  private final Meter meter;
  private final byte[] body;

  BenchRun(BenchSettings settings, BenchClient client, PrintWriter live) {
    this.settings = settings;
    this.client = client;
    this.live = live;
    this.meter = new Meter(settings.size());
    this.body = new byte[settings.size()];
    ThreadLocalRandom.current().nextBytes(body);
  }

  Summary run() throws Exception {
    return switch (settings.mode()) {
      case SYNC, ONEWAY, BATCH, ASYNC -> runSenders();
      case DRAIN -> new ConsumerRuns(settings, client, live, meter).drain();
      case E2E -> new ConsumerRuns(settings, client, live, meter).e2e();
      case READY -> ready();
    };
  }

  private Summary runSenders() throws InterruptedException {
    if (settings.warmupSeconds() > 0) {
      live.println("warming up for " + settings.warmupSeconds() + " s");
      live.flush();
      BenchRun warmup = new BenchRun(settings, client, live);
      warmup.sendPass(Budget.of(null, settings.warmupSeconds()));
    }
    return sendPass(Budget.of(settings.count(), settings.durationSeconds()));
  }

  private Summary sendPass(Budget budget) throws InterruptedException {
    Pacer pacer = new Pacer(settings.rate());
    Semaphore inFlight = new Semaphore(settings.inFlight());
    CountDownLatch finished = new CountDownLatch(settings.threads());
    List<Thread> threads = new ArrayList<>();
    CpuWatch cpu = CpuWatch.start(settings.brokerPid());
    long start = System.nanoTime();
    for (int i = 0; i < settings.threads(); i++) {
      Runnable loop = () -> sendLoop(budget, pacer, inFlight);
      Thread t = new Thread(() -> runAndCountDown(loop, finished), "bench-sender-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    try {
      report(live, meter, () -> finished.getCount() == 0);
      if (settings.mode() == BenchMode.ASYNC
          && !inFlight.tryAcquire(settings.inFlight(), ASYNC_DRAIN_SECONDS, TimeUnit.SECONDS)) {
        for (int i = 0; i < settings.inFlight() - inFlight.availablePermits(); i++) {
          meter.error();
        }
      }
    } finally {
      for (Thread t : threads) {
        t.interrupt();
      }
    }
    return meter
        .summary(modeName(), settings.client(), System.nanoTime() - start)
        .withCpu(cpu.stop());
  }

  private Summary ready() throws Exception {
    client.warmUp();
    live.println("ready probe: one send every 20 ms until one succeeds");
    live.flush();
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(settings.durationSeconds());
    while (true) {
      long t0 = System.nanoTime();
      try {
        client.sendSync(body);
        meter.success(1, System.nanoTime() - t0);
        break;
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        if (System.nanoTime() - deadline >= 0) {
          meter.error();
          break;
        }
        TimeUnit.MILLISECONDS.sleep(20);
      }
    }
    return meter.summary(modeName(), settings.client(), System.nanoTime() - start);
  }

  private static void runAndCountDown(Runnable r, CountDownLatch done) {
    try {
      r.run();
    } finally {
      done.countDown();
    }
  }

  private void sendLoop(Budget budget, Pacer pacer, Semaphore inFlight) {
    int per = settings.mode() == BenchMode.BATCH ? settings.batch() : 1;
    List<byte[]> batch = Collections.nCopies(per, body);
    try {
      int n;
      while ((n = budget.take(per)) > 0) {
        pacer.acquire(n);
        if (settings.mode() == BenchMode.ASYNC) {
          inFlight.acquire();
          sendAsync(inFlight);
        } else {
          sendBlocking(n == per ? batch : batch.subList(0, n));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void sendAsync(Semaphore inFlight) {
    long t0 = System.nanoTime();
    try {
      client.sendAsync(
          body,
          error -> {
            if (error == null) {
              meter.success(1, System.nanoTime() - t0);
            } else {
              meter.error();
            }
            inFlight.release();
          });
    } catch (RuntimeException e) {
      meter.error();
      inFlight.release();
    }
  }

  private void sendBlocking(List<byte[]> batch) throws InterruptedException {
    long t0 = System.nanoTime();
    try {
      switch (settings.mode()) {
        case SYNC -> client.sendSync(body);
        case ONEWAY -> client.sendOneway(body);
        default -> client.sendBatch(batch);
      }
      meter.success(batch.size(), System.nanoTime() - t0);
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      meter.error();
    }
  }

  private String modeName() {
    return settings.mode().name().toLowerCase(Locale.ROOT);
  }

  /**
   * Prints a line a second until {@code done} holds (checked every 20 ms), then one for the last
   * part-second.
   */
  static void report(PrintWriter live, Meter meter, BooleanSupplier done)
      throws InterruptedException {
    long start = System.nanoTime();
    long nextTick = start + 1_000_000_000L;
    int second = 0;
    while (!done.getAsBoolean()) {
      TimeUnit.MILLISECONDS.sleep(20);
      if (System.nanoTime() - nextTick >= 0) {
        second++;
        printLine(live, meter, second, meter.interval(), 1.0);
        nextTick += 1_000_000_000L;
      }
    }
  }

  private static void printLine(
      PrintWriter live, Meter meter, int second, Meter.Interval i, double seconds) {
    double rate = i.messages() / seconds;
    live.printf(
        Locale.ROOT,
        "%4d s: %9.0f msg/s %8.2f MB/s  p50 %s  p99 %s  errors %d%n",
        second,
        rate,
        rate * meter.messageSize() / (1024.0 * 1024.0),
        Summary.millis(i.p50Micros()),
        Summary.millis(i.p99Micros()),
        i.errors());
    live.flush();
  }
}
