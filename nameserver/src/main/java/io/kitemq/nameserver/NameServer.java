package io.kitemq.nameserver;

import io.kitemq.nameserver.kv.KvConfigManager;
import io.kitemq.nameserver.processor.BrokerRequestProcessor;
import io.kitemq.nameserver.processor.ConfigRequestProcessor;
import io.kitemq.nameserver.processor.KvRequestProcessor;
import io.kitemq.nameserver.processor.RouteRequestProcessor;
import io.kitemq.nameserver.route.RouteInfoManager;
import io.kitemq.remoting.netty.BoundedExecutors;
import io.kitemq.remoting.netty.ConnectionListener;
import io.kitemq.remoting.netty.RemotingServer;
import io.kitemq.remoting.netty.RemotingServerConfig;
import io.kitemq.remoting.netty.RequestProcessor;
import io.kitemq.remoting.netty.RequestTimingListener;
import io.kitemq.remoting.netty.TimedProcessor;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A name server: brokers register with it, clients ask it for topic routes. Name servers are
 * independent of each other: brokers register with every one of them, and nothing is shared.
 *
 * <p>Threads: the remoting server's I/O threads, one bounded pool ({@code defaultThreadPoolNums}
 * threads) for every request, and one scheduler thread that expires silent brokers every {@code
 * scanNotActiveBrokerInterval} and removes brokers whose connection closed. Life cycle: {@link
 * #start()} once, then {@link #close()}. A {@link RequestTimingListener} set before start is told
 * every request's latency (the metrics' {@code rocketmq_rpc_latency}). Thread-safe.
 */
public final class NameServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(NameServer.class);

  private final AtomicReference<NameServerConfig> config;
  private final RouteInfoManager routes;
  private final KvConfigManager kv;
  private final ThreadPoolExecutor workers;
  private final ScheduledExecutorService scheduler;
  private final RemotingServer server;
  private RequestTimingListener requestListener;
  private boolean started;
  private boolean closed;

  /** A name server on the system clock. */
  public NameServer(NameServerConfig config) {
    this(config, System::currentTimeMillis);
  }

  /**
   * A name server whose broker expiry uses {@code clock} (milliseconds).
   *
   * @param clock "now" in milliseconds; tests step it
   */
  public NameServer(NameServerConfig config, LongSupplier clock) {
    this.config = new AtomicReference<>(config);
    this.routes =
        new RouteInfoManager(
            clock,
            config.brokerChannelExpiredTime(),
            () -> this.config.get().deleteTopicWithBrokerRegistration());
    this.kv = new KvConfigManager(config.kvConfigPath());
    this.workers =
        BoundedExecutors.newBoundedExecutor(
            "namesrv-worker-",
            config.defaultThreadPoolNums(),
            config.defaultThreadPoolQueueCapacity());
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            BoundedExecutors.namedDaemonThreads("namesrv-scheduler-"));
    this.server =
        new RemotingServer(
            RemotingServerConfig.builder()
                .host(config.bindAddress())
                .port(config.listenPort())
                .ioThreads(config.serverSelectorThreads())
                .idleTime(Duration.ofSeconds(config.serverChannelMaxIdleTimeSeconds()))
                .build(),
            new ConnectionListener() {
              @Override
              public void onClose(String remoteAddress, Channel channel) {
                brokerConnectionClosed(channel);
              }
            });
  }

  /**
   * Loads the KV config, binds and starts the expiry scan.
   *
   * @return the bound port
   * @throws UncheckedIOException if the KV config file exists but cannot be read
   * @throws IllegalStateException if already started or the port cannot be bound
   */
  public synchronized int start() {
    if (started) {
      throw new IllegalStateException("name server already started");
    }
    started = true;
    try {
      kv.load();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    registerProcessors();
    int port = server.start();
    long interval = config.get().scanNotActiveBrokerInterval();
    scheduler.scheduleAtFixedRate(this::scan, interval, interval, TimeUnit.MILLISECONDS);
    LOG.info("name server started on port {}", port);
    return port;
  }

  /**
   * Sets who is told each request's latency and response code (a metrics system); call before
   * {@link #start()}. Without one, requests are not timed.
   *
   * @throws IllegalStateException after start
   */
  public synchronized void setRequestListener(RequestTimingListener listener) {
    if (started) {
      throw new IllegalStateException("set the request listener before the name server starts");
    }
    this.requestListener = listener;
  }

  private void registerProcessors() {
    BrokerRequestProcessor brokerProcessor =
        new BrokerRequestProcessor(routes, kv, this.config::get);
    BrokerRequestProcessor.CODES.forEach(c -> register(c, brokerProcessor));
    RouteRequestProcessor routeProcessor = new RouteRequestProcessor(routes, kv, this.config::get);
    RouteRequestProcessor.CODES.forEach(c -> register(c, routeProcessor));
    KvRequestProcessor kvProcessor = new KvRequestProcessor(kv);
    KvRequestProcessor.CODES.forEach(c -> register(c, kvProcessor));
    ConfigRequestProcessor configProcessor = new ConfigRequestProcessor(this.config);
    ConfigRequestProcessor.CODES.forEach(c -> register(c, configProcessor));
  }

  private void register(int code, RequestProcessor processor) {
    server.registerProcessor(
        code,
        requestListener == null ? processor : new TimedProcessor(processor, requestListener),
        workers);
  }

  /** The bound port, or -1 before {@link #start()}. */
  public int port() {
    return server.port();
  }

  /** The routing tables (for embedding and tests). */
  public RouteInfoManager routes() {
    return routes;
  }

  /** The current settings (the run-time keys may have changed since start). */
  public NameServerConfig config() {
    return config.get();
  }

  private void scan() {
    try {
      routes.scanNotActiveBroker();
    } catch (RuntimeException e) {
      // Keep the periodic task alive: a failed scan is retried at the next tick.
      LOG.error("broker expiry scan failed", e);
    }
  }

  private void brokerConnectionClosed(Channel channel) {
    try {
      scheduler.execute(() -> routes.onChannelDestroy(channel));
    } catch (RejectedExecutionException e) {
      LOG.debug("connection closed during shutdown: {}", channel);
    }
  }

  /** Stops accepting, closes connections and stops the threads. Closing twice is harmless. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (started) {
      server.close();
    }
    scheduler.shutdownNow();
    workers.shutdownNow();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.info("name server on port {} stopped", server.port());
  }
}
