package io.kitemq.remoting.protocol.body;

import static org.assertj.core.api.Assertions.assertThat;

import com.alibaba.fastjson2.JSONWriter;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.kitemq.common.topic.TopicConfig;
import io.kitemq.common.topic.TopicFilterType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.RemotingSerializable;
import org.apache.rocketmq.remoting.protocol.body.ResetOffsetBody;
import org.apache.rocketmq.remoting.protocol.body.TopicConfigAndMappingSerializeWrapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Body classes against the official 5.5.0 ones: what their fastjson writes (default and
 * browser-compatible encodings, plain and compressed register bodies) we decode to the expected
 * values, and what we write their classes decode to equal values.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ApacheBodyCrossCheckTest {

  static {
    System.setProperty("rocketmq.remoting.version", "479");
  }

  private static final QueueData QUEUE_A = new QueueData("broker-a", 4, 8, 6, 0);
  private static final QueueData QUEUE_B = new QueueData("broker-b", 2, 2, 4, 3);
  private static final BrokerData BROKER_A =
      new BrokerData(
          "DefaultCluster", "broker-a", Map.of(0L, "10.0.0.1:10911", 1L, "10.0.0.2:10911"));
  private static final BrokerData BROKER_B =
      new BrokerData("OtherCluster", "broker-b", Map.of(0L, "10.0.0.3:10911"), true, "zone-1");

  @Test
  void theirTopicRouteDataDecodesInBothEncodings() throws Exception {
    org.apache.rocketmq.remoting.protocol.route.TopicRouteData theirs = theirRoute();
    TopicRouteData expected =
        new TopicRouteData(
            "broker-a:8", List.of(QUEUE_A, QUEUE_B), List.of(BROKER_A, BROKER_B), Map.of());

    String plain = new String(theirs.encode(), StandardCharsets.UTF_8);
    assertThat(plain).contains("{0:\"10.0.0.1:10911\"");
    assertThat(BodyCodec.decode(plain, TopicRouteData.class)).isEqualTo(expected);

    byte[] standard =
        theirs.encode(new JSONWriter.Feature[] {JSONWriter.Feature.BrowserCompatible});
    assertThat(new String(standard, StandardCharsets.UTF_8)).contains("{\"0\":\"10.0.0.1:10911\"");
    assertThat(BodyCodec.decode(standard, TopicRouteData.class)).isEqualTo(expected);
  }

  @Test
  void ourTopicRouteDataDecodesToAnEqualOfficialOne() {
    TopicRouteData ours =
        new TopicRouteData(
            "broker-a:8", List.of(QUEUE_A, QUEUE_B), List.of(BROKER_A, BROKER_B), Map.of());
    org.apache.rocketmq.remoting.protocol.route.TopicRouteData decoded =
        RemotingSerializable.decode(
            BodyCodec.encode(ours),
            org.apache.rocketmq.remoting.protocol.route.TopicRouteData.class);
    assertThat(decoded).isEqualTo(theirRoute());
    assertThat(decoded.getBrokerDatas().get(1).getZoneName()).isEqualTo("zone-1");
    assertThat(decoded.getBrokerDatas().get(1).isEnableActingMaster()).isTrue();
  }

  @Test
  void ourRouteJsonHasFastjsonShape() {
    TopicRouteData ours = new TopicRouteData(List.of(QUEUE_A), List.of(BROKER_A));
    assertThat(BodyCodec.encodeToString(ours))
        .isEqualTo(
            "{\"brokerDatas\":[{\"brokerAddrs\":{\"0\":\"10.0.0.1:10911\",\"1\":\"10.0.0.2:10911\"},"
                + "\"brokerName\":\"broker-a\",\"cluster\":\"DefaultCluster\","
                + "\"enableActingMaster\":false}],\"filterServerTable\":{},"
                + "\"queueDatas\":[{\"brokerName\":\"broker-a\",\"perm\":6,\"readQueueNums\":4,"
                + "\"topicSysFlag\":0,\"writeQueueNums\":8}]}");
  }

  @Test
  void clusterInfoRoundTripsBothWays() throws Exception {
    org.apache.rocketmq.remoting.protocol.body.ClusterInfo theirs =
        new org.apache.rocketmq.remoting.protocol.body.ClusterInfo();
    theirs.setBrokerAddrTable(
        new HashMap<>(
            Map.of("broker-a", theirBroker(BROKER_A), "broker-b", theirBroker(BROKER_B))));
    theirs.setClusterAddrTable(
        new HashMap<>(
            Map.of(
                "DefaultCluster", new HashSet<>(Set.of("broker-a")),
                "OtherCluster", new HashSet<>(Set.of("broker-b")))));
    ClusterInfo expected =
        new ClusterInfo(
            Map.of("broker-a", BROKER_A, "broker-b", BROKER_B),
            Map.of("DefaultCluster", Set.of("broker-a"), "OtherCluster", Set.of("broker-b")));

    assertThat(BodyCodec.decode(theirs.encode(), ClusterInfo.class)).isEqualTo(expected);
    assertThat(
            RemotingSerializable.decode(
                BodyCodec.encode(expected),
                org.apache.rocketmq.remoting.protocol.body.ClusterInfo.class))
        .isEqualTo(theirs);
  }

  @Test
  void topicListKvTableAndDataVersionRoundTrip() throws Exception {
    org.apache.rocketmq.remoting.protocol.body.TopicList theirList =
        new org.apache.rocketmq.remoting.protocol.body.TopicList();
    theirList.getTopicList().addAll(Set.of("A", "B", "%RETRY%g"));
    theirList.setBrokerAddr("10.0.0.1:10911");
    TopicList ourList = BodyCodec.decode(theirList.encode(), TopicList.class);
    assertThat(ourList).isEqualTo(new TopicList(Set.of("A", "B", "%RETRY%g"), "10.0.0.1:10911"));
    org.apache.rocketmq.remoting.protocol.body.TopicList back =
        RemotingSerializable.decode(
            BodyCodec.encode(new TopicList(Set.of("X"))),
            org.apache.rocketmq.remoting.protocol.body.TopicList.class);
    assertThat(back.getTopicList()).containsExactly("X");
    assertThat(back.getBrokerAddr()).isNull();

    org.apache.rocketmq.remoting.protocol.body.KVTable theirKv =
        new org.apache.rocketmq.remoting.protocol.body.KVTable();
    theirKv.setTable(new HashMap<>(Map.of("k1", "v1", "k\u00e9", "v \"2\"")));
    KvTable ourKv = BodyCodec.decode(theirKv.encode(), KvTable.class);
    assertThat(ourKv).isEqualTo(new KvTable(Map.of("k1", "v1", "k\u00e9", "v \"2\"")));
    assertThat(
            RemotingSerializable.decode(
                    BodyCodec.encode(ourKv),
                    org.apache.rocketmq.remoting.protocol.body.KVTable.class)
                .getTable())
        .isEqualTo(theirKv.getTable());

    org.apache.rocketmq.remoting.protocol.DataVersion theirVersion =
        new org.apache.rocketmq.remoting.protocol.DataVersion();
    theirVersion.nextVersion(7);
    DataVersion ours = BodyCodec.decode(theirVersion.encode(), DataVersion.class);
    assertThat(ours).isEqualTo(new DataVersion(1, 7, theirVersion.getTimestamp()));
    assertThat(
            RemotingSerializable.decode(
                BodyCodec.encode(ours), org.apache.rocketmq.remoting.protocol.DataVersion.class))
        .isEqualTo(theirVersion);
  }

  @Test
  void theirRegisterBrokerBodyDecodesPlainAndCompressed() throws Exception {
    org.apache.rocketmq.remoting.protocol.body.RegisterBrokerBody theirs = theirRegisterBody();
    for (boolean compressed : new boolean[] {false, true}) {
      // The broker always sends compressed=false in the header: decode must not need the flag.
      RegisterBrokerBody ours = RegisterBrokerBody.decode(theirs.encode(compressed), false);
      TopicConfigSerializeWrapper w = ours.topicConfigSerializeWrapper();
      assertThat(w.dataVersion())
          .isEqualTo(
              new DataVersion(
                  3, 0, theirs.getTopicConfigSerializeWrapper().getDataVersion().getTimestamp()));
      assertThat(w.topicConfigTable()).containsOnlyKeys("TopicTest", "TBW102", "Ordered");
      assertThat(w.topicConfigTable().get("TBW102")).isEqualTo(TopicConfig.of("TBW102", 8, 8, 7));
      assertThat(w.attributesOf("TopicTest")).isEqualTo(Map.of("+message.type", "NORMAL"));
      TopicConfig ordered = w.topicConfigTable().get("Ordered");
      // The compressed text form drops topicSysFlag and order, as RocketMQ's does.
      assertThat(ordered)
          .isEqualTo(
              new TopicConfig(
                  "Ordered", 2, 2, 6, TopicFilterType.MULTI_TAG, compressed ? 0 : 1, !compressed));
      assertThat(ours.filterServerList()).isEmpty();
    }
  }

  @Test
  void ourRegisterBrokerBodyDecodesInTheirClassesPlainAndCompressed() throws Exception {
    Map<String, TopicConfig> table =
        Map.of(
            "TopicTest",
            TopicConfig.of("TopicTest", 4, 4, 6),
            "Ordered",
            new TopicConfig("Ordered", 2, 3, 4, TopicFilterType.MULTI_TAG, 1, true));
    RegisterBrokerBody ours =
        new RegisterBrokerBody(
            new TopicConfigSerializeWrapper(
                table,
                Map.of("TopicTest", Map.of("+message.type", "FIFO")),
                new DataVersion(9, 2, 1_700_000_000_000L)),
            List.of());
    for (boolean compressed : new boolean[] {false, true}) {
      org.apache.rocketmq.remoting.protocol.body.RegisterBrokerBody theirs =
          org.apache.rocketmq.remoting.protocol.body.RegisterBrokerBody.decode(
              ours.encode(compressed), compressed, MQVersion.Version.V5_3_3);
      TopicConfigAndMappingSerializeWrapper w = theirs.getTopicConfigSerializeWrapper();
      assertThat(w.getDataVersion().getCounter().get()).isEqualTo(9);
      assertThat(w.getDataVersion().getStateVersion()).isEqualTo(2);
      assertThat(w.getDataVersion().getTimestamp()).isEqualTo(1_700_000_000_000L);
      assertThat(w.getTopicQueueMappingInfoMap()).isEmpty();
      org.apache.rocketmq.common.TopicConfig t = w.getTopicConfigTable().get("TopicTest");
      assertThat(t.getReadQueueNums()).isEqualTo(4);
      assertThat(t.getAttributes()).isEqualTo(Map.of("+message.type", "FIFO"));
      org.apache.rocketmq.common.TopicConfig o = w.getTopicConfigTable().get("Ordered");
      assertThat(o.getWriteQueueNums()).isEqualTo(3);
      assertThat(o.getPerm()).isEqualTo(4);
      assertThat(o.getTopicFilterType().name()).isEqualTo("MULTI_TAG");
      if (!compressed) {
        assertThat(o.getTopicSysFlag()).isEqualTo(1);
        assertThat(o.isOrder()).isTrue();
      }
    }
  }

  @Test
  void brokerMemberGroupRoundTripsBothWays() throws Exception {
    org.apache.rocketmq.remoting.protocol.body.GetBrokerMemberGroupResponseBody theirs =
        new org.apache.rocketmq.remoting.protocol.body.GetBrokerMemberGroupResponseBody();
    org.apache.rocketmq.remoting.protocol.body.BrokerMemberGroup group =
        new org.apache.rocketmq.remoting.protocol.body.BrokerMemberGroup("C", "broker-a");
    group.getBrokerAddrs().put(0L, "10.0.0.1:10911");
    group.getBrokerAddrs().put(2L, "10.0.0.2:10911");
    theirs.setBrokerMemberGroup(group);
    GetBrokerMemberGroupResponseBody expected =
        new GetBrokerMemberGroupResponseBody(
            new BrokerMemberGroup(
                "C", "broker-a", Map.of(0L, "10.0.0.1:10911", 2L, "10.0.0.2:10911")));
    assertThat(BodyCodec.decode(theirs.encode(), GetBrokerMemberGroupResponseBody.class))
        .isEqualTo(expected);
    assertThat(
            RemotingSerializable.decode(
                    BodyCodec.encode(expected),
                    org.apache.rocketmq.remoting.protocol.body.GetBrokerMemberGroupResponseBody
                        .class)
                .getBrokerMemberGroup())
        .isEqualTo(group);
  }

  /** A MessageQueue-keyed body, as ConsumeStats and friends carry. */
  record Mq(String topic, String brokerName, int queueId) {}

  record OffsetTable(
      @JsonSerialize(using = ObjectKeyMapSerializer.class)
          @JsonDeserialize(keyUsing = ObjectKeyDeserializer.class)
          Map<Mq, Long> offsetTable) {}

  @Test
  void objectKeyedMapsReadAndWriteLikeFastjson() throws Exception {
    ResetOffsetBody theirs = new ResetOffsetBody();
    theirs.setOffsetTable(
        new HashMap<>(
            Map.of(
                new MessageQueue("T", "broker-a", 0), 10L,
                new MessageQueue("T", "broker-a", 1), 12L)));
    String theirJson = new String(theirs.encode(), StandardCharsets.UTF_8);
    assertThat(theirJson).startsWith("{\"offsetTable\":{{");
    OffsetTable ours = BodyCodec.decode(theirJson, OffsetTable.class);
    assertThat(ours.offsetTable())
        .isEqualTo(Map.of(new Mq("T", "broker-a", 0), 10L, new Mq("T", "broker-a", 1), 12L));

    String ourJson = BodyCodec.encodeToString(ours);
    assertThat(ourJson)
        .isEqualTo(
            "{\"offsetTable\":{{\"brokerName\":\"broker-a\",\"queueId\":0,\"topic\":\"T\"}:10,"
                + "{\"brokerName\":\"broker-a\",\"queueId\":1,\"topic\":\"T\"}:12}}");
    assertThat(
            RemotingSerializable.decode(
                    ourJson.getBytes(StandardCharsets.UTF_8), ResetOffsetBody.class)
                .getOffsetTable())
        .isEqualTo(theirs.getOffsetTable());
  }

  private static org.apache.rocketmq.remoting.protocol.route.TopicRouteData theirRoute() {
    org.apache.rocketmq.remoting.protocol.route.TopicRouteData route =
        new org.apache.rocketmq.remoting.protocol.route.TopicRouteData();
    route.setOrderTopicConf("broker-a:8");
    route.setQueueDatas(new ArrayList<>(List.of(theirQueue(QUEUE_A), theirQueue(QUEUE_B))));
    route.setBrokerDatas(new ArrayList<>(List.of(theirBroker(BROKER_A), theirBroker(BROKER_B))));
    route.setFilterServerTable(new HashMap<>());
    return route;
  }

  private static org.apache.rocketmq.remoting.protocol.route.QueueData theirQueue(QueueData q) {
    org.apache.rocketmq.remoting.protocol.route.QueueData theirs =
        new org.apache.rocketmq.remoting.protocol.route.QueueData();
    theirs.setBrokerName(q.brokerName());
    theirs.setReadQueueNums(q.readQueueNums());
    theirs.setWriteQueueNums(q.writeQueueNums());
    theirs.setPerm(q.perm());
    theirs.setTopicSysFlag(q.topicSysFlag());
    return theirs;
  }

  private static org.apache.rocketmq.remoting.protocol.route.BrokerData theirBroker(BrokerData b) {
    return new org.apache.rocketmq.remoting.protocol.route.BrokerData(
        b.cluster(),
        b.brokerName(),
        new HashMap<>(b.brokerAddrs()),
        b.enableActingMaster(),
        b.zoneName());
  }

  private static org.apache.rocketmq.remoting.protocol.body.RegisterBrokerBody theirRegisterBody() {
    TopicConfigAndMappingSerializeWrapper wrapper = new TopicConfigAndMappingSerializeWrapper();
    org.apache.rocketmq.remoting.protocol.DataVersion version =
        new org.apache.rocketmq.remoting.protocol.DataVersion();
    version.nextVersion();
    version.nextVersion();
    version.nextVersion();
    wrapper.setDataVersion(version);
    org.apache.rocketmq.common.TopicConfig test =
        new org.apache.rocketmq.common.TopicConfig("TopicTest", 4, 4, 6);
    test.setAttributes(new HashMap<>(Map.of("+message.type", "NORMAL")));
    org.apache.rocketmq.common.TopicConfig ordered =
        new org.apache.rocketmq.common.TopicConfig("Ordered", 2, 2, 6);
    ordered.setTopicFilterType(org.apache.rocketmq.common.TopicFilterType.MULTI_TAG);
    ordered.setTopicSysFlag(1);
    ordered.setOrder(true);
    wrapper.getTopicConfigTable().put("TopicTest", test);
    wrapper
        .getTopicConfigTable()
        .put("TBW102", new org.apache.rocketmq.common.TopicConfig("TBW102", 8, 8, 7));
    wrapper.getTopicConfigTable().put("Ordered", ordered);
    org.apache.rocketmq.remoting.protocol.body.RegisterBrokerBody body =
        new org.apache.rocketmq.remoting.protocol.body.RegisterBrokerBody();
    body.setTopicConfigSerializeWrapper(wrapper);
    return body;
  }
}
