/**
 * The {@code kite} launcher: {@link io.kitemq.server.Main} parses the command line (picocli), the
 * commands build their configuration (see {@code io.kitemq.server.config}), and a launcher starts
 * the nodes in order, prints the ready line and stops them in reverse order on SIGTERM/SIGINT.
 * Logback is configured here and only here.
 */
package io.kitemq.server;
