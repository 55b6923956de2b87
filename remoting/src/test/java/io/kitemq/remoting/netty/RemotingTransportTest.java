package io.kitemq.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.SerializeType;
import io.kitemq.remoting.protocol.header.GetMinOffsetRequestHeader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RemotingTransportTest {

  private static final int ECHO = 1;
  private static final int DELAYED = 2;
  private static final int NEVER = 3;
  private static final int ONEWAY_SINK = 4;
  private static final int THROWS = 5;
  private static final int CLOSE_CONNECTION = 6;
  private static final int BLOCKING = 7;
  private static final int REMEMBER_CHANNEL = 8;
  private static final int BYTEBUF_BODY = 9;
  private static final int TYPED_HEADER = 10;

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final LinkedBlockingQueue<RemotingCommand> onewayReceived = new LinkedBlockingQueue<>();
  private final AtomicReference<Channel> rememberedChannel = new AtomicReference<>();
  private final Set<String> connectedPeers = ConcurrentHashMap.newKeySet();
  private final AtomicInteger connects = new AtomicInteger();
  private final CountDownLatch releaseBlocking = new CountDownLatch(1);
  private final List<ByteBuf> sentBodies = new ArrayList<>();

  private ExecutorService workers;
  private ScheduledExecutorService timer;
  private RemotingServer server;
  private RemotingClient client;
  private String address;

  @BeforeEach
  void startServerAndClient() {
    workers = BoundedExecutors.newBoundedExecutor("test-worker-", 4, 1000);
    timer = Executors.newSingleThreadScheduledExecutor();
    ExecutorService blockingPool = BoundedExecutors.newBoundedExecutor("test-blocking-", 1, 1);
    resources.add(blockingPool::shutdownNow);

    server =
        new RemotingServer(
            RemotingServerConfig.builder().host("127.0.0.1").port(0).build(),
            new ConnectionListener() {
              @Override
              public void onConnect(String remoteAddress, Channel channel) {
                connects.incrementAndGet();
                connectedPeers.add(remoteAddress);
              }
            });
    server.registerProcessor(ECHO, RequestProcessor.of((ch, req) -> echo(req)), workers);
    server.registerProcessor(DELAYED, this::delayed, workers);
    server.registerProcessor(NEVER, (ch, req) -> new CompletableFuture<>(), workers);
    server.registerProcessor(
        ONEWAY_SINK,
        RequestProcessor.of(
            (ch, req) -> {
              onewayReceived.add(req);
              return RemotingCommand.createResponse(ResponseCode.SUCCESS, "must not be sent");
            }),
        workers);
    server.registerProcessor(
        THROWS,
        RequestProcessor.of(
            (ch, req) -> {
              throw new IllegalStateException("boom");
            }),
        workers);
    server.registerProcessor(
        CLOSE_CONNECTION,
        RequestProcessor.of(
            (ch, req) -> {
              ch.close();
              return null;
            }),
        workers);
    server.registerProcessor(
        BLOCKING,
        RequestProcessor.of(
            (ch, req) -> {
              releaseBlocking.await(30, TimeUnit.SECONDS);
              return RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
            }),
        blockingPool);
    server.registerProcessor(
        REMEMBER_CHANNEL,
        RequestProcessor.of(
            (ch, req) -> {
              rememberedChannel.set(ch);
              return RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
            }),
        workers);
    server.registerProcessor(
        BYTEBUF_BODY,
        RequestProcessor.of(
            (ch, req) -> {
              ByteBuf body = Unpooled.directBuffer(5).writeBytes(new byte[] {1, 2, 3, 4, 5});
              synchronized (sentBodies) {
                sentBodies.add(body);
              }
              return RemotingCommand.createResponse(ResponseCode.SUCCESS, null).setBody(body);
            }),
        workers);
    server.registerProcessor(
        TYPED_HEADER,
        RequestProcessor.of(
            (ch, req) -> {
              GetMinOffsetRequestHeader h =
                  GetMinOffsetRequestHeader.fromExtFields(req.extFieldsOrEmpty());
              return RemotingCommand.createResponse(ResponseCode.SUCCESS, h.topic());
            }),
        workers);
    int port = server.start();
    address = "127.0.0.1:" + port;
    client = new RemotingClient(RemotingClientConfig.defaults());
  }

  @AfterEach
  void stop() throws Exception {
    releaseBlocking.countDown();
    client.close();
    server.close();
    workers.shutdownNow();
    timer.shutdownNow();
    for (AutoCloseable resource : resources) {
      resource.close();
    }
  }

  private static RemotingCommand echo(RemotingCommand req) {
    RemotingCommand response =
        RemotingCommand.createResponse(ResponseCode.SUCCESS, req.remark()).setBody(req.body());
    if (req.extFields() != null) {
      response.setExtFields(new java.util.HashMap<>(req.extFields()));
    }
    return response;
  }

  private CompletableFuture<RemotingCommand> delayed(Channel ch, RemotingCommand req) {
    long delay = Long.parseLong(req.extFields().get("delay"));
    CompletableFuture<RemotingCommand> result = new CompletableFuture<>();
    timer.schedule(() -> result.complete(echo(req)), delay, TimeUnit.MILLISECONDS);
    return result;
  }

  @Test
  void syncCallRoundTripsHeaderRemarkAndBody() throws Exception {
    RemotingCommand request =
        RemotingCommand.createRequest(ECHO)
            .setRemark("h\u00e9llo")
            .addExtField("k", "v")
            .setBody("payload".getBytes(StandardCharsets.UTF_8));
    RemotingCommand response = client.invokeSync(address, request, 3000);

    assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
    assertThat(response.isResponse()).isTrue();
    assertThat(response.opaque()).isEqualTo(request.opaque());
    assertThat(response.remark()).isEqualTo("h\u00e9llo");
    assertThat(response.extFields()).containsEntry("k", "v");
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("payload");
  }

  @Test
  void responseUsesTheSerializationOfTheRequest() throws Exception {
    RemotingCommand binary =
        RemotingCommand.createRequest(ECHO).setSerializeType(SerializeType.ROCKETMQ);
    assertThat(client.invokeSync(address, binary, 3000).serializeType())
        .isEqualTo(SerializeType.ROCKETMQ);
    RemotingCommand json = RemotingCommand.createRequest(ECHO);
    assertThat(client.invokeSync(address, json, 3000).serializeType())
        .isEqualTo(SerializeType.JSON);
  }

  @Test
  void asyncCallCompletesWithTheResponse() throws Exception {
    RemotingCommand response =
        client
            .invokeAsync(address, RemotingCommand.createRequest(ECHO).setRemark("async"), 3000)
            .get(5, TimeUnit.SECONDS);
    assertThat(response.remark()).isEqualTo("async");
  }

  @Test
  void onewayRequestReachesItsProcessorAndTheConnectionStaysUsable() throws Exception {
    RemotingCommand request = RemotingCommand.createRequest(ONEWAY_SINK).setRemark("fire");
    client.invokeOneway(address, request, 3000);

    RemotingCommand received = onewayReceived.poll(5, TimeUnit.SECONDS);
    assertThat(received).isNotNull();
    assertThat(received.isOneway()).isTrue();
    assertThat(received.remark()).isEqualTo("fire");
    // The connection still serves calls, and no stray response confused the correlation.
    assertThat(client.invokeSync(address, RemotingCommand.createRequest(ECHO), 3000).code())
        .isZero();
  }

  @Test
  void manyConcurrentCallsShareOneConnectionAndMatchOutOfOrderResponses() throws Exception {
    int calls = 300;
    List<CompletableFuture<RemotingCommand>> futures = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      String id = "call-" + i;
      ids.add(id);
      RemotingCommand request =
          RemotingCommand.createRequest(DELAYED)
              .addExtField("id", id)
              .addExtField("delay", Integer.toString(ThreadLocalRandom.current().nextInt(0, 50)));
      futures.add(client.invokeAsync(address, request, 10_000));
    }
    for (int i = 0; i < calls; i++) {
      assertThat(futures.get(i).get(15, TimeUnit.SECONDS).extFields())
          .containsEntry("id", ids.get(i));
    }
    assertThat(connects.get()).isEqualTo(1);
  }

  @Test
  void callWithoutResponseTimesOut() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> client.invokeSync(address, RemotingCommand.createRequest(NEVER), 300))
        .isInstanceOf(RemotingTimeoutException.class)
        .extracting(e -> ((RemotingException) e).reason())
        .isEqualTo(RemotingException.Reason.TIMEOUT);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void serverClosingTheConnectionFailsInFlightCallsAndNextCallReconnects() throws Exception {
    List<CompletableFuture<RemotingCommand>> inFlight = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      inFlight.add(client.invokeAsync(address, RemotingCommand.createRequest(NEVER), 30_000));
    }
    long start = System.nanoTime();
    client.invokeAsync(address, RemotingCommand.createRequest(CLOSE_CONNECTION), 30_000);

    for (CompletableFuture<RemotingCommand> call : inFlight) {
      assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS))
          .hasCauseInstanceOf(RemotingSendRequestException.class)
          .cause()
          .extracting(e -> ((RemotingException) e).reason())
          .isEqualTo(RemotingException.Reason.CONNECTION_CLOSED);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

    RemotingCommand again = client.invokeSync(address, RemotingCommand.createRequest(ECHO), 3000);
    assertThat(again.code()).isZero();
    assertThat(connects.get()).isEqualTo(2);
  }

  @Test
  void fullExecutorAnswersSystemBusy() throws Exception {
    // One thread busy, one queued: the third request is rejected.
    List<CompletableFuture<RemotingCommand>> held = new ArrayList<>();
    held.add(client.invokeAsync(address, RemotingCommand.createRequest(BLOCKING), 30_000));
    held.add(client.invokeAsync(address, RemotingCommand.createRequest(BLOCKING), 30_000));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              RemotingCommand busy =
                  client.invokeSync(address, RemotingCommand.createRequest(BLOCKING), 3000);
              assertThat(busy.code()).isEqualTo(ResponseCode.SYSTEM_BUSY.code());
              assertThat(busy.remark())
                  .isEqualTo("[OVERLOAD]system busy, start flow control for a while");
            });
    releaseBlocking.countDown();
    for (CompletableFuture<RemotingCommand> call : held) {
      assertThat(call.get(10, TimeUnit.SECONDS).code()).isZero();
    }
  }

  @Test
  void unknownCodeAnswersRequestCodeNotSupported() throws Exception {
    RemotingCommand response = client.invokeSync(address, RemotingCommand.createRequest(999), 3000);
    assertThat(response.code()).isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED.code());
    assertThat(response.remark()).isEqualTo(" request type 999 not supported");
  }

  @Test
  void processorExceptionAnswersSystemErrorWithTheDescription() throws Exception {
    RemotingCommand response =
        client.invokeSync(address, RemotingCommand.createRequest(THROWS), 3000);
    assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
    assertThat(response.remark()).isEqualTo("IllegalStateException: boom");
  }

  @Test
  void missingRequiredHeaderFieldAnswersSystemErrorNamingTheField() throws Exception {
    RemotingCommand response =
        client.invokeSync(
            address, RemotingCommand.createRequest(TYPED_HEADER).addExtField("queueId", "1"), 3000);
    assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
    assertThat(response.remark())
        .isEqualTo("RemotingCommandException: the custom field <topic> is null");
  }

  @Test
  void byteBufBodyOfAResponseIsSentAndReleased() throws Exception {
    RemotingCommand response =
        client.invokeSync(address, RemotingCommand.createRequest(BYTEBUF_BODY), 3000);
    assertThat(response.body()).containsExactly(1, 2, 3, 4, 5);
    synchronized (sentBodies) {
      assertThat(sentBodies).hasSize(1);
      await().atMost(Duration.ofSeconds(5)).until(() -> sentBodies.get(0).refCnt() == 0);
    }
  }

  @Test
  void serverCallsBackTheClientOverItsConnection() throws Exception {
    ExecutorService clientWorkers = BoundedExecutors.newBoundedExecutor("client-cb-", 1, 10);
    resources.add(clientWorkers::shutdownNow);
    LinkedBlockingQueue<RemotingCommand> checks = new LinkedBlockingQueue<>();
    client.registerProcessor(
        RequestCode.GET_CONSUMER_RUNNING_INFO,
        RequestProcessor.of(
            (ch, req) ->
                RemotingCommand.createResponse(ResponseCode.SUCCESS, "running")
                    .addExtField("group", req.extFields().get("consumerGroup"))),
        clientWorkers);
    client.registerProcessor(
        RequestCode.CHECK_TRANSACTION_STATE,
        RequestProcessor.of(
            (ch, req) -> {
              checks.add(req);
              return null;
            }),
        clientWorkers);
    client.invokeSync(address, RemotingCommand.createRequest(REMEMBER_CHANNEL), 3000);
    Channel toClient = rememberedChannel.get();

    RemotingCommand answer =
        server.invokeSync(
            toClient,
            RemotingCommand.createRequest(RequestCode.GET_CONSUMER_RUNNING_INFO)
                .addExtField("consumerGroup", "G1"),
            3000);
    assertThat(answer.remark()).isEqualTo("running");
    assertThat(answer.extFields()).containsEntry("group", "G1");

    server.invokeOneway(
        toClient,
        RemotingCommand.createRequest(RequestCode.CHECK_TRANSACTION_STATE)
            .addExtField("msgId", "M"),
        3000);
    RemotingCommand check = checks.poll(5, TimeUnit.SECONDS);
    assertThat(check).isNotNull();
    assertThat(check.extFields()).containsEntry("msgId", "M");
  }

  @Test
  void connectFailureIsATypedError() throws Exception {
    int freePort;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      freePort = probe.getLocalPort();
    }
    assertThatThrownBy(
            () ->
                client.invokeSync(
                    "127.0.0.1:" + freePort, RemotingCommand.createRequest(ECHO), 1000))
        .isInstanceOf(RemotingConnectException.class)
        .extracting(e -> ((RemotingException) e).reason())
        .isEqualTo(RemotingException.Reason.CONNECT_FAILED);
  }

  @Test
  void closedClientRefusesCalls() {
    client.close();
    assertThatThrownBy(() -> client.invokeSync(address, RemotingCommand.createRequest(ECHO), 1000))
        .isInstanceOf(RemotingConnectException.class)
        .extracting(e -> ((RemotingException) e).reason())
        .isEqualTo(RemotingException.Reason.ENDPOINT_CLOSED);
  }
}
