package io.kitemq.common.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MessagePropertiesTest {

  private static final char NV = '\u0001';
  private static final char PS = '\u0002';

  @Test
  void encodesEveryPairWithATrailingSeparatorInInsertionOrder() {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("TAGS", "tagA");
    props.put("KEYS", "k1 k2");
    props.put("skipped", null);
    props.put("ünï", "çødé");
    assertThat(MessageProperties.encode(props))
        .isEqualTo(
            "TAGS" + NV + "tagA" + PS + "KEYS" + NV + "k1 k2" + PS + "ünï" + NV + "çødé" + PS);
    assertThat(MessageProperties.encodeToBytes(props))
        .isEqualTo(MessageProperties.encode(props).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void appendingPairsAtOnceEqualsAppendingThemOneByOne() {
    byte[] unterminated = ("TAGS" + NV + "a").getBytes(StandardCharsets.UTF_8);
    for (byte[] start :
        new byte[][] {new byte[0], unterminated, MessageProperties.pair("K", "v")}) {
      byte[] oneByOne = MessageProperties.append(start, "MSG_REGION", "DefaultRegion");
      oneByOne = MessageProperties.append(oneByOne, "UNIQ_KEY", "çødé");
      byte[] atOnce =
          MessageProperties.appendPairs(
              start,
              MessageProperties.pair("MSG_REGION", "DefaultRegion"),
              null,
              MessageProperties.pair("UNIQ_KEY", "çødé"));
      assertThat(atOnce).isEqualTo(oneByOne);
      assertThat(MessageProperties.decode(new String(atOnce, StandardCharsets.UTF_8)))
          .containsEntry("MSG_REGION", "DefaultRegion")
          .containsEntry("UNIQ_KEY", "çødé");
    }
    assertThat(MessageProperties.appendPairs(unterminated, null, null)).isSameAs(unterminated);
    assertThatThrownBy(() -> MessageProperties.pair("K", "a" + PS))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSuffixAfterARangeEqualsAppendingToACopyOfTheRange() {
    byte[] region = MessageProperties.pair("MSG_REGION", "DefaultRegion");
    for (String props : new String[] {"", "TAGS" + NV + "a", "K" + NV + "v" + PS}) {
      byte[] inside = ("<<" + props + ">>").getBytes(StandardCharsets.UTF_8);
      int from = 2;
      int to = inside.length - 2;
      byte[] suffix = MessageProperties.suffixPairs(inside, from, to, null, region);
      byte[] expected =
          MessageProperties.appendPairs(Arrays.copyOfRange(inside, from, to), null, region);
      byte[] joined = new byte[to - from + suffix.length];
      System.arraycopy(inside, from, joined, 0, to - from);
      System.arraycopy(suffix, 0, joined, to - from, suffix.length);
      assertThat(joined).as(props).isEqualTo(expected);
      assertThat(MessageProperties.suffixPairs(inside, from, to, null, null)).isNull();
    }
  }

  @Test
  void emptyOrNullMapEncodesToNothing() {
    assertThat(MessageProperties.encode(Map.of())).isEmpty();
    assertThat(MessageProperties.encode(null)).isEmpty();
  }

  @Test
  void parsingKeepsOnlySegmentsWithANonEmptyNameAndValue() {
    String s =
        "a"
            + NV
            + "1"
            + PS // kept
            + NV
            + "noname"
            + PS // empty name: dropped
            + "novalue"
            + NV
            + PS // empty value: dropped
            + "nosep"
            + PS // no separator: dropped
            + PS // empty segment
            + "b"
            + NV
            + "x"
            + NV
            + "y"
            + PS // value holds the second \u0001
            + "c"
            + NV
            + "last"; // no trailing separator: still kept
    assertThat(MessageProperties.decode(s))
        .containsExactly(
            Map.entry("a", "1"), Map.entry("b", "x" + NV + "y"), Map.entry("c", "last"));
  }

  @Test
  void laterDuplicateWins() {
    String s = "k" + NV + "first" + PS + "k" + NV + "second" + PS;
    assertThat(MessageProperties.decode(s)).containsExactly(Map.entry("k", "second"));
    assertThat(MessageProperties.find(s, "k")).isEqualTo("second");
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    assertThat(MessageProperties.find(b, 0, b.length, "k")).isEqualTo("second");
  }

  @Test
  void findLooksOneKeyUpInBytesAtAnOffset() {
    byte[] encoded =
        MessageProperties.encodeToBytes(
            new LinkedHashMap<>(Map.of("UNIQ_KEY", "ABC", "TAGS", "t", "KEYS", "k1 k2")));
    ByteBuffer direct = ByteBuffer.allocateDirect(encoded.length + 10);
    direct.position(10);
    direct.put(encoded);
    assertThat(MessageProperties.find(direct, 10, encoded.length, "KEYS")).isEqualTo("k1 k2");
    assertThat(MessageProperties.find(direct, 10, encoded.length, "UNIQ_KEY")).isEqualTo("ABC");
    assertThat(MessageProperties.find(direct, 10, encoded.length, "TAG")).isNull();
    assertThat(MessageProperties.find(direct, 10, encoded.length, "TAGSX")).isNull();
    assertThat(MessageProperties.find(direct, 10, 0, "TAGS")).isNull();
  }

  @Test
  void findHandlesNonAsciiNames() {
    byte[] b = ("名前" + NV + "値" + PS).getBytes(StandardCharsets.UTF_8);
    assertThat(MessageProperties.find(b, 0, b.length, "名前")).isEqualTo("値");
  }

  @Test
  void encodeRefusesWhatCouldNotBeParsedBack() {
    assertThatThrownBy(() -> MessageProperties.encode(Map.of("a" + NV, "v")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("separator");
    assertThatThrownBy(() -> MessageProperties.encode(Map.of("a", "v" + PS)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MessageProperties.encode(Map.of("", "v")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MessageProperties.encode(Map.of("a", "")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void appendAddsAPairAndRepairsAMissingTrailingSeparator() {
    byte[] withSep = ("a" + NV + "1" + PS).getBytes(StandardCharsets.UTF_8);
    byte[] withoutSep = ("a" + NV + "1").getBytes(StandardCharsets.UTF_8);
    String expected = "a" + NV + "1" + PS + "CLUSTER" + NV + "c1" + PS;
    assertThat(
            new String(MessageProperties.append(withSep, "CLUSTER", "c1"), StandardCharsets.UTF_8))
        .isEqualTo(expected);
    assertThat(
            new String(
                MessageProperties.append(withoutSep, "CLUSTER", "c1"), StandardCharsets.UTF_8))
        .isEqualTo(expected);
    assertThat(new String(MessageProperties.append(new byte[0], "k", "v"), StandardCharsets.UTF_8))
        .isEqualTo("k" + NV + "v" + PS);
  }

  @Test
  void decodeFromBytesAgreesWithDecodeFromString() {
    String s = "TAGS" + NV + "日本" + PS + "x" + NV + "y" + PS;
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    assertThat(MessageProperties.decode(b, 0, b.length)).isEqualTo(MessageProperties.decode(s));
    assertThat(MessageProperties.decode(ByteBuffer.wrap(b), 0, b.length))
        .isEqualTo(MessageProperties.decode(s));
  }

  @Test
  void encodeToBytesFindsASeparatorAtEveryPositionOfNameAndValue() {
    for (char sep :
        new char[] {MessageConst.NAME_VALUE_SEPARATOR, MessageConst.PROPERTY_SEPARATOR}) {
      for (int len = 1; len <= 25; len++) {
        for (int at = 0; at < len; at++) {
          char[] chars = new char[len];
          Arrays.fill(chars, 'k');
          chars[at] = sep;
          String bad = new String(chars);
          assertThatThrownBy(() -> MessageProperties.encodeToBytes(Map.of("name", bad)))
              .as("value of %d chars, separator %d at %d", len, (int) sep, at)
              .isInstanceOf(IllegalArgumentException.class);
          assertThatThrownBy(() -> MessageProperties.encodeToBytes(Map.of(bad, "value")))
              .as("name of %d chars, separator %d at %d", len, (int) sep, at)
              .isInstanceOf(IllegalArgumentException.class);
        }
      }
    }
  }

  @Test
  void encodeToBytesKeepsBytesNextToTheSeparatorsAndMultiByteCharacters() {
    // 0x00, 0x03, 0x7f, 0x81 (inside \u0101 and \u0201 in UTF-8) and \u0102 sit next to the
    // separators
    // in value or bit pattern; none of them is one.
    String value = "\u0000\u0003\u007f\u0101\u0201\u0102-uniq-0123456789abcdef\u0000\u0003";
    for (int len = 1; len <= value.length(); len++) {
      String v = value.substring(0, len);
      byte[] encoded = MessageProperties.encodeToBytes(Map.of("n", v));
      assertThat(new String(encoded, StandardCharsets.UTF_8)).isEqualTo("n\u0001" + v + "\u0002");
    }
  }

  @Test
  void aGeneratedUniqueIdIsSetOnceAndKeptAfterwards() {
    Message m = new Message("T", new byte[] {1});
    UniqueIdGenerator.getDefault().assignIfAbsent(m);
    String first = m.getUniqueId();
    assertThat(first).matches("[0-9A-F]+");
    UniqueIdGenerator.getDefault().assignIfAbsent(m);
    assertThat(m.getUniqueId()).isEqualTo(first);
    Message own = new Message("T", new byte[] {1});
    own.setUniqueId("mine");
    UniqueIdGenerator.getDefault().assignIfAbsent(own);
    assertThat(own.getUniqueId()).isEqualTo("mine");
  }
}
