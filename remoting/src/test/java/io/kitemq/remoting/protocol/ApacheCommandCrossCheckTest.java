package io.kitemq.remoting.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random commands encoded by the official rocketmq-remoting 5.5.0 decode to the same fields here,
 * and ours decode to the same fields there, for both serializations; where the key order is
 * deterministic (at most one extFields entry) the frames are byte-identical. Time is bounded by the
 * number of tries.
 */
class ApacheCommandCrossCheckTest {

  static {
    System.setProperty("rocketmq.remoting.version", "479");
  }

  /** The fields both implementations carry, in a neutral form. */
  record Fields(
      int code,
      int language,
      int version,
      int opaque,
      int flag,
      String remark,
      Map<String, String> extFields,
      byte[] body) {}

  @Provide
  Arbitrary<Fields> commands() {
    Arbitrary<String> text =
        Arbitraries.oneOf(
            Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(20),
            Arbitraries.strings().withCharRange('\u0100', '\ud7ff').ofMaxLength(10),
            Arbitraries.of("\uD83D\uDE00 emoji", "TopicTest", "a\u0001b\u0002", "\"\\/"));
    Arbitrary<String> keys = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12);
    Arbitrary<Map<String, String>> ext =
        Arbitraries.maps(Arbitraries.oneOf(keys, text.filter(s -> !s.isEmpty())), text)
            .ofMaxSize(6)
            .injectNull(0.2);
    return Combinators.combine(
            Arbitraries.integers().between(Short.MIN_VALUE, Short.MAX_VALUE),
            Arbitraries.integers().between(0, 13),
            Arbitraries.integers().between(0, Short.MAX_VALUE),
            Arbitraries.integers(),
            Arbitraries.oneOf(Arbitraries.of(0, 1, 2, 3), Arbitraries.integers()),
            text.injectNull(0.3),
            ext,
            Arbitraries.bytes().array(byte[].class).ofMaxSize(64).injectNull(0.3))
        .as(Fields::new);
  }

  @Property(tries = 400)
  void apacheEncodesOursDecodes(@ForAll("commands") Fields f, @ForAll boolean binary)
      throws Exception {
    org.apache.rocketmq.remoting.protocol.RemotingCommand theirs = toApache(f, binary);
    ByteBuffer encoded = theirs.encode();
    ByteBuf frame = Unpooled.wrappedBuffer(encoded);
    assertThat(frame.readInt()).isEqualTo(frame.readableBytes());
    RemotingCommand ours = CommandCodec.decodeFrame(frame);

    assertThat(ours.serializeType())
        .isEqualTo(binary ? SerializeType.ROCKETMQ : SerializeType.JSON);
    assertThat(fieldsOf(ours)).usingRecursiveComparison().isEqualTo(expected(f, binary));
  }

  @Property(tries = 400)
  void oursEncodesApacheDecodes(@ForAll("commands") Fields f, @ForAll boolean binary)
      throws Exception {
    byte[] frame = encodeOurs(toOurs(f, binary));
    org.apache.rocketmq.remoting.protocol.RemotingCommand theirs =
        org.apache.rocketmq.remoting.protocol.RemotingCommand.decode(
            Unpooled.wrappedBuffer(frame, 4, frame.length - 4));

    assertThat(theirs.getSerializeTypeCurrentRPC().name()).isEqualTo(binary ? "ROCKETMQ" : "JSON");
    assertThat(fieldsOf(theirs)).usingRecursiveComparison().isEqualTo(expected(f, binary));
  }

  @Property(tries = 400)
  void framesAreByteIdenticalWhenKeyOrderIsDeterministic(
      @ForAll("commands") Fields f, @ForAll boolean binary) {
    if (f.extFields() != null && f.extFields().size() > 1) {
      return;
    }
    byte[] theirs = ByteBufUtil.getBytes(Unpooled.wrappedBuffer(toApache(f, binary).encode()));
    byte[] ours = encodeOurs(toOurs(f, binary));
    assertThat(ByteBufUtil.hexDump(ours)).isEqualTo(ByteBufUtil.hexDump(theirs));
  }

  static byte[] encodeOurs(RemotingCommand cmd) {
    ByteBuf header = CommandCodec.encodeHeaderFrame(cmd, ByteBufAllocator.DEFAULT);
    try {
      byte[] body = cmd.body() == null ? new byte[0] : cmd.body();
      byte[] frame = new byte[header.readableBytes() + body.length];
      header.readBytes(frame, 0, header.readableBytes());
      System.arraycopy(body, 0, frame, frame.length - body.length, body.length);
      return frame;
    } finally {
      header.release();
    }
  }

  static RemotingCommand toOurs(Fields f, boolean binary) {
    return new RemotingCommand()
        .setCode(f.code())
        .setLanguage(LanguageCode.fromCode(f.language()))
        .setVersion(f.version())
        .setOpaque(f.opaque())
        .setFlag(f.flag())
        .setRemark(f.remark())
        .setExtFields(f.extFields() == null ? null : new HashMap<>(f.extFields()))
        .setBody(f.body())
        .setSerializeType(binary ? SerializeType.ROCKETMQ : SerializeType.JSON);
  }

  static org.apache.rocketmq.remoting.protocol.RemotingCommand toApache(Fields f, boolean binary) {
    org.apache.rocketmq.remoting.protocol.RemotingCommand cmd =
        org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(f.code(), null);
    cmd.setLanguage(
        org.apache.rocketmq.remoting.protocol.LanguageCode.valueOf((byte) f.language()));
    cmd.setVersion(f.version());
    cmd.setOpaque(f.opaque());
    cmd.setFlag(f.flag());
    cmd.setRemark(f.remark());
    cmd.setExtFields(f.extFields() == null ? null : new HashMap<>(f.extFields()));
    cmd.setBody(f.body());
    cmd.setSerializeTypeCurrentRPC(
        binary
            ? org.apache.rocketmq.remoting.protocol.SerializeType.ROCKETMQ
            : org.apache.rocketmq.remoting.protocol.SerializeType.JSON);
    return cmd;
  }

  /** What a receiver sees: binary drops empty strings; no body and no extFields normalise. */
  static Fields expected(Fields f, boolean binary) {
    Map<String, String> ext = null;
    if (f.extFields() != null) {
      ext = new HashMap<>(f.extFields());
      if (binary) {
        ext.values().removeIf(String::isEmpty);
      }
      if (ext.isEmpty()) {
        ext = null;
      }
    }
    String remark = binary && "".equals(f.remark()) ? null : f.remark();
    byte[] body = f.body() == null || f.body().length == 0 ? null : f.body();
    return new Fields(f.code(), f.language(), f.version(), f.opaque(), f.flag(), remark, ext, body);
  }

  static Fields fieldsOf(RemotingCommand c) {
    Map<String, String> ext =
        c.extFields() == null || c.extFields().isEmpty() ? null : c.extFields();
    return new Fields(
        c.code(),
        c.language().code(),
        c.version(),
        c.opaque(),
        c.flag(),
        c.remark(),
        ext,
        c.body());
  }

  static Fields fieldsOf(org.apache.rocketmq.remoting.protocol.RemotingCommand c) {
    Map<String, String> ext = null;
    if (c.getExtFields() != null) {
      ext = new HashMap<>(c.getExtFields());
      ext.values().removeIf(v -> v == null);
      if (ext.isEmpty()) {
        ext = null;
      }
    }
    byte[] body = c.getBody() == null || c.getBody().length == 0 ? null : c.getBody();
    return new Fields(
        c.getCode(),
        c.getLanguage().getCode(),
        c.getVersion(),
        c.getOpaque(),
        c.getFlag(),
        c.getRemark(),
        ext,
        body);
  }
}
