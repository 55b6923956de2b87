package io.kitemq.server;

import io.kitemq.broker.BrokerConfig;
import io.kitemq.broker.BrokerController;
import io.kitemq.store.StoreException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A {@link BrokerController} run by the launcher: checks that the store directory can be written,
 * starts the broker (store recovery, port, registration with the name servers) and explains a port
 * in use. Not thread-safe; driven by {@link Launcher}.
 */
final class BrokerNode implements Node {

  private final Supplier<BrokerConfig> configSource;
  private final String portHint;
  private final String storeHint;
  private BrokerConfig config;
  private BrokerController broker;
  private Consumer<BrokerController> beforeStart = b -> {};

  /**
   * @param config the broker's config, asked for at start (standalone learns the name server's port
   *     only once that has started)
   * @param portHint how a user picks another port, for the port-in-use message
   * @param storeHint how a user picks another store directory
   */
  BrokerNode(Supplier<BrokerConfig> config, String portHint, String storeHint) {
    this.configSource = config;
    this.portHint = portHint;
    this.storeHint = storeHint;
  }

  /** Runs {@code hook} on the broker after it is built and before it starts. */
  void beforeStart(Consumer<BrokerController> hook) {
    this.beforeStart = hook;
  }

  @Override
  public String name() {
    return "broker";
  }

  @Override
  public String start() {
    config = configSource.get();
    Path root = config.storeConfig().storePathRootDir();
    Preflight.requireWritableDirectory(root, "storePathRootDir", storeHint);
    Path commitLog = config.storeConfig().storePathCommitLog();
    if (!commitLog.toAbsolutePath().normalize().startsWith(root.toAbsolutePath().normalize())) {
      Preflight.requireWritableDirectory(commitLog, "storePathCommitLog", "storePathCommitLog");
    }
    broker = new BrokerController(config);
    beforeStart.accept(broker);
    try {
      broker.start();
    } catch (Exception e) {
      // Netty may rethrow the checked BindException as is, so Exception, not RuntimeException.
      if (Preflight.isBindFailure(e)) {
        throw Preflight.bindFailure("0.0.0.0", config.listenPort(), "listenPort", portHint, e);
      }
      StoreException store = storeFailure(e);
      if (store != null) {
        throw new LaunchException(
            "the store cannot start: "
                + store.getMessage()
                + (store.getMessage().endsWith("is in use")
                    ? " by another broker; stop it or choose another directory with " + storeHint
                    : ""),
            e);
      }
      throw e;
    }
    return broker.brokerAddr();
  }

  private static StoreException storeFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StoreException s) {
        return s;
      }
    }
    return null;
  }

  @Override
  public void close() {
    if (broker != null) {
      broker.shutdown();
    }
  }
}
