/**
 * The broker's hook for a metrics system: {@link io.kitemq.broker.metrics.BrokerMetricsListener}.
 */
package io.kitemq.broker.metrics;
