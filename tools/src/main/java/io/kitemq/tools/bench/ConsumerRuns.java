package io.kitemq.tools.bench;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The modes with a consumer. Drain: a new group reads the topic from its first offset; the rate is
 * taken between the first and the last message received, or with a warm-up between the first
 * message received after it and the last (broker and client compile their pull paths during the
 * first seconds, which the producer modes leave out the same way). E2e: one thread sends
 * asynchronously at a fixed rate, each body starting with
 *
 * <pre>
 * +----------------------+----------------+---------- ...
 * | send time (nanoTime) | run id (long)  | random padding
 * +----------------------+----------------+---------- ...
 *   8 bytes big-endian     8 bytes
 * </pre>
 *
 * and the consumer (in this JVM, hence the same clock) records receive time minus send time for
 * bodies of this run sent after the warm-up. Not reusable.
 */
final class ConsumerRuns {

  /** A drain stops this long after the last message once it received something. */
  private static final long DRAIN_IDLE_NANOS = TimeUnit.SECONDS.toNanos(5);

  /** After the last e2e send, how long to wait for messages still on their way. */
  private static final long E2E_TAIL_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final BenchSettings settings;
  private final BenchClient client;
  private final PrintWriter live;
  private final Meter meter;
  private final AtomicLong firstReceive = new AtomicLong();
  private final AtomicLong lastReceive = new AtomicLong();
  private final AtomicLong measuredFrom = new AtomicLong();
  private final AtomicReference<CpuWatch> measuredCpu = new AtomicReference<>();
  private final LongAdder warmedUp = new LongAdder();

  ConsumerRuns(BenchSettings settings, BenchClient client, PrintWriter live, Meter meter) {
    this.settings = settings;
    this.client = client;
    this.live = live;
    this.meter = meter;
  }

  Summary drain() throws Exception {
    String group = "kite-bench-drain-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    long warmupNanos = TimeUnit.SECONDS.toNanos(settings.warmupSeconds());
    if (warmupNanos > 0) {
      live.println(
          "warming up for " + settings.warmupSeconds() + " s after the first message received");
      live.flush();
    }
    CpuWatch wholeRun = CpuWatch.start(settings.brokerPid());
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(settings.durationSeconds());
    Long count = settings.count();
    try (AutoCloseable consumer =
        client.consume(group, true, settings.threads(), body -> received(warmupNanos))) {
      BenchRun.report(
          live,
          meter,
          () -> {
            long now = System.nanoTime();
            long last = lastReceive.get();
            return (count != null && meter.messages() >= count)
                || (count == null && now - deadline >= 0)
                || (last != 0 && now - last >= DRAIN_IDLE_NANOS);
          });
    }
    long first = firstReceive.get();
    if (first == 0) {
      return meter
          .summary("drain", settings.client(), System.nanoTime() - start)
          .withCpu(wholeRun.stop());
    }
    long from = measuredFrom.get();
    if (from == 0) {
      throw new BenchException(
          "the drain ended within its warm-up: "
              + warmedUp.sum()
              + " messages received in the "
              + TimeUnit.NANOSECONDS.toMillis(lastReceive.get() - first)
              + " ms after the first; store more messages, lengthen --duration or shorten"
              + " --warmup");
    }
    CpuWatch measured = measuredCpu.get();
    return meter
        .summary("drain", settings.client(), Math.max(lastReceive.get() - from, 1))
        .withCpu((measured != null ? measured : wholeRun).stop());
  }

  /**
   * Counts one received message: into the warm-up until {@code warmupNanos} after the first, into
   * the measured span after; the first message of that span starts its CPU watch.
   */
  private void received(long warmupNanos) {
    long now = System.nanoTime();
    firstReceive.compareAndSet(0, now);
    lastReceive.set(now);
    long first = firstReceive.get();
    if (warmupNanos > 0 && now - first < warmupNanos) {
      warmedUp.increment();
      return;
    }
    if (measuredFrom.get() == 0 && measuredFrom.compareAndSet(0, now) && warmupNanos > 0) {
      measuredCpu.set(CpuWatch.start(settings.brokerPid()));
    }
    meter.successUntimed(1);
  }

  Summary e2e() throws Exception {
    long runId = ThreadLocalRandom.current().nextLong();
    String group = "kite-bench-e2e-" + Long.toHexString(runId);
    long start = System.nanoTime();
    long measureFrom = start + TimeUnit.SECONDS.toNanos(settings.warmupSeconds());
    AtomicLong measuredSent = new AtomicLong();
    AtomicLong measuredFailed = new AtomicLong();
    try (AutoCloseable consumer =
        client.consume(
            group, false, settings.threads(), body -> e2eReceived(body, runId, measureFrom))) {
      Thread sender =
          new Thread(
              () -> e2eSendLoop(runId, measureFrom, measuredSent, measuredFailed),
              "bench-e2e-sender");
      sender.setDaemon(true);
      sender.start();
      BenchRun.report(live, meter, () -> !sender.isAlive());
      long tailDeadline = System.nanoTime() + E2E_TAIL_NANOS;
      BenchRun.report(
          live,
          meter,
          () ->
              meter.messages() + measuredFailed.get() >= measuredSent.get()
                  || System.nanoTime() - tailDeadline >= 0);
    }
    long lost = Math.max(0, measuredSent.get() - measuredFailed.get() - meter.messages());
    for (long i = 0; i < lost; i++) {
      meter.error();
    }
    return meter.summary("e2e", settings.client(), System.nanoTime() - measureFrom);
  }

  private void e2eReceived(byte[] body, long runId, long measureFrom) {
    if (body.length < BenchSettings.E2E_HEADER) {
      return;
    }
    ByteBuffer b = ByteBuffer.wrap(body);
    long sent = b.getLong();
    if (b.getLong() == runId && sent - measureFrom >= 0) {
      meter.success(1, System.nanoTime() - sent);
    }
  }

  /** Sends until the budget is spent; {@code measuredSent} counts sends after the warm-up. */
  private void e2eSendLoop(
      long runId, long measureFrom, AtomicLong measuredSent, AtomicLong measuredFailed) {
    long nanosPerMessage = 1_000_000_000L / settings.e2eRate();
    long measureUntil = measureFrom + TimeUnit.SECONDS.toNanos(settings.durationSeconds());
    Long count = settings.count();
    long next = System.nanoTime();
    byte[] padding = new byte[settings.size() - BenchSettings.E2E_HEADER];
    ThreadLocalRandom.current().nextBytes(padding);
    while (!Thread.currentThread().isInterrupted()) {
      long now = System.nanoTime();
      boolean measured = now - measureFrom >= 0;
      if (measured && (count == null ? now - measureUntil >= 0 : measuredSent.get() >= count)) {
        return;
      }
      byte[] body =
          ByteBuffer.allocate(settings.size()).putLong(now).putLong(runId).put(padding).array();
      if (measured) {
        measuredSent.incrementAndGet();
      }
      client.sendAsync(body, error -> sent(error, measured, measuredFailed));
      next += nanosPerMessage;
      LockSupport.parkNanos(next - System.nanoTime());
    }
  }

  private void sent(Throwable error, boolean measured, AtomicLong measuredFailed) {
    if (error != null) {
      meter.error();
      if (measured) {
        measuredFailed.incrementAndGet();
      }
    }
  }
}
