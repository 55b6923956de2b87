package io.kitemq.common.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The byte-level parser agrees with parsing the decoded string (RocketMQ's way) on any bytes,
 * malformed UTF-8 included.
 */
class MessagePropertiesPropertyTest {

  @Provide
  Arbitrary<byte[]> encodedish() {
    return Arbitraries.of(
            (byte) 1,
            (byte) 2,
            (byte) 'a',
            (byte) 'b',
            (byte) 0xC3,
            (byte) 0xA9,
            (byte) 0xE4,
            (byte) 0xB8,
            (byte) 0xAD,
            (byte) 0xF0,
            (byte) 0x9F,
            (byte) 0x80,
            (byte) 0xFF)
        .array(byte[].class)
        .ofMaxSize(40);
  }

  @Property(tries = 1000)
  void byteParserMatchesStringParser(@ForAll("encodedish") byte[] bytes) {
    var expected = MessageProperties.decode(new String(bytes, StandardCharsets.UTF_8));
    assertThat(MessageProperties.decode(bytes, 0, bytes.length)).containsExactlyEntriesOf(expected);
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length + 2);
    direct.position(2);
    direct.put(bytes);
    assertThat(MessageProperties.decode(direct, 2, bytes.length))
        .containsExactlyEntriesOf(expected);
    for (String key : expected.keySet()) {
      assertThat(MessageProperties.find(direct, 2, bytes.length, key)).isEqualTo(expected.get(key));
    }
  }

  @Provide
  Arbitrary<Map<String, String>> propertyMaps() {
    Arbitrary<String> text =
        Arbitraries.strings()
            .withChars('a', 'Z', '\u0001', '\u0002', 'é', '中', '\uD83D')
            .ofMaxLength(6);
    return Arbitraries.maps(text, text.injectNull(0.1)).ofMaxSize(5).map(LinkedHashMap::new);
  }

  @Property(tries = 1000)
  void bytesEncoderMatchesTheStringEncoder(@ForAll("propertyMaps") Map<String, String> props) {
    byte[] viaString;
    try {
      viaString = MessageProperties.encode(props).getBytes(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException refused) {
      assertThatThrownBy(() -> MessageProperties.encodeToBytes(props))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(refused.getMessage());
      return;
    }
    assertThat(MessageProperties.encodeToBytes(props)).isEqualTo(viaString);
  }
}
