package io.kitemq.remoting.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitemq.remoting.netty.FrameDecoder;
import io.kitemq.remoting.netty.FrameEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FrameGoldenBytesTest {

  /** The JSON request of remoting-frame.md section 1 (code 105, version 0, 129-byte header). */
  private static final String GOLDEN_JSON =
      "{\"code\":105,\"extFields\":{\"topic\":\"TopicTest\"},\"flag\":0,\"language\":\"JAVA\","
          + "\"opaque\":0,\"serializeTypeCurrentRPC\":\"JSON\",\"version\":0}";

  /** The ROCKETMQ request of remoting-frame.md section 5 (code 105, opaque 7). */
  private static final String GOLDEN_BINARY_HEX =
      ("0000002d 01000029 0069 00 0000 00000007 00000000 00000000 00000014"
              + " 0005 746f706963 00000009 546f70696354657374")
          .replace(" ", "");

  private final EmbeddedChannel channel =
      new EmbeddedChannel(new FrameDecoder(16 * 1024 * 1024), new FrameEncoder());

  @AfterEach
  void close() {
    channel.finishAndReleaseAll();
  }

  private static RemotingCommand routeRequest(int opaque, SerializeType type) {
    HashMap<String, String> ext = new HashMap<>();
    ext.put("topic", "TopicTest");
    return new RemotingCommand()
        .setCode(RequestCode.GET_ROUTEINFO_BY_TOPIC)
        .setVersion(0)
        .setOpaque(opaque)
        .setExtFields(ext)
        .setSerializeType(type);
  }

  private byte[] writeOutbound(RemotingCommand cmd) {
    assertThat(channel.writeOutbound(cmd)).isTrue();
    ByteBuf all = Unpooled.buffer();
    ByteBuf part;
    while ((part = channel.readOutbound()) != null) {
      all.writeBytes(part);
      part.release();
    }
    byte[] bytes = ByteBufUtil.getBytes(all);
    all.release();
    return bytes;
  }

  @Test
  void jsonRequestEncodesToTheDocumentedBytes() {
    byte[] bytes = writeOutbound(routeRequest(0, SerializeType.JSON));

    byte[] header = GOLDEN_JSON.getBytes(StandardCharsets.UTF_8);
    assertThat(header).hasSize(129);
    assertThat(ByteBufUtil.hexDump(bytes, 0, 8)).isEqualTo("0000008500000081");
    assertThat(new String(bytes, 8, bytes.length - 8, StandardCharsets.UTF_8))
        .isEqualTo(GOLDEN_JSON);
  }

  @Test
  void jsonGoldenFrameDecodes() {
    ByteBuf frame = Unpooled.buffer();
    frame.writeInt(4 + 129).writeInt(129).writeCharSequence(GOLDEN_JSON, StandardCharsets.UTF_8);
    assertThat(channel.writeInbound(frame)).isTrue();
    RemotingCommand cmd = channel.readInbound();

    assertThat(cmd.code()).isEqualTo(105);
    assertThat(cmd.version()).isZero();
    assertThat(cmd.opaque()).isZero();
    assertThat(cmd.flag()).isZero();
    assertThat(cmd.language()).isEqualTo(LanguageCode.JAVA);
    assertThat(cmd.extFields()).isEqualTo(Map.of("topic", "TopicTest"));
    assertThat(cmd.remark()).isNull();
    assertThat(cmd.body()).isNull();
    assertThat(cmd.serializeType()).isEqualTo(SerializeType.JSON);
  }

  @Test
  void binaryRequestEncodesToTheDocumentedBytes() {
    byte[] bytes = writeOutbound(routeRequest(7, SerializeType.ROCKETMQ));
    assertThat(ByteBufUtil.hexDump(bytes)).isEqualTo(GOLDEN_BINARY_HEX);
  }

  @Test
  void binaryGoldenFrameDecodes() {
    assertThat(
            channel.writeInbound(
                Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(GOLDEN_BINARY_HEX))))
        .isTrue();
    RemotingCommand cmd = channel.readInbound();

    assertThat(cmd.code()).isEqualTo(105);
    assertThat(cmd.opaque()).isEqualTo(7);
    assertThat(cmd.version()).isZero();
    assertThat(cmd.language()).isEqualTo(LanguageCode.JAVA);
    assertThat(cmd.remark()).isNull();
    assertThat(cmd.extFields()).isEqualTo(Map.of("topic", "TopicTest"));
    assertThat(cmd.serializeType()).isEqualTo(SerializeType.ROCKETMQ);
  }

  @Test
  void byteArrayBodyFollowsTheHeaderAndIsCountedInTheLength() {
    RemotingCommand cmd = routeRequest(1, SerializeType.ROCKETMQ).setBody(new byte[] {9, 8, 7});
    byte[] bytes = writeOutbound(cmd);
    assertThat(ByteBufUtil.hexDump(bytes, 0, 4)).isEqualTo("00000030");
    assertThat(ByteBufUtil.hexDump(bytes, bytes.length - 3, 3)).isEqualTo("090807");

    channel.writeInbound(Unpooled.wrappedBuffer(bytes));
    RemotingCommand back = channel.readInbound();
    assertThat(back.body()).containsExactly(9, 8, 7);
  }

  @Test
  void byteBufBodyIsSentWithoutCopyAndReleasedAfterTheWrite() {
    ByteBuf body = Unpooled.directBuffer(4).writeBytes(new byte[] {1, 2, 3, 4});
    RemotingCommand cmd = routeRequest(2, SerializeType.JSON).setBody(body);
    assertThat(channel.writeOutbound(cmd)).isTrue();

    ByteBuf header = channel.readOutbound();
    ByteBuf sentBody = channel.readOutbound();
    assertThat(sentBody).isSameAs(body);
    assertThat(header.getInt(0)).isEqualTo(4 + (header.getInt(4) & 0xFFFFFF) + 4);
    header.release();
    sentBody.release();
    assertThat(body.refCnt()).isZero();
  }

  @Test
  void byteBufBodyOfACommandWrittenToAClosedChannelIsReleased() {
    ByteBuf body = Unpooled.directBuffer(4).writeInt(42);
    channel.close();
    ChannelFuture write = channel.writeAndFlush(routeRequest(3, SerializeType.JSON).setBody(body));
    assertThat(write.isSuccess()).isFalse();
    assertThat(body.refCnt()).isZero();
  }
}
