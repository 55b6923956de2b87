package io.kitemq.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitemq.remoting.protocol.CommandCodec;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.ResponseCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Processors registered to run on the I/O thread: every request is answered from the thread that
 * read it, answers to requests read together leave in one write, and an answer completed later by
 * another thread is not held back.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class InlineDispatchTest {

  private static final int WHO = 1;
  private static final int LATER = 2;

  private ScheduledExecutorService timer;
  private RemotingServer server;
  private RemotingClient client;
  private String address;

  @BeforeEach
  void start() {
    timer = Executors.newSingleThreadScheduledExecutor();
    server =
        new RemotingServer(
            RemotingServerConfig.builder().host("127.0.0.1").port(0).build(),
            new ConnectionListener() {});
    // Answers with the name of the thread it ran on.
    server.registerOnIoThread(
        WHO,
        RequestProcessor.of(
            (ch, req) ->
                RemotingCommand.createResponse(
                    ResponseCode.SUCCESS, Thread.currentThread().getName())));
    // Answers 100 ms later, from the timer's thread.
    server.registerOnIoThread(
        LATER,
        (ch, req) -> {
          CompletableFuture<RemotingCommand> answer = new CompletableFuture<>();
          timer.schedule(
              () -> answer.complete(RemotingCommand.createResponse(ResponseCode.SUCCESS, "later")),
              100,
              TimeUnit.MILLISECONDS);
          return answer;
        });
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
    timer.shutdownNow();
  }

  @Test
  void aLoneRequestIsAnsweredFromTheIoThread() throws Exception {
    for (int i = 0; i < 5; i++) {
      RemotingCommand answer = client.invokeSync(address, RemotingCommand.createRequest(WHO), 5000);
      assertThat(answer.code()).isEqualTo(ResponseCode.SUCCESS.code());
      assertThat(answer.remark()).startsWith("remoting-server-io-");
    }
  }

  @Test
  void requestsReadTogetherAreAnsweredInOrderInOneWrite() throws Exception {
    int n = 20;
    ByteArrayOutputStream frames = new ByteArrayOutputStream();
    List<Integer> sent = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      RemotingCommand request = RemotingCommand.createRequest(WHO);
      sent.add(request.opaque());
      ByteBuf buf = CommandCodec.encodeHeaderFrame(request, ByteBufAllocator.DEFAULT);
      byte[] bytes = new byte[buf.readableBytes()];
      buf.readBytes(bytes);
      buf.release();
      frames.write(bytes);
    }
    List<Integer> answered = new ArrayList<>();
    List<String> threads = new ArrayList<>();
    try (Socket socket = connect()) {
      // One write: the server reads the frames in one go.
      socket.getOutputStream().write(frames.toByteArray());
      socket.getOutputStream().flush();
      // The answers were flushed once, after that read: the first read here returns all of them.
      byte[] chunk = new byte[1 << 16];
      int got = socket.getInputStream().read(chunk);
      DataInputStream in =
          new DataInputStream(new ByteArrayInputStream(chunk, 0, Math.max(got, 0)));
      while (in.available() > 0) {
        int length = in.readInt();
        int headerWord = in.readInt();
        byte[] header = new byte[headerWord & 0xFFFFFF];
        in.readFully(header);
        in.readFully(new byte[length - 4 - header.length]);
        String json = new String(header, StandardCharsets.UTF_8);
        answered.add(Integer.parseInt(field(json, "opaque")));
        threads.add(field(json, "remark"));
      }
    }
    assertThat(answered).isEqualTo(sent);
    assertThat(threads).allMatch(t -> t.startsWith("remoting-server-io-"));
  }

  @Test
  void anAnswerCompletedLaterByAnotherThreadIsFlushed() throws Exception {
    RemotingCommand answer = client.invokeSync(address, RemotingCommand.createRequest(LATER), 5000);
    assertThat(answer.code()).isEqualTo(ResponseCode.SUCCESS.code());
    assertThat(answer.remark()).isEqualTo("later");
  }

  private Socket connect() throws Exception {
    String host = address.substring(0, address.indexOf(':'));
    int port = Integer.parseInt(address.substring(address.indexOf(':') + 1));
    Socket socket = new Socket(host, port);
    socket.setSoTimeout(10_000);
    return socket;
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
