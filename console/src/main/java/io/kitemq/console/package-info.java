/** The node's HTTP port: {@code /metrics} in the Prometheus formats, and its wiring. */
package io.kitemq.console;
