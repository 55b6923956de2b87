package io.kitemq.console.web;

import io.kitemq.console.ConsoleServer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Adds the web console to a node's {@link ConsoleServer}: the static pages at {@code /} and the
 * JSON API at {@code /api/}, plus the throughput sampler when the node has a broker. Owns the
 * console's clients and the sampler; {@link #close()} stops them.
 */
public final class WebConsole implements AutoCloseable {

  private final ConsoleClients clients;
  private final ThroughputSampler sampler;

  /**
   * @param namesrvAddr the name servers the console's admin client asks (known once they run)
   * @param cluster the cluster topics are created in by default
   * @param totalIn messages stored so far by the local broker, or null without one
   * @param totalOut messages pulled so far from the local broker, or null without one
   */
  public WebConsole(
      ConsoleServer server,
      boolean readOnly,
      Supplier<String> namesrvAddr,
      String cluster,
      LongSupplier totalIn,
      LongSupplier totalOut) {
    this.sampler = totalIn == null ? null : new ThroughputSampler(totalIn, totalOut);
    this.clients = new ConsoleClients(namesrvAddr);
    server.addHandler(
        "/api/",
        new ApiHandler(
            new ConsoleApi(clients, sampler),
            new GroupApi(clients),
            new MessageApi(clients),
            readOnly,
            cluster));
    server.addHandler("/", new StaticFiles());
  }

  /** Starts sampling throughput. */
  public void start() {
    if (sampler != null) {
      sampler.start();
    }
  }

  @Override
  public void close() {
    if (sampler != null) {
      sampler.close();
    }
    clients.close();
  }
}
