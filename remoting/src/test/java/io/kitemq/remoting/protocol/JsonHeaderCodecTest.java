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
class JsonHeaderCodecTest {

  private static RemotingCommand decode(String json) throws RemotingCommandException {
    ByteBuf buf = Unpooled.copiedBuffer(json, StandardCharsets.UTF_8);
    try {
      return JsonHeaderCodec.decode(buf, buf.readableBytes());
    } finally {
      buf.release();
    }
  }

  @Test
  void responseEncodesExactlyAsFastjsonWritesIt() {
    RemotingCommand response =
        RemotingCommand.createResponse(ResponseCode.SUCCESS, "ok").setOpaque(5);
    assertThat(new String(JsonHeaderCodec.encode(response), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"code\":0,\"flag\":1,\"language\":\"JAVA\",\"opaque\":5,\"remark\":\"ok\","
                + "\"serializeTypeCurrentRPC\":\"JSON\",\"version\":479}");
  }

  @Test
  void onewayRequestEncodesExactlyAsFastjsonWritesIt() {
    RemotingCommand oneway =
        RemotingCommand.createRequest(RequestCode.HEART_BEAT).setOpaque(2).markOneway();
    assertThat(new String(JsonHeaderCodec.encode(oneway), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"code\":34,\"flag\":2,\"language\":\"JAVA\",\"opaque\":2,"
                + "\"serializeTypeCurrentRPC\":\"JSON\",\"version\":479}");
  }

  @Test
  void controlCharactersInValuesAreEscapedAndReadBack() throws Exception {
    HashMap<String, String> ext = new HashMap<>();
    ext.put("i", "KEYS\u0001k1\u0002UNIQ_KEY\u0001AB\u0002\"quoted\"\\");
    RemotingCommand cmd = RemotingCommand.createRequest(310).setExtFields(ext);
    String json = new String(JsonHeaderCodec.encode(cmd), StandardCharsets.UTF_8);
    assertThat(json).contains("KEYS\\u0001k1\\u0002").contains("\\\"quoted\\\"\\\\");
    assertThat(decode(json).extFields()).isEqualTo(ext);
  }

  @Test
  void languageIsReadByNameOrOrdinalAndUnknownNamesFallBackToOther() throws Exception {
    assertThat(decode("{\"code\":1,\"language\":\"GO\"}").language()).isEqualTo(LanguageCode.GO);
    assertThat(decode("{\"code\":1,\"language\":12}").language()).isEqualTo(LanguageCode.RUST);
    assertThat(decode("{\"code\":1,\"language\":\"COBOL\"}").language())
        .isEqualTo(LanguageCode.OTHER);
  }

  @Test
  void numericAndBooleanExtFieldValuesBecomeStrings() throws Exception {
    RemotingCommand cmd =
        decode("{\"code\":11,\"extFields\":{\"queueId\":3,\"offset\":12.5,\"b\":true,\"n\":null}}");
    assertThat(cmd.extFields()).isEqualTo(Map.of("queueId", "3", "offset", "12.5", "b", "true"));
  }

  @Test
  void unknownKeysAndAbsentSerializeTypeAreTolerated() throws Exception {
    RemotingCommand cmd =
        decode(
            "{\"future\":{\"x\":[1,2,{\"y\":3}]},\"opaque\":77,\"flag\":1,\"code\":17,"
                + "\"version\":\"401\",\"remark\":\"r\u00e9\",\"other\":[]}");
    assertThat(cmd.code()).isEqualTo(17);
    assertThat(cmd.opaque()).isEqualTo(77);
    assertThat(cmd.isResponse()).isTrue();
    assertThat(cmd.version()).isEqualTo(401);
    assertThat(cmd.remark()).isEqualTo("r\u00e9");
    assertThat(cmd.extFields()).isNull();
  }

  @Test
  void garbageIsATypedError() {
    assertThatThrownBy(() -> decode("not json")).isInstanceOf(RemotingCommandException.class);
    assertThatThrownBy(() -> decode("[1,2]")).isInstanceOf(RemotingCommandException.class);
    assertThatThrownBy(() -> decode("{\"code\":1,\"extFields\":{\"a\":"))
        .isInstanceOf(RemotingCommandException.class);
    assertThatThrownBy(() -> decode("{\"code\":\"x\"}"))
        .isInstanceOf(RemotingCommandException.class);
    assertThatThrownBy(() -> decode("{\"code\":1,\"extFields\":{\"a\":{\"b\":1}}}"))
        .isInstanceOf(RemotingCommandException.class);
  }
}
