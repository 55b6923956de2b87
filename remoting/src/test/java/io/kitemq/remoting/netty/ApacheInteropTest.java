package io.kitemq.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.SerializeType;
import io.kitemq.remoting.protocol.header.GetMaxOffsetRequestHeader;
import io.kitemq.remoting.protocol.header.GetMaxOffsetResponseHeader;
import io.netty.channel.ChannelHandlerContext;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.netty.NettyRemotingServer;
import org.apache.rocketmq.remoting.netty.NettyRequestProcessor;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The official rocketmq-remoting 5.5.0 client and server as judges: their client calls our server
 * and our client calls their server, in both serializations.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ApacheInteropTest {

  static {
    System.setProperty("rocketmq.remoting.version", "479");
  }

  private static final int GET_MAX_OFFSET = 30;

  private final ExecutorService workers = BoundedExecutors.newBoundedExecutor("interop-", 2, 100);
  private RemotingServer ourServer;
  private RemotingClient ourClient;
  private NettyRemotingServer theirServer;
  private NettyRemotingClient theirClient;

  @AfterEach
  void stop() {
    if (theirClient != null) {
      theirClient.shutdown();
    }
    if (theirServer != null) {
      theirServer.shutdown();
    }
    if (ourClient != null) {
      ourClient.close();
    }
    if (ourServer != null) {
      ourServer.close();
    }
    workers.shutdownNow();
  }

  @ParameterizedTest
  @EnumSource(SerializeType.class)
  void officialClientCallsOurServer(SerializeType type) throws Exception {
    ourServer = new RemotingServer(RemotingServerConfig.builder().host("127.0.0.1").build());
    ourServer.registerProcessor(
        GET_MAX_OFFSET,
        RequestProcessor.of(
            (ch, req) -> {
              GetMaxOffsetRequestHeader h =
                  GetMaxOffsetRequestHeader.fromExtFields(req.extFields());
              return RemotingCommand.createResponse(ResponseCode.SUCCESS, h.topic())
                  .writeHeader(new GetMaxOffsetResponseHeader(1000L + h.queueId()))
                  .setBody(req.body());
            }),
        workers);
    int port = ourServer.start();
    theirClient = new NettyRemotingClient(new NettyClientConfig());
    theirClient.start();

    org.apache.rocketmq.remoting.protocol.header.GetMaxOffsetRequestHeader header =
        new org.apache.rocketmq.remoting.protocol.header.GetMaxOffsetRequestHeader();
    header.setTopic("TopicTest");
    header.setQueueId(3);
    org.apache.rocketmq.remoting.protocol.RemotingCommand request =
        org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(
            GET_MAX_OFFSET, header);
    request.setSerializeTypeCurrentRPC(apache(type));
    request.setBody("b\u00f6dy".getBytes(StandardCharsets.UTF_8));

    org.apache.rocketmq.remoting.protocol.RemotingCommand response =
        theirClient.invokeSync("127.0.0.1:" + port, request, 5000);

    assertThat(response.getCode()).isZero();
    assertThat(response.getRemark()).isEqualTo("TopicTest");
    assertThat(response.getSerializeTypeCurrentRPC()).isEqualTo(apache(type));
    org.apache.rocketmq.remoting.protocol.header.GetMaxOffsetResponseHeader decoded =
        response.decodeCommandCustomHeader(
            org.apache.rocketmq.remoting.protocol.header.GetMaxOffsetResponseHeader.class);
    assertThat(decoded.getOffset()).isEqualTo(1003L);
    assertThat(new String(response.getBody(), StandardCharsets.UTF_8)).isEqualTo("b\u00f6dy");

    org.apache.rocketmq.remoting.protocol.RemotingCommand unknown =
        org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(4242, null);
    unknown.setSerializeTypeCurrentRPC(apache(type));
    org.apache.rocketmq.remoting.protocol.RemotingCommand notSupported =
        theirClient.invokeSync("127.0.0.1:" + port, unknown, 5000);
    assertThat(notSupported.getCode()).isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED.code());
  }

  @ParameterizedTest
  @EnumSource(SerializeType.class)
  void ourClientCallsTheOfficialServer(SerializeType type) throws Exception {
    NettyServerConfig config = new NettyServerConfig();
    config.setBindAddress("127.0.0.1");
    config.setListenPort(0);
    theirServer = new NettyRemotingServer(config);
    theirServer.registerProcessor(
        GET_MAX_OFFSET,
        new NettyRequestProcessor() {
          @Override
          public org.apache.rocketmq.remoting.protocol.RemotingCommand processRequest(
              ChannelHandlerContext ctx, org.apache.rocketmq.remoting.protocol.RemotingCommand req)
              throws Exception {
            org.apache.rocketmq.remoting.protocol.header.GetMaxOffsetRequestHeader h =
                req.decodeCommandCustomHeader(
                    org.apache.rocketmq.remoting.protocol.header.GetMaxOffsetRequestHeader.class);
            org.apache.rocketmq.remoting.protocol.RemotingCommand response =
                org.apache.rocketmq.remoting.protocol.RemotingCommand.createResponseCommand(
                    org.apache.rocketmq.remoting.protocol.header.GetMaxOffsetResponseHeader.class);
            ((org.apache.rocketmq.remoting.protocol.header.GetMaxOffsetResponseHeader)
                    response.readCustomHeader())
                .setOffset(2000L + h.getQueueId());
            response.setCode(0);
            response.setRemark(h.getTopic() + "/" + h.isCommitted());
            response.setBody(req.getBody());
            return response;
          }

          @Override
          public boolean rejectRequest() {
            return false;
          }
        },
        workers);
    theirServer.start();
    ourClient = new RemotingClient(RemotingClientConfig.defaults());

    RemotingCommand request =
        RemotingCommand.createRequest(
                GET_MAX_OFFSET, new GetMaxOffsetRequestHeader("TopicTest", 5, false))
            .setSerializeType(type)
            .setBody(new byte[] {7, 7});
    RemotingCommand response =
        ourClient.invokeSync("127.0.0.1:" + theirServer.localListenPort(), request, 5000);

    assertThat(response.code()).isZero();
    assertThat(response.opaque()).isEqualTo(request.opaque());
    assertThat(response.remark()).isEqualTo("TopicTest/false");
    assertThat(GetMaxOffsetResponseHeader.fromExtFields(response.extFields()).offset())
        .isEqualTo(2005L);
    assertThat(response.body()).containsExactly(7, 7);
  }

  private static org.apache.rocketmq.remoting.protocol.SerializeType apache(SerializeType type) {
    return type == SerializeType.JSON
        ? org.apache.rocketmq.remoting.protocol.SerializeType.JSON
        : org.apache.rocketmq.remoting.protocol.SerializeType.ROCKETMQ;
  }
}
