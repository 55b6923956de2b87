package io.kitemq.console;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A node's HTTP port (JDK {@code com.sun.net.httpserver}): {@code /metrics} in the Prometheus text
 * and protobuf formats (content negotiation, gzip and {@code name[]} filters by the Prometheus
 * library's own handler), plus whatever handlers are added before {@link #start()} (the console's
 * {@code /api/} and {@code /}). Requests run on two daemon threads.
 *
 * <p>Life cycle: construct, {@link #addHandler}, {@link #start()}, {@link #close()}. Not
 * thread-safe until started; start and close once each.
 */
public final class ConsoleServer implements AutoCloseable {

  private final ConsoleConfig config;
  private final Map<String, HttpHandler> handlers = new LinkedHashMap<>();
  private HttpServer server;
  private ExecutorService executor;

  public ConsoleServer(ConsoleConfig config, PrometheusRegistry registry) {
    this.config = config;
    handlers.put("/metrics", new MetricsHandler(registry));
  }

  /** Serves {@code path} (a prefix) with {@code handler}; before {@link #start()}. */
  public ConsoleServer addHandler(String path, HttpHandler handler) {
    handlers.put(path, handler);
    return this;
  }

  /**
   * Binds and starts serving.
   *
   * @return the bound port
   * @throws UncheckedIOException if the port cannot be bound (the cause names it)
   */
  public synchronized int start() {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    InetSocketAddress address = new InetSocketAddress(config.bindAddress(), config.port());
    try {
      server = HttpServer.create(address, 64);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot bind the HTTP port " + config.bindAddress() + ":" + config.port(), e);
    }
    handlers.forEach(server::createContext);
    executor = Executors.newFixedThreadPool(2, daemonThreads());
    server.setExecutor(executor);
    server.start();
    return server.getAddress().getPort();
  }

  /** The bound port, or -1 before start. */
  public synchronized int port() {
    return server == null ? -1 : server.getAddress().getPort();
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "kite-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public synchronized void close() {
    if (server == null) {
      return;
    }
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server = null;
  }
}
