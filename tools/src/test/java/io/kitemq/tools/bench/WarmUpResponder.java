package io.kitemq.tools.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.header.SendMessageResponseHeader;

/**
 * A loopback peer that answers the official client's requests with fixed answers (a route query:
 * topic not found; a send: stored at offset 0), so the client's connection, encoding and decoding
 * code can run once before a measurement. One connection at a time, on its own daemon thread.
 */
final class WarmUpResponder implements AutoCloseable {

  private final ServerSocket server;
  private final Thread thread;

  private WarmUpResponder(ServerSocket server) {
    this.server = server;
    this.thread = new Thread(this::serve, "kite-bench-warm-up");
    thread.setDaemon(true);
  }

  static WarmUpResponder start() throws IOException {
    WarmUpResponder responder =
        new WarmUpResponder(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
    responder.thread.start();
    return responder;
  }

  String address() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        while (true) {
          byte[] frame = new byte[in.readInt()];
          in.readFully(frame);
          RemotingCommand request = RemotingCommand.decode(ByteBuffer.wrap(frame));
          RemotingCommand response = answer(request);
          response.setOpaque(request.getOpaque());
          ByteBuffer encoded = response.encode();
          out.write(encoded.array(), encoded.arrayOffset(), encoded.remaining());
          out.flush();
        }
      } catch (IOException e) {
        // the client closed the connection, or close() closed the server socket
      } catch (Exception e) {
        throw new IllegalStateException("the warm-up responder cannot read a request", e);
      }
    }
  }

  private static RemotingCommand answer(RemotingCommand request) {
    if (request.getCode() == RequestCode.GET_ROUTEINFO_BY_TOPIC) {
      return RemotingCommand.createResponseCommand(ResponseCode.TOPIC_NOT_EXIST, "warm-up");
    }
    SendMessageResponseHeader header = new SendMessageResponseHeader();
    header.setMsgId("7F00000100002A9F0000000000000000");
    header.setQueueId(0);
    header.setQueueOffset(0L);
    RemotingCommand response =
        RemotingCommand.createResponseCommandWithHeader(ResponseCode.SUCCESS, header);
    response.makeCustomHeaderToNet();
    return response;
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
