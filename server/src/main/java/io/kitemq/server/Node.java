package io.kitemq.server;

/**
 * One server the launcher runs (a name server, a broker). {@link #start()} binds and returns where
 * it listens; {@link #close()} stops it completely and may be called after a failed or partial
 * start. Called from one thread at a time by {@link Launcher}.
 */
interface Node extends AutoCloseable {

  /** A short name for logs: {@code "name server"}, {@code "broker"}. */
  String name();

  /**
   * Starts the node.
   *
   * @return where it listens, e.g. {@code "0.0.0.0:9876"}
   * @throws LaunchException if a port or directory cannot be used
   */
  String start();

  /** Stops the node, flushing what it holds. */
  @Override
  void close();
}
