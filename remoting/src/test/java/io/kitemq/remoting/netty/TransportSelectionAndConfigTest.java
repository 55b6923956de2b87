package io.kitemq.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.ResponseCode;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TransportSelectionAndConfigTest {

  @Test
  void nioTransportServesCallsWhenEpollIsDisabled() throws Exception {
    ExecutorService workers = BoundedExecutors.newBoundedExecutor("nio-", 1, 10);
    RemotingServer server =
        new RemotingServer(
            RemotingServerConfig.builder().host("127.0.0.1").useEpoll(false).build());
    RemotingClient client =
        new RemotingClient(RemotingClientConfig.builder().useEpoll(false).build());
    try {
      server.registerProcessor(
          1,
          RequestProcessor.of(
              (ch, req) -> RemotingCommand.createResponse(ResponseCode.SUCCESS, "nio")),
          workers);
      int port = server.start();
      assertThat(server.usesEpoll()).isFalse();
      assertThat(server.port()).isEqualTo(port).isPositive();
      RemotingCommand response =
          client.invokeSync("127.0.0.1:" + port, RemotingCommand.createRequest(1), 3000);
      assertThat(response.remark()).isEqualTo("nio");
    } finally {
      client.close();
      server.close();
      workers.shutdownNow();
    }
  }

  @Test
  void defaultsFollowTheProtocol() {
    RemotingServerConfig server = RemotingServerConfig.builder().build();
    assertThat(server.maxFrameLength()).isEqualTo(16 * 1024 * 1024);
    assertThat(server.idleTime()).isEqualTo(Duration.ofSeconds(120));
    RemotingClientConfig client = RemotingClientConfig.defaults();
    assertThat(client.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(client.ioThreads()).isEqualTo(1);
    assertThat(client.idleTime()).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void invalidSettingsAreRejectedNamingTheKey() {
    assertThatThrownBy(() -> RemotingServerConfig.builder().port(70000).build())
        .hasMessageContaining("port");
    assertThatThrownBy(() -> RemotingServerConfig.builder().ioThreads(0).build())
        .hasMessageContaining("ioThreads");
    assertThatThrownBy(() -> RemotingClientConfig.builder().connectTimeout(Duration.ZERO).build())
        .hasMessageContaining("connectTimeout");
    assertThatThrownBy(() -> RemotingClientConfig.builder().idleTime(null).build())
        .hasMessageContaining("idleTime");
  }

  @Test
  void boundedExecutorRejectsBeyondItsQueue() {
    ExecutorService executor = BoundedExecutors.newBoundedExecutor("bounded-", 1, 1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    try {
      Runnable blocker =
          () -> {
            try {
              release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          };
      executor.execute(blocker);
      executor.execute(blocker);
      assertThatThrownBy(() -> executor.execute(blocker))
          .isInstanceOf(java.util.concurrent.RejectedExecutionException.class);
    } finally {
      release.countDown();
      executor.shutdownNow();
    }
  }
}
