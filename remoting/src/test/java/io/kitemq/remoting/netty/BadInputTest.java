package io.kitemq.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.ResponseCode;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind of bad frame, sent over a raw socket, makes the server close that connection while a
 * well-behaved client keeps calling the same server without a single failure.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BadInputTest {

  private static final int MAX_FRAME = 64 * 1024;

  private final ExecutorService workers = BoundedExecutors.newBoundedExecutor("bad-input-", 2, 100);
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicInteger goodCalls = new AtomicInteger();
  private final AtomicInteger failedCalls = new AtomicInteger();
  private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
  private RemotingServer server;
  private RemotingClient client;
  private Thread caller;
  private int port;

  @BeforeEach
  void start() {
    server =
        new RemotingServer(
            RemotingServerConfig.builder().host("127.0.0.1").maxFrameLength(MAX_FRAME).build());
    server.registerProcessor(
        1,
        RequestProcessor.of(
            (ch, req) -> RemotingCommand.createResponse(ResponseCode.SUCCESS, "ok")),
        workers);
    port = server.start();
    client = new RemotingClient(RemotingClientConfig.defaults());
    String address = "127.0.0.1:" + port;
    caller =
        new Thread(
            () -> {
              while (running.get()) {
                try {
                  RemotingCommand r =
                      client.invokeSync(address, RemotingCommand.createRequest(1), 3000);
                  if (r.code() != 0) {
                    throw new IllegalStateException("unexpected response " + r);
                  }
                  goodCalls.incrementAndGet();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                } catch (Exception e) {
                  failedCalls.incrementAndGet();
                  firstFailure.compareAndSet(null, e);
                }
              }
            },
            "good-caller");
    caller.start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    running.set(false);
    caller.join(10_000);
    client.close();
    server.close();
    workers.shutdownNow();
  }

  static Stream<Arguments> badInputs() {
    byte[] garbageJson = "{\"code\":12,\"flag\":".getBytes(StandardCharsets.UTF_8);
    byte[] json = "{\"code\":1,\"opaque\":5}".getBytes(StandardCharsets.UTF_8);
    return Stream.of(
        Arguments.of("negative length", frame(-5, 0, new byte[0]), true),
        Arguments.of("length over the maximum", frame(MAX_FRAME + 1, 0, new byte[0]), true),
        Arguments.of("header length beyond the frame", frame(4 + 10, 1000, new byte[10]), true),
        Arguments.of(
            "garbage JSON", frame(4 + garbageJson.length, garbageJson.length, garbageJson), true),
        Arguments.of(
            "unknown serialization type",
            frame(4 + json.length, (9 << 24) | json.length, json),
            true),
        Arguments.of("truncated frame then EOF", truncated(json), false));
  }

  private static byte[] frame(int length, int headerWord, byte[] rest) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(length);
      out.writeInt(headerWord);
      out.write(rest);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  private static byte[] truncated(byte[] json) {
    byte[] whole = frame(4 + json.length + 100, json.length, json);
    return java.util.Arrays.copyOf(whole, whole.length - 3);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void badFrameClosesOnlyThatConnection(String name, byte[] input, boolean keepOutputOpen)
      throws Exception {
    int before = goodCalls.get();
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(200);
      socket.getOutputStream().write(input);
      socket.getOutputStream().flush();
      if (!keepOutputOpen) {
        socket.shutdownOutput();
      }
      assertThat(readsEndOfStreamWithin(socket.getInputStream(), Duration.ofSeconds(5)))
          .as("server closed the connection after %s", name)
          .isTrue();
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> goodCalls.get() >= before + 20);
    assertThat(failedCalls.get()).as("failure: %s", firstFailure.get()).isZero();
  }

  private static boolean readsEndOfStreamWithin(InputStream in, Duration limit) throws IOException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        int b = in.read();
        if (b == -1) {
          return true;
        }
      } catch (SocketTimeoutException e) {
        // still open: poll again until the deadline
      }
    }
    return false;
  }
}
