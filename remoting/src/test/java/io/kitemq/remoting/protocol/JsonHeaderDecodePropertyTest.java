package io.kitemq.remoting.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The compact header reader agrees with Jackson on every header: on what the encoders write, and on
 * JSON texts of any shape (whitespace, odd numbers, escapes, unknown keys, nulls, truncation),
 * where it either gives Jackson's answer or declines so that Jackson's answer, or its error,
 * stands.
 */
class JsonHeaderDecodePropertyTest {

  @Provide
  Arbitrary<RemotingCommand> commands() {
    return new JsonHeaderEncodePropertyTest().commands();
  }

  @Property(tries = 1500)
  void readsWhatTheEncoderWritesAsJacksonDoes(@ForAll("commands") RemotingCommand cmd)
      throws Exception {
    ByteBuf encoded = Unpooled.buffer();
    try {
      int n = JsonHeaderCodec.encode(cmd, encoded);
      RemotingCommand viaJackson = JsonHeaderCodec.decodeWithJackson(encoded.slice(), n);
      RemotingCommand decoded = JsonHeaderCodec.decode(encoded, n);

      assertThat(describe(decoded)).isEqualTo(describe(viaJackson));
      assertThat(encoded.readableBytes()).isZero();
    } finally {
      encoded.release();
    }
  }

  @Provide
  Arbitrary<String> headerTexts() {
    Arbitrary<String> ws = Arbitraries.of("", "", "", " ", "\n");
    Arbitrary<String> key =
        Arbitraries.of(
            "code",
            "flag",
            "opaque",
            "version",
            "language",
            "remark",
            "extFields",
            "serializeTypeCurrentRPC",
            "other",
            "a",
            "b",
            "",
            "\"",
            "\\u0063ode",
            "\\\"",
            "\u007f",
            "é",
            "codex");
    Arbitrary<String> scalar =
        Arbitraries.of(
            "0",
            "7",
            "-3",
            "01",
            "-0",
            "2147483647",
            "2147483648",
            "-2147483649",
            "99999999999",
            "1.5",
            "1e3",
            "null",
            "true",
            "\"JAVA\"",
            "\"GO\"",
            "\"x\\u0041y\"",
            "\"\\u00e9\"",
            "\"\\ud83d\\ude00\"",
            "\"a\\\"b\\\\c\\/d\\n\\t\\b\\f\\r\"",
            "\"\u0001\u0002\"",
            "\"é\"",
            "\"12\"",
            "\"\\q\"",
            "[1,2]",
            "{}");
    Arbitrary<String> pair =
        net.jqwik.api.Combinators.combine(key, ws, scalar, ws)
            .as((k, w1, v, w2) -> "\"" + k + "\"" + w1 + ":" + w2 + v);
    Arbitrary<String> ext =
        pair.list().ofMaxSize(4).map(ps -> "\"extFields\":{" + String.join(",", ps) + "}");
    Arbitrary<String> member = Arbitraries.oneOf(pair, pair, ext);
    return Combinators2.texts(member, ws);
  }

  /** Builds objects of members with optional whitespace, sometimes truncated or trailed. */
  static final class Combinators2 {
    static Arbitrary<String> texts(Arbitrary<String> member, Arbitrary<String> ws) {
      return net.jqwik.api.Combinators.combine(
              member.list().ofMaxSize(8), ws, Arbitraries.integers().between(0, 40))
          .as(
              (List<String> ms, String w, Integer cut) -> {
                String text = w + "{" + String.join("," + w, ms) + "}";
                if (cut == 0) {
                  return text.substring(0, text.length() / 2);
                }
                return cut == 1 ? text + "x" : text;
              });
    }
  }

  @Property(tries = 3000)
  void agreesWithJacksonOnAnyText(@ForAll("headerTexts") String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    String viaJackson;
    try {
      viaJackson =
          describe(JsonHeaderCodec.decodeWithJackson(Unpooled.wrappedBuffer(bytes), bytes.length));
    } catch (RemotingCommandException e) {
      viaJackson = "error";
    }
    String decoded;
    try {
      decoded = describe(JsonHeaderCodec.decode(Unpooled.wrappedBuffer(bytes), bytes.length));
    } catch (RemotingCommandException e) {
      decoded = "error";
    }
    assertThat(decoded).as(text).isEqualTo(viaJackson);
  }

  private static String describe(RemotingCommand c) {
    return c.code()
        + "|"
        + c.flag()
        + "|"
        + c.opaque()
        + "|"
        + c.version()
        + "|"
        + c.language()
        + "|"
        + c.remark()
        + "|"
        + c.serializeType()
        + "|"
        // a map's content, not the order one implementation happens to iterate it in
        + (c.extFields() == null ? null : new TreeMap<>(c.extFields()));
  }
}
