package io.kitemq.console.metrics;

import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** JVM and process metrics (heap, GC, threads, open files, CPU) of the Prometheus library. */
public final class JvmMetricsInstaller {

  private JvmMetricsInstaller() {}

  /** Registers them in {@code registry} (once per registry). */
  public static void install(PrometheusRegistry registry) {
    JvmMetrics.builder().register(registry);
  }
}
