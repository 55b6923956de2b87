package io.kitemq.benchmarks.metrics;

import io.kitemq.broker.metrics.BrokerMetricsListener;
import io.kitemq.console.metrics.BrokerMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the broker's metrics cost per request: one send and one pull as the processors report them
 * (messages in with the size histogram, messages out with the pulled offset, two RPC latencies),
 * with metrics off (the broker's no-op listener) and on. Run with {@code -prof gc} to see the
 * allocation per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class MetricsListenerBenchmark {

  @Param({"off", "on"})
  public String metrics;

  private BrokerMetricsListener listener;
  private long offset;

  @Setup
  public void setUp() {
    listener =
        "on".equals(metrics)
            ? BrokerMetrics.forBenchmark(
                Labels.of("cluster", "c", "node_type", "broker", "node_id", "b"),
                new PrometheusRegistry())
            : BrokerMetricsListener.NONE;
  }

  @Benchmark
  public void sendAndPull() {
    long o = ++offset;
    listener.messagesIn("BenchTopic", 1, 100, false);
    listener.requestDone(310, 0, 120_000);
    listener.messagesOut("BenchTopic", "bench-group", (int) (o & 7), o, 1, 180);
    listener.requestDone(11, 0, 90_000);
  }
}
