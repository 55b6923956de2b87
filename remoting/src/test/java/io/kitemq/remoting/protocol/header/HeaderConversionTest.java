package io.kitemq.remoting.protocol.header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RemotingCommandException;
import io.kitemq.remoting.protocol.RequestCode;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HeaderConversionTest {

  private static Map<String, String> realV2Fields() {
    Map<String, String> m = new HashMap<>();
    m.put("a", "PG");
    m.put("b", "TopicTest");
    m.put("c", "TBW102");
    m.put("d", "4");
    m.put("e", "2");
    m.put("f", "0");
    m.put("g", "1700000000000");
    m.put("h", "0");
    m.put("i", "KEYS\u0001key1 key2\u0002WAIT\u0001true\u0002TAGS\u0001TagA\u0002");
    m.put("j", "0");
    m.put("k", "false");
    m.put("m", "false");
    m.put("n", "broker-a");
    return m;
  }

  @Test
  void realV2HeaderReadsAndConvertsToTheLongForm() throws Exception {
    SendMessageRequestHeaderV2 v2 = SendMessageRequestHeaderV2.fromExtFields(realV2Fields());
    SendMessageRequestHeader v1 = v2.toV1();

    assertThat(v1.producerGroup()).isEqualTo("PG");
    assertThat(v1.topic()).isEqualTo("TopicTest");
    assertThat(v1.defaultTopic()).isEqualTo("TBW102");
    assertThat(v1.defaultTopicQueueNums()).isEqualTo(4);
    assertThat(v1.queueId()).isEqualTo(2);
    assertThat(v1.sysFlag()).isZero();
    assertThat(v1.bornTimestamp()).isEqualTo(1_700_000_000_000L);
    assertThat(v1.flag()).isZero();
    assertThat(v1.properties()).startsWith("KEYS\u0001key1 key2\u0002");
    assertThat(v1.reconsumeTimes()).isZero();
    assertThat(v1.unitMode()).isFalse();
    assertThat(v1.batch()).isFalse();
    assertThat(v1.maxReconsumeTimes()).isNull();
    assertThat(v1.rpc().bname()).isEqualTo("broker-a");
  }

  @Test
  void longFormConvertsBackToTheSameShortKeys() throws Exception {
    SendMessageRequestHeaderV2 v2 = SendMessageRequestHeaderV2.fromExtFields(realV2Fields());
    SendMessageRequestHeaderV2 back = SendMessageRequestHeaderV2.fromV1(v2.toV1());
    assertThat(back).isEqualTo(v2);
    assertThat(back.toExtFields()).isEqualTo(realV2Fields());
  }

  @Test
  void longFormKeysAreTheFieldNames() {
    SendMessageRequestHeader v1 =
        new SendMessageRequestHeader(
            "PG",
            "T",
            "TBW102",
            4,
            1,
            0,
            5L,
            0,
            null,
            3,
            null,
            true,
            16,
            RpcHeader.ofBrokerName("b1"));
    assertThat(v1.toExtFields())
        .containsOnlyKeys(
            "producerGroup",
            "topic",
            "defaultTopic",
            "defaultTopicQueueNums",
            "queueId",
            "sysFlag",
            "bornTimestamp",
            "flag",
            "reconsumeTimes",
            "batch",
            "maxReconsumeTimes",
            "bname")
        .containsEntry("batch", "true")
        .containsEntry("bornTimestamp", "5");
  }

  @Test
  void missingRequiredFieldNamesTheField() {
    Map<String, String> fields = realV2Fields();
    fields.remove("g");
    assertThatThrownBy(() -> SendMessageRequestHeaderV2.fromExtFields(fields))
        .isInstanceOf(RemotingCommandException.class)
        .hasMessage("the custom field <g> is null")
        .extracting(e -> ((RemotingCommandException) e).field())
        .isEqualTo("g");
  }

  @Test
  void malformedNumberNamesTheField() {
    Map<String, String> fields = realV2Fields();
    fields.put("e", "two");
    assertThatThrownBy(() -> SendMessageRequestHeaderV2.fromExtFields(fields))
        .isInstanceOf(RemotingCommandException.class)
        .hasMessageContaining("<e>");
  }

  @Test
  void defaultsApplyWhenOptionalPrimitivesAreAbsent() throws Exception {
    GetMaxOffsetRequestHeader h =
        GetMaxOffsetRequestHeader.fromExtFields(Map.of("topic", "T", "queueId", "1"));
    assertThat(h.committed()).isTrue();
    assertThat(h.toExtFields()).containsEntry("committed", "true");

    RegisterBrokerRequestHeader r =
        RegisterBrokerRequestHeader.fromExtFields(
            Map.of(
                "brokerName",
                "b",
                "brokerAddr",
                "1.2.3.4:10911",
                "clusterName",
                "c",
                "haServerAddr",
                "1.2.3.4:10912",
                "brokerId",
                "0"));
    assertThat(r.compressed()).isFalse();
    assertThat(r.bodyCrc32()).isZero();
    assertThat(r.toExtFields())
        .containsEntry("compressed", "false")
        .containsEntry("bodyCrc32", "0");
  }

  @Test
  void boundaryTypeReadsCaseInsensitively() throws Exception {
    Map<String, String> m = new HashMap<>(Map.of("topic", "T", "queueId", "0", "timestamp", "9"));
    assertThat(SearchOffsetRequestHeader.fromExtFields(m).boundaryType()).isNull();
    m.put("boundaryType", "upper");
    assertThat(SearchOffsetRequestHeader.fromExtFields(m).boundaryType())
        .isEqualTo(BoundaryType.UPPER);
    m.put("boundaryType", "LOWER");
    assertThat(SearchOffsetRequestHeader.fromExtFields(m).boundaryType())
        .isEqualTo(BoundaryType.LOWER);
  }

  @Test
  void requestCarriesTheHeaderInItsExtFields() throws Exception {
    PullMessageRequestHeader pull =
        new PullMessageRequestHeader(
            "G",
            "T",
            1,
            100L,
            32,
            3,
            90L,
            15000L,
            null,
            1L,
            "TAG",
            262144,
            null,
            null,
            RpcHeader.ofBrokerName("broker-a"));
    RemotingCommand cmd = RemotingCommand.createRequest(RequestCode.PULL_MESSAGE, pull);
    assertThat(PullMessageRequestHeader.fromExtFields(cmd.extFields())).isEqualTo(pull);
    assertThat(cmd.extFields()).containsEntry("bname", "broker-a").doesNotContainKey("ns");
  }
}
