package io.kitemq.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitemq.remoting.protocol.CommandCodec;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.ResponseCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A processor registered to run inline when alone: a request alone on its connection is answered
 * from the I/O thread, requests read back to back go to the executor, and each gets its answer.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class InlineDispatchTest {

  private static final int WHO = 1;

  private ExecutorService workers;
  private RemotingServer server;
  private RemotingClient client;
  private String address;

  @BeforeEach
  void start() {
    workers = BoundedExecutors.newBoundedExecutor("inline-test-worker-", 2, 100);
    server =
        new RemotingServer(
            RemotingServerConfig.builder().host("127.0.0.1").port(0).build(),
            new ConnectionListener() {});
    // Answers with the name of the thread it ran on.
    server.registerProcessor(
        WHO,
        RequestProcessor.of(
            (ch, req) ->
                RemotingCommand.createResponse(
                    ResponseCode.SUCCESS, Thread.currentThread().getName())),
        workers,
        true);
    address = "127.0.0.1:" + server.start();
    client = new RemotingClient(RemotingClientConfig.defaults());
  }

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
    workers.shutdownNow();
  }

  @Test
  void aLoneRequestIsAnsweredFromTheIoThread() throws Exception {
    for (int i = 0; i < 5; i++) {
      RemotingCommand answer = client.invokeSync(address, RemotingCommand.createRequest(WHO), 5000);
      assertThat(answer.code()).isEqualTo(ResponseCode.SUCCESS.code());
      assertThat(answer.remark()).doesNotStartWith("inline-test-worker-");
    }
  }

  @Test
  void requestsWrittenBackToBackAreWorkedOnByTheExecutorAndAllAnswered() throws Exception {
    int n = 20;
    ByteArrayOutputStream frames = new ByteArrayOutputStream();
    for (int i = 0; i < n; i++) {
      RemotingCommand request = RemotingCommand.createRequest(WHO);
      ByteBuf buf = CommandCodec.encodeHeaderFrame(request, ByteBufAllocator.DEFAULT);
      byte[] bytes = new byte[buf.readableBytes()];
      buf.readBytes(bytes);
      buf.release();
      frames.write(bytes);
    }
    String host = address.substring(0, address.indexOf(':'));
    int port = Integer.parseInt(address.substring(address.indexOf(':') + 1));
    Map<String, String> threadByOpaque = new HashMap<>();
    try (Socket socket = new Socket(host, port)) {
      socket.setSoTimeout(10_000);
      // One write: the server reads the frames together, so all but the last have bytes behind.
      socket.getOutputStream().write(frames.toByteArray());
      socket.getOutputStream().flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      for (int i = 0; i < n; i++) {
        int length = in.readInt();
        int headerWord = in.readInt();
        byte[] header = new byte[headerWord & 0xFFFFFF];
        in.readFully(header);
        in.readFully(new byte[length - 4 - header.length]);
        String json = new String(header, StandardCharsets.UTF_8);
        threadByOpaque.put(field(json, "opaque"), field(json, "remark"));
      }
    }
    assertThat(threadByOpaque).hasSize(n);
    assertThat(threadByOpaque.values()).anyMatch(t -> t.startsWith("inline-test-worker-"));
  }

  /** A field's raw value in a flat JSON header (numbers and strings without escapes). */
  private static String field(String json, String name) {
    int at = json.indexOf("\"" + name + "\":");
    int from = at + name.length() + 3;
    if (json.charAt(from) == '"') {
      return json.substring(from + 1, json.indexOf('"', from + 1));
    }
    int end = from;
    while (end < json.length() && Character.isDigit(json.charAt(end))) {
      end++;
    }
    return json.substring(from, end);
  }
}
