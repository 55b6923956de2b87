package io.kitemq.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitemq.remoting.protocol.RemotingCommand;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FrameDecoderBadInputTest {

  private final EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(1024));

  @AfterEach
  void close() {
    channel.finishAndReleaseAll();
  }

  private void assertClosedWithoutOutput(ByteBuf input) {
    channel.writeInbound(input);
    channel.checkException();
    assertThat(channel.isOpen()).isFalse();
    assertThat(channel.inboundMessages()).isEmpty();
  }

  @Test
  void negativeLengthClosesTheChannel() {
    assertClosedWithoutOutput(Unpooled.buffer().writeInt(-1).writeInt(0));
  }

  @Test
  void lengthOverTheMaximumClosesTheChannel() {
    assertClosedWithoutOutput(Unpooled.buffer().writeInt(1025).writeInt(0));
  }

  @Test
  void headerLengthBeyondTheFrameClosesTheChannel() {
    assertClosedWithoutOutput(Unpooled.buffer().writeInt(8).writeInt(5).writeInt(0));
  }

  @Test
  void frameTooShortForTheHeaderWordClosesTheChannel() {
    assertClosedWithoutOutput(Unpooled.buffer().writeInt(2).writeShort(0));
  }

  @Test
  void garbageJsonClosesTheChannel() {
    byte[] garbage = "{\"code\":1,,,}".getBytes(StandardCharsets.UTF_8);
    assertClosedWithoutOutput(
        Unpooled.buffer()
            .writeInt(4 + garbage.length)
            .writeInt(garbage.length)
            .writeBytes(garbage));
  }

  @Test
  void unknownSerializationTypeClosesTheChannel() {
    byte[] json = "{\"code\":1}".getBytes(StandardCharsets.UTF_8);
    assertClosedWithoutOutput(
        Unpooled.buffer()
            .writeInt(4 + json.length)
            .writeInt((7 << 24) | json.length)
            .writeBytes(json));
  }

  @Test
  void bytesAfterABadFrameAreNotDecoded() {
    byte[] json = "{\"code\":1}".getBytes(StandardCharsets.UTF_8);
    ByteBuf input = Unpooled.buffer().writeInt(8).writeInt(5).writeInt(0);
    input.writeInt(4 + json.length).writeInt(json.length).writeBytes(json);
    assertClosedWithoutOutput(input);
  }

  @Test
  void goodFramesSplitAcrossReadsDecode() {
    byte[] json = "{\"code\":12,\"opaque\":3}".getBytes(StandardCharsets.UTF_8);
    ByteBuf frame = Unpooled.buffer().writeInt(4 + json.length + 2).writeInt(json.length);
    frame.writeBytes(json).writeShort(0x0102);
    channel.writeInbound(frame.readRetainedSlice(5));
    assertThat(channel.inboundMessages()).isEmpty();
    channel.writeInbound(frame);
    RemotingCommand cmd = channel.readInbound();
    assertThat(cmd.code()).isEqualTo(12);
    assertThat(cmd.opaque()).isEqualTo(3);
    assertThat(cmd.body()).containsExactly(1, 2);
    assertThat(channel.isOpen()).isTrue();
  }
}
