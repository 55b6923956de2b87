package io.kitemq.server;

import io.kitemq.nameserver.NameServer;
import io.kitemq.nameserver.NameServerConfig;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** A {@link NameServer} run by the launcher. Not thread-safe; driven by {@link Launcher}. */
final class NameServerNode implements Node {

  private final NameServerConfig config;
  private final String portHint;
  private NameServer server;
  private Consumer<NameServer> beforeStart = s -> {};

  /**
   * @param portHint how a user picks another port, for the port-in-use message
   */
  NameServerNode(NameServerConfig config, String portHint) {
    this.config = config;
    this.portHint = portHint;
  }

  /** Runs {@code hook} on the name server after it is built and before it starts. */
  void beforeStart(Consumer<NameServer> hook) {
    this.beforeStart = hook;
  }

  @Override
  public String name() {
    return "name server";
  }

  @Override
  public String start() {
    Path kvDir = config.kvConfigPath().toAbsolutePath().getParent();
    if (kvDir != null) {
      Preflight.requireWritableDirectory(
          kvDir, "kvConfigPath", "KITE_NAMESRV_KV_CONFIG_PATH or kvConfigPath in the config file");
    }
    server = new NameServer(config);
    beforeStart.accept(server);
    try {
      server.start();
    } catch (UncheckedIOException e) {
      throw new LaunchException(
          "cannot read the name server's KV config "
              + config.kvConfigPath().toAbsolutePath()
              + " (kvConfigPath): "
              + e.getCause().getMessage()
              + "; fix or remove the file",
          e);
    } catch (Exception e) {
      // Netty may rethrow the checked BindException as is, so Exception, not RuntimeException.
      if (Preflight.isBindFailure(e)) {
        throw Preflight.bindFailure(
            config.bindAddress(), config.listenPort(), "listenPort", portHint, e);
      }
      throw e;
    }
    return config.bindAddress() + ":" + server.port();
  }

  /** The name server, once started. */
  NameServer server() {
    return server;
  }

  /** The bound port, once started. */
  int port() {
    return server.port();
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }
}
