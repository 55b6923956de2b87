package io.kitemq.remoting.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.arbitraries.StringArbitrary;

/**
 * The JSON header encoder's direct path for ASCII headers writes exactly the bytes of its Jackson
 * path, escapes included, and headers with other characters still come out as Jackson writes them.
 */
class JsonHeaderEncodePropertyTest {

  @Provide
  Arbitrary<RemotingCommand> commands() {
    Arbitrary<String> text =
        Arbitraries.oneOf(
            Arbitraries.strings().alpha().numeric().withChars("_-.:;,% ").ofMaxLength(64),
            escapes().withChars('é', '中').ofMaxLength(8),
            // ASCII and long enough for the encoder's bulk path
            escapes().ofMinLength(64).ofMaxLength(160),
            longWithOneSpecial());
    Arbitrary<HashMap<String, String>> ext =
        Arbitraries.maps(text, text).ofMaxSize(12).map(HashMap::new).injectNull(0.2);
    Arbitrary<Integer> ints = Arbitraries.integers();
    return Combinators.combine(
            ints,
            ints,
            ints,
            ints,
            Arbitraries.of(LanguageCode.values()),
            text.injectNull(0.5),
            ext)
        .as(
            (code, flag, opaque, version, language, remark, fields) ->
                new RemotingCommand()
                    .setCode(code)
                    .setFlag(flag)
                    .setOpaque(opaque)
                    .setVersion(version)
                    .setLanguage(language)
                    .setRemark(remark)
                    .setExtFields(fields));
  }

  /**
   * A long plain string with one character that needs an escape (or none: '/', DEL, space,
   * neighbours of the escaped).
   */
  private static Arbitrary<String> longWithOneSpecial() {
    return Combinators.combine(
            Arbitraries.strings().alpha().numeric().ofMinLength(64).ofMaxLength(160),
            Arbitraries.of(
                '"', '\\', '/', '\u0001', '\n', '\u001f', '\u007f', ' ', '!', '#', '[', ']'),
            Arbitraries.integers().between(0, 160))
        .as(
            (s, c, at) -> {
              int i = at % (s.length() + 1);
              return s.substring(0, i) + c + s.substring(i);
            });
  }

  private static StringArbitrary escapes() {
    return Arbitraries.strings()
        .withChars('a', 'Z', '"', '\\', '/', '\u0001', '\u0002', '\n', '\t', '\b', '\f')
        .withChars('\r', '\u001f', '\u007f');
  }

  @Property(tries = 2000)
  void writesWhatJacksonWrites(@ForAll("commands") RemotingCommand cmd) throws Exception {
    ByteBuf direct = Unpooled.buffer();
    ByteBuf jackson = Unpooled.buffer();
    try {
      int n = JsonHeaderCodec.encode(cmd, direct);
      int m = JsonHeaderCodec.encodeWithJackson(cmd, jackson);

      assertThat(ByteBufUtil.getBytes(direct)).isEqualTo(ByteBufUtil.getBytes(jackson));
      assertThat(n).isEqualTo(m).isEqualTo(direct.readableBytes());
      RemotingCommand back = JsonHeaderCodec.decode(direct, n);
      assertThat(back.code()).isEqualTo(cmd.code());
      assertThat(back.opaque()).isEqualTo(cmd.opaque());
      assertThat(back.remark()).isEqualTo(cmd.remark());
      Map<String, String> ext = cmd.extFields();
      assertThat(back.extFields()).isEqualTo(ext);
    } finally {
      direct.release();
      jackson.release();
    }
  }
}
