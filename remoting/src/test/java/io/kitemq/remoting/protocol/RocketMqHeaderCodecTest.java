package io.kitemq.remoting.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RocketMqHeaderCodecTest {

  private static RemotingCommand roundTrip(RemotingCommand cmd) throws RemotingCommandException {
    ByteBuf buf = Unpooled.buffer();
    try {
      int length = RocketMqHeaderCodec.encode(cmd, buf);
      assertThat(buf.readableBytes()).isEqualTo(length);
      return RocketMqHeaderCodec.decode(buf, length);
    } finally {
      buf.release();
    }
  }

  @Test
  void allFieldsSurviveIncludingUnicodeAndNegativeShorts() throws Exception {
    HashMap<String, String> ext = new HashMap<>();
    ext.put("k\u00e9y", "v\u4e2d\u6587\uD83D\uDE00");
    ext.put("a", "1");
    RemotingCommand cmd =
        new RemotingCommand()
            .setCode(-2)
            .setLanguage(LanguageCode.NODE_JS)
            .setVersion(479)
            .setOpaque(-12345)
            .setFlag(3)
            .setRemark("r\u00e9mark")
            .setExtFields(ext);

    RemotingCommand back = roundTrip(cmd);
    assertThat(back.code()).isEqualTo(-2);
    assertThat(back.language()).isEqualTo(LanguageCode.NODE_JS);
    assertThat(back.version()).isEqualTo(479);
    assertThat(back.opaque()).isEqualTo(-12345);
    assertThat(back.flag()).isEqualTo(3);
    assertThat(back.remark()).isEqualTo("r\u00e9mark");
    assertThat(back.extFields()).isEqualTo(ext);
  }

  @Test
  void emptyStringsReadAsNull() throws Exception {
    HashMap<String, String> ext = new HashMap<>();
    ext.put("empty", "");
    ext.put("kept", "x");
    RemotingCommand back = roundTrip(new RemotingCommand().setRemark("").setExtFields(ext));
    assertThat(back.remark()).isNull();
    assertThat(back.extFields()).isEqualTo(Map.of("kept", "x"));
  }

  @Test
  void noExtFieldsReadsAsNull() throws Exception {
    assertThat(roundTrip(new RemotingCommand().setExtFields(new HashMap<>())).extFields()).isNull();
  }

  @Test
  void lengthsBeyondTheHeaderAreRejected() {
    ByteBuf buf = Unpooled.buffer();
    buf.writeShort(1).writeByte(0).writeShort(0).writeInt(1).writeInt(0);
    buf.writeInt(1000).writeCharSequence("abc", StandardCharsets.UTF_8);
    buf.writeInt(0);
    int length = buf.readableBytes();
    assertThatThrownBy(() -> RocketMqHeaderCodec.decode(buf, length))
        .isInstanceOf(RemotingCommandException.class)
        .hasMessageContaining("out of bounds");
    buf.release();
  }

  @Test
  void negativeExtFieldsLengthIsRejected() {
    ByteBuf buf = Unpooled.buffer();
    buf.writeShort(1).writeByte(0).writeShort(0).writeInt(1).writeInt(0).writeInt(0);
    buf.writeInt(-5);
    int length = buf.readableBytes();
    assertThatThrownBy(() -> RocketMqHeaderCodec.decode(buf, length))
        .isInstanceOf(RemotingCommandException.class);
    buf.release();
  }

  @Test
  void unknownLanguageByteFallsBackToOther() throws Exception {
    ByteBuf buf = Unpooled.buffer();
    buf.writeShort(1).writeByte(99).writeShort(0).writeInt(1).writeInt(0).writeInt(0).writeInt(0);
    assertThat(RocketMqHeaderCodec.decode(buf, buf.readableBytes()).language())
        .isEqualTo(LanguageCode.OTHER);
    buf.release();
  }
}
