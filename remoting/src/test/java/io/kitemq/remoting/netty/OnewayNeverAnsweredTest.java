package io.kitemq.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitemq.remoting.protocol.CommandCodec;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.ResponseCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Over a raw socket: oneway requests that succeed, fail or name an unknown code are followed by a
 * normal request; processors run on one thread in arrival order, so if any oneway request were
 * answered, its answer would be the first frame read back.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OnewayNeverAnsweredTest {

  private final ExecutorService single = BoundedExecutors.newBoundedExecutor("oneway-", 1, 100);
  private RemotingServer server;
  private int port;

  @BeforeEach
  void start() {
    server = new RemotingServer(RemotingServerConfig.builder().host("127.0.0.1").build());
    server.registerProcessor(
        1,
        RequestProcessor.of(
            (ch, req) -> RemotingCommand.createResponse(ResponseCode.SUCCESS, "answered")),
        single);
    server.registerProcessor(
        2,
        RequestProcessor.of(
            (ch, req) -> {
              throw new IllegalStateException("fails");
            }),
        single);
    port = server.start();
  }

  @AfterEach
  void stop() {
    server.close();
    single.shutdownNow();
  }

  @Test
  void onlyTheNormalRequestIsAnswered() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(frame(RemotingCommand.createRequest(1).markOneway()));
      out.write(frame(RemotingCommand.createRequest(2).markOneway()));
      out.write(frame(RemotingCommand.createRequest(777).markOneway()));
      RemotingCommand normal = RemotingCommand.createRequest(1);
      out.write(frame(normal));
      out.flush();

      DataInputStream in = new DataInputStream(socket.getInputStream());
      int length = in.readInt();
      byte[] rest = new byte[length];
      in.readFully(rest);
      RemotingCommand first = CommandCodec.decodeFrame(Unpooled.wrappedBuffer(rest));

      assertThat(first.isResponse()).isTrue();
      assertThat(first.opaque()).isEqualTo(normal.opaque());
      assertThat(first.remark()).isEqualTo("answered");
    }
  }

  private static byte[] frame(RemotingCommand cmd) {
    ByteBuf buf = CommandCodec.encodeHeaderFrame(cmd, ByteBufAllocator.DEFAULT);
    try {
      byte[] bytes = new byte[buf.readableBytes()];
      buf.readBytes(bytes);
      return bytes;
    } finally {
      buf.release();
    }
  }
}
