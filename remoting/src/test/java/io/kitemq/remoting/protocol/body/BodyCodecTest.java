package io.kitemq.remoting.protocol.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class BodyCodecTest {

  @Test
  void unquotedNumericKeysBecomeQuoted() {
    assertThat(FastjsonText.toStandardJson("{\"brokerAddrs\":{0:\"a\", 1 :\"b\"}}"))
        .isEqualTo("{\"brokerAddrs\":{\"0\":\"a\", \"1\" :\"b\"}}");
  }

  @Test
  void objectKeysBecomeStringsHoldingTheirJson() {
    assertThat(FastjsonText.toStandardJson("{{\"q\":\"x\\\"y\",\"n\":{1:2}}:5,\"k\":[{}]}"))
        .isEqualTo("{\"{\\\"q\\\":\\\"x\\\\\\\"y\\\",\\\"n\\\":{\\\"1\\\":2}}\":5,\"k\":[{}]}");
  }

  @Test
  void stringsThatLookLikeStructureAreLeftAlone() {
    String json = "{\"a\":\"{0:1}\",\"b\":[\"x,{\",\"]\"],\"c\":{}}";
    assertThat(FastjsonText.toStandardJson(json)).isEqualTo(json);
  }

  @Test
  void missingFieldsTakeDefaultsAndUnknownFieldsAreIgnored() throws Exception {
    TopicList list =
        BodyCodec.decode("{\"whatever\":[1,2],\"topicList\":[\"B\",\"A\"]}", TopicList.class);
    assertThat(list).isEqualTo(new TopicList(Set.of("A", "B")));
    assertThat(BodyCodec.decode("{}", KvTable.class).table()).isEmpty();
    assertThat(BodyCodec.decode("{}", TopicRouteData.class).queueDatas()).isEmpty();
  }

  @Test
  void nullsAreOmittedAndNonAsciiIsUtf8() {
    byte[] json = BodyCodec.encode(new TopicList(Set.of("t\u00e9"), null));
    assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo("{\"topicList\":[\"t\u00e9\"]}");
    assertThat(BodyCodec.encodeToString(new KvTable(Map.of("b", "2", "a", "1"))))
        .isEqualTo("{\"table\":{\"a\":\"1\",\"b\":\"2\"}}");
  }

  @Test
  void malformedBodiesAreTypedErrors() {
    assertThatThrownBy(() -> BodyCodec.decode("{\"topicList\":", TopicList.class))
        .isInstanceOf(BodyCodecException.class)
        .hasMessageContaining("TopicList");
    assertThatThrownBy(() -> BodyCodec.decode((byte[]) null, TopicList.class))
        .isInstanceOf(BodyCodecException.class);
    assertThatThrownBy(() -> RegisterBrokerBody.decode(new byte[] {0x78, (byte) 0x9c, 1, 2}, false))
        .isInstanceOf(BodyCodecException.class);
    assertThatThrownBy(
            () ->
                BodyCodec.decode(
                    "{\"topicConfigTable\":{\"T\":{\"perm\":99}},\"dataVersion\":{}}",
                    TopicConfigSerializeWrapper.class))
        .isInstanceOf(BodyCodecException.class)
        .hasMessageContaining("perm");
  }
}
