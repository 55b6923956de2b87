/**
 * What GET_BROKER_RUNTIME_INFO reports about traffic: message counters fed by the broker's metrics
 * hook, sampled once a second into rates, and the day-boundary totals.
 */
package io.kitemq.broker.stats;
