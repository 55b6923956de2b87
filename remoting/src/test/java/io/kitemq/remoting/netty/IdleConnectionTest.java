package io.kitemq.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.ResponseCode;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IdleConnectionTest {

  private final List<String> events = new CopyOnWriteArrayList<>();
  private final ExecutorService workers = BoundedExecutors.newBoundedExecutor("idle-", 1, 10);
  private RemotingServer server;
  private RemotingClient client;

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
    workers.shutdownNow();
  }

  @Test
  void serverClosesAnIdleConnectionAndReportsItThenTheClientReconnects() throws Exception {
    server =
        new RemotingServer(
            RemotingServerConfig.builder()
                .host("127.0.0.1")
                .idleTime(Duration.ofMillis(400))
                .build(),
            new ConnectionListener() {
              @Override
              public void onConnect(String remoteAddress, Channel channel) {
                events.add("connect " + remoteAddress);
              }

              @Override
              public void onIdle(String remoteAddress, Channel channel) {
                events.add("idle " + remoteAddress);
              }

              @Override
              public void onClose(String remoteAddress, Channel channel) {
                events.add("close " + remoteAddress);
              }
            });
    server.registerProcessor(
        1,
        RequestProcessor.of(
            (ch, req) -> RemotingCommand.createResponse(ResponseCode.SUCCESS, null)),
        workers);
    String address = "127.0.0.1:" + server.start();
    client = new RemotingClient(RemotingClientConfig.defaults());

    client.invokeSync(address, RemotingCommand.createRequest(1), 3000);
    await().atMost(Duration.ofSeconds(10)).until(() -> events.size() >= 3);
    String peer = events.get(0).substring("connect ".length());
    assertThat(events).containsExactly("connect " + peer, "idle " + peer, "close " + peer);

    assertThat(client.invokeSync(address, RemotingCommand.createRequest(1), 3000).code()).isZero();
    assertThat(events).hasSize(4);
  }
}
