package io.kitemq.broker.registration;

import io.kitemq.broker.BrokerConfig;
import io.kitemq.broker.config.TopicConfigManager;
import io.kitemq.common.util.Crc;
import io.kitemq.remoting.netty.RemotingClient;
import io.kitemq.remoting.netty.RemotingException;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.body.RegisterBrokerBody;
import io.kitemq.remoting.protocol.header.RegisterBrokerRequestHeader;
import io.kitemq.remoting.protocol.header.UnregisterBrokerRequestHeader;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the broker (address, cluster, id and every topic config) with every configured name
 * server: at start (waiting for the answers), every {@code registerNameServerPeriod}, and soon
 * after any topic change (coalesced: changes arriving while a registration is pending ride on it);
 * unregisters at shutdown. Registrations run on the given scheduler, never on a request thread.
 * Thread-safe.
 */
public final class NameServerRegistrar {

  private static final Logger LOG = LoggerFactory.getLogger(NameServerRegistrar.class);
  private static final long TIMEOUT_MILLIS = 3000;

  private final BrokerConfig config;
  private final TopicConfigManager topics;
  private final RemotingClient client;
  private final ScheduledExecutorService scheduler;
  private final String brokerAddr;
  private final AtomicBoolean pending = new AtomicBoolean();

  public NameServerRegistrar(
      BrokerConfig config,
      TopicConfigManager topics,
      RemotingClient client,
      ScheduledExecutorService scheduler,
      String brokerAddr) {
    this.config = config;
    this.topics = topics;
    this.client = client;
    this.scheduler = scheduler;
    this.brokerAddr = brokerAddr;
  }

  /** Registers once with every name server, waiting up to the timeout for the answers. */
  public void registerNow() {
    List<CompletableFuture<Boolean>> all =
        config.namesrvAddrs().stream().map(this::registerWith).toList();
    for (CompletableFuture<Boolean> f : all) {
      try {
        f.get(TIMEOUT_MILLIS + 1000, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException | TimeoutException e) {
        LOG.warn("registration did not complete: {}", e.getMessage());
      }
    }
  }

  /** Starts the periodic registration. */
  public void startPeriodic() {
    long period = config.registerNameServerPeriod();
    scheduler.scheduleAtFixedRate(this::registerQuietly, period, period, TimeUnit.MILLISECONDS);
  }

  /** Asks for a registration soon (after a topic change); coalesces bursts. */
  public void registerSoon() {
    if (pending.compareAndSet(false, true)) {
      try {
        scheduler.execute(
            () -> {
              pending.set(false);
              registerQuietly();
            });
      } catch (RejectedExecutionException e) {
        pending.set(false);
        LOG.debug("registration not scheduled: the broker is stopping");
      }
    }
  }

  private void registerQuietly() {
    try {
      registerNow();
    } catch (RuntimeException e) {
      LOG.warn("registration with the name servers failed", e);
    }
  }

  private CompletableFuture<Boolean> registerWith(String nameServer) {
    byte[] body = new RegisterBrokerBody(topics.snapshot(), List.of()).encode(false);
    RegisterBrokerRequestHeader header =
        new RegisterBrokerRequestHeader(
            config.brokerName(),
            brokerAddr,
            config.brokerClusterName(),
            haAddr(),
            config.brokerId(),
            null,
            false,
            false,
            Crc.crc32(body));
    RemotingCommand request = RemotingCommand.createRequest(RequestCode.REGISTER_BROKER, header);
    request.setBody(body);
    return client
        .invokeAsync(nameServer, request, TIMEOUT_MILLIS)
        .handle(
            (response, error) -> {
              if (error != null) {
                LOG.warn("register with name server {} failed: {}", nameServer, error.getMessage());
                return false;
              }
              if (response.code() != ResponseCode.SUCCESS.code()) {
                LOG.warn(
                    "name server {} refused the registration: {} {}",
                    nameServer,
                    response.code(),
                    response.remark());
                return false;
              }
              return true;
            });
  }

  private String haAddr() {
    int colon = brokerAddr.lastIndexOf(':');
    int port = Integer.parseInt(brokerAddr.substring(colon + 1));
    return brokerAddr.substring(0, colon) + ":" + (port + 1);
  }

  /** Unregisters from every name server (best effort, bounded by the timeout). */
  public void unregister() {
    for (String nameServer : config.namesrvAddrs()) {
      RemotingCommand request =
          RemotingCommand.createRequest(
              RequestCode.UNREGISTER_BROKER,
              new UnregisterBrokerRequestHeader(
                  config.brokerName(), brokerAddr, config.brokerClusterName(), config.brokerId()));
      try {
        client.invokeSync(nameServer, request, TIMEOUT_MILLIS);
      } catch (RemotingException e) {
        LOG.info("unregister from name server {} failed: {}", nameServer, e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
