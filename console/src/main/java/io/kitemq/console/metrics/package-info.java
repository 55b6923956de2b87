/**
 * The Prometheus metrics of a broker and a name server, with Apache RocketMQ 5's RIP-46 names and
 * labels; gauges are computed at scrape time.
 */
package io.kitemq.console.metrics;
