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

/**
 * The JSON header encoder's direct path for ASCII headers writes exactly the bytes of its Jackson
 * path, escapes included, and headers with other characters still come out as Jackson writes them.
 */
class JsonHeaderEncodePropertyTest {

  @Provide
  Arbitrary<RemotingCommand> commands() {
    Arbitrary<String> text =
        Arbitraries.oneOf(
            Arbitraries.strings().alpha().numeric().withChars("_-.:;,% ").ofMaxLength(24),
            Arbitraries.strings()
                .withChars('a', 'Z', '"', '\\', '/', '\u0001', '\u0002', '\n', '\t', '\b', '\f')
                .withChars('\r', '\u001f', '\u007f', 'é', '中')
                .ofMaxLength(8));
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
