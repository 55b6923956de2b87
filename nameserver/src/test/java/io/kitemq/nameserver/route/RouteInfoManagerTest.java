package io.kitemq.nameserver.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitemq.common.topic.TopicConfig;
import io.kitemq.common.topic.TopicPermission;
import io.kitemq.remoting.protocol.body.BrokerData;
import io.kitemq.remoting.protocol.body.DataVersion;
import io.kitemq.remoting.protocol.body.QueueData;
import io.kitemq.remoting.protocol.body.TopicConfigSerializeWrapper;
import io.kitemq.remoting.protocol.body.TopicRouteData;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RouteInfoManagerTest {

  private static final long EXPIRY = 10_000;
  private static final String CLUSTER = "DefaultCluster";

  private final AtomicLong now = new AtomicLong(1_000_000);
  private final RouteInfoManager routes = new RouteInfoManager(now::get, EXPIRY);
  private final EmbeddedChannel masterChannel = new EmbeddedChannel();
  private final EmbeddedChannel slaveChannel = new EmbeddedChannel();

  @AfterEach
  void closeChannels() {
    masterChannel.finishAndReleaseAll();
    slaveChannel.finishAndReleaseAll();
  }

  /** A full registration: a real broker always lists its system topics too. */
  private static TopicConfigSerializeWrapper topics(long counter, TopicConfig... configs) {
    Map<String, TopicConfig> table = new LinkedHashMap<>();
    table.put("SELF_TEST_TOPIC", TopicConfig.of("SELF_TEST_TOPIC", 1, 1, 6));
    for (TopicConfig c : configs) {
      table.put(c.topicName(), c);
    }
    return new TopicConfigSerializeWrapper(table, new DataVersion(counter, 0, 42));
  }

  private static BrokerRegistration registration(
      String cluster,
      String name,
      long id,
      String addr,
      TopicConfigSerializeWrapper topics,
      EmbeddedChannel channel) {
    return new BrokerRegistration(
        cluster,
        addr,
        name,
        id,
        addr.replace(":10911", ":10912"),
        null,
        null,
        false,
        topics,
        List.of(),
        channel);
  }

  private RegisterBrokerResult registerMaster(TopicConfigSerializeWrapper topics) {
    return routes.registerBroker(
        registration(CLUSTER, "broker-a", 0, "10.0.0.1:10911", topics, masterChannel));
  }

  private RegisterBrokerResult registerSlave(TopicConfigSerializeWrapper topics) {
    return routes.registerBroker(
        registration(CLUSTER, "broker-a", 1, "10.0.0.2:10911", topics, slaveChannel));
  }

  @Test
  void masterAndSlaveShareOneBrokerDataAndTheSlaveLearnsItsMaster() {
    TopicConfigSerializeWrapper topics =
        topics(1, TopicConfig.of("TopicTest", 4, 8, 6), TopicConfig.of("TBW102", 8, 8, 7));
    assertThat(registerMaster(topics)).isEqualTo(RegisterBrokerResult.NO_MASTER);
    RegisterBrokerResult slave = registerSlave(topics);
    assertThat(slave.masterAddr()).isEqualTo("10.0.0.1:10911");
    assertThat(slave.haServerAddr()).isEqualTo("10.0.0.1:10912");

    TopicRouteData route = routes.pickupTopicRouteData("TopicTest");
    assertThat(route.queueDatas()).containsExactly(new QueueData("broker-a", 4, 8, 6, 0));
    assertThat(route.brokerDatas())
        .containsExactly(
            new BrokerData(
                CLUSTER, "broker-a", Map.of(0L, "10.0.0.1:10911", 1L, "10.0.0.2:10911")));
    assertThat(routes.pickupTopicRouteData("TBW102").queueDatas().get(0).perm()).isEqualTo(7);
    assertThat(routes.pickupTopicRouteData("Unknown")).isNull();
    assertThat(routes.clusterInfo().clusterAddrTable())
        .isEqualTo(Map.of(CLUSTER, Set.of("broker-a")));
  }

  @Test
  void slaveRegisteredBeforeItsMasterGetsNoMasterAddress() {
    assertThat(registerSlave(topics(1, TopicConfig.of("T", 4, 4, 6))))
        .isEqualTo(RegisterBrokerResult.NO_MASTER);
  }

  @Test
  void brokerSilentPastItsExpiryIsRemovedAndItsConnectionClosed() {
    registerMaster(topics(1, TopicConfig.of("T", 4, 4, 6)));
    now.addAndGet(EXPIRY);
    assertThat(routes.scanNotActiveBroker()).isZero();
    assertThat(routes.pickupTopicRouteData("T")).isNotNull();

    now.incrementAndGet();
    assertThat(routes.scanNotActiveBroker()).isEqualTo(1);
    assertThat(routes.pickupTopicRouteData("T")).isNull();
    assertThat(routes.clusterInfo().brokerAddrTable()).isEmpty();
    assertThat(routes.clusterInfo().clusterAddrTable()).isEmpty();
    assertThat(masterChannel.isOpen()).isFalse();
  }

  @Test
  void reRegistrationAndDataVersionQueriesKeepABrokerAlive() {
    registerMaster(topics(1, TopicConfig.of("T", 4, 4, 6)));
    now.addAndGet(EXPIRY - 1);
    registerMaster(topics(1, TopicConfig.of("T", 4, 4, 6)));
    now.addAndGet(EXPIRY - 1);
    routes.updateBrokerInfoUpdateTimestamp(CLUSTER, "10.0.0.1:10911");
    now.addAndGet(EXPIRY);
    assertThat(routes.scanNotActiveBroker()).isZero();
    assertThat(routes.pickupTopicRouteData("T")).isNotNull();
  }

  @Test
  void aBrokersOwnHeartbeatTimeoutOverridesTheDefault() {
    routes.registerBroker(
        new BrokerRegistration(
            CLUSTER,
            "10.0.0.1:10911",
            "broker-a",
            0,
            "ha",
            null,
            500L,
            true,
            topics(1, TopicConfig.of("T", 4, 4, 6)),
            List.of(),
            masterChannel));
    now.addAndGet(501);
    assertThat(routes.scanNotActiveBroker()).isEqualTo(1);
  }

  @Test
  void expiredMasterLeavesItsSlaveInTheRoute() {
    TopicConfigSerializeWrapper topics = topics(1, TopicConfig.of("T", 4, 4, 6));
    registerMaster(topics);
    now.addAndGet(EXPIRY / 2);
    registerSlave(topics);
    now.addAndGet(EXPIRY / 2 + 1);
    assertThat(routes.scanNotActiveBroker()).isEqualTo(1);
    TopicRouteData route = routes.pickupTopicRouteData("T");
    assertThat(route.brokerDatas().get(0).brokerAddrs()).isEqualTo(Map.of(1L, "10.0.0.2:10911"));
    assertThat(route.brokerDatas().get(0).masterAddr()).isNull();
    assertThat(masterChannel.isOpen()).isFalse();
    assertThat(slaveChannel.isOpen()).isTrue();
  }

  @Test
  void closedConnectionRemovesItsBrokerAtOnce() {
    registerMaster(topics(1, TopicConfig.of("T", 4, 4, 6)));
    routes.onChannelDestroy(slaveChannel);
    assertThat(routes.pickupTopicRouteData("T")).isNotNull();
    routes.onChannelDestroy(masterChannel);
    assertThat(routes.pickupTopicRouteData("T")).isNull();
    assertThat(routes.queryBrokerTopicConfig(CLUSTER, "10.0.0.1:10911")).isNull();
  }

  @Test
  void unregisteringTheLastAddressDropsTheBrokerNameEverywhere() {
    TopicConfigSerializeWrapper topics = topics(1, TopicConfig.of("T", 4, 4, 6));
    registerMaster(topics);
    registerSlave(topics);
    routes.unregisterBroker(CLUSTER, "10.0.0.1:10911", "broker-a");
    assertThat(routes.pickupTopicRouteData("T").brokerDatas().get(0).brokerAddrs())
        .containsOnlyKeys(1L);
    routes.unregisterBroker(CLUSTER, "10.0.0.2:10911", "broker-a");
    assertThat(routes.pickupTopicRouteData("T")).isNull();
    assertThat(routes.topics().allTopics().topicList()).isEmpty();
    assertThat(routes.clusterInfo().brokerAddrTable()).isEmpty();
  }

  @Test
  void topicQueuesChangeOnlyWithANewDataVersion() {
    registerMaster(topics(1, TopicConfig.of("T", 4, 4, 6)));
    registerMaster(topics(1, TopicConfig.of("T", 2, 2, 6)));
    assertThat(routes.pickupTopicRouteData("T").queueDatas().get(0).readQueueNums()).isEqualTo(4);
    assertThat(
            routes.isBrokerTopicConfigChanged(CLUSTER, "10.0.0.1:10911", new DataVersion(1, 0, 42)))
        .isFalse();
    assertThat(
            routes.isBrokerTopicConfigChanged(CLUSTER, "10.0.0.1:10911", new DataVersion(2, 0, 42)))
        .isTrue();
    registerMaster(topics(2, TopicConfig.of("T", 2, 2, 6)));
    assertThat(routes.pickupTopicRouteData("T").queueDatas().get(0).readQueueNums()).isEqualTo(2);
    assertThat(routes.queryBrokerTopicConfig(CLUSTER, "10.0.0.1:10911"))
        .isEqualTo(new DataVersion(2, 0, 42));
  }

  @Test
  void slaveTopicsDoNotOverrideTheMasters() {
    registerMaster(topics(1, TopicConfig.of("T", 4, 4, 6)));
    registerSlave(topics(1, TopicConfig.of("T", 1, 1, 4), TopicConfig.of("SlaveOnly", 1, 1, 6)));
    // A 5.x slave is the prime slave only when it has the smallest id: the master (0) is smaller.
    assertThat(routes.pickupTopicRouteData("T").queueDatas().get(0).readQueueNums()).isEqualTo(4);
    assertThat(routes.pickupTopicRouteData("SlaveOnly")).isNull();
  }

  @Test
  void singleTopicRegistrationBeforeAFullOneIsRefused() {
    TopicConfigSerializeWrapper single =
        new TopicConfigSerializeWrapper(
            Map.of("T", TopicConfig.of("T", 4, 4, 6)), new DataVersion(1, 0, 42));
    assertThat(registerMaster(single)).isNull();
    assertThat(routes.pickupTopicRouteData("T")).isNull();
    registerMaster(topics(1, TopicConfig.of("U", 4, 4, 6)));
    assertThat(registerMaster(single)).isNotNull();
    assertThat(routes.pickupTopicRouteData("T")).isNotNull();
  }

  @Test
  void topicsAreDeletedEverywhereOrPerCluster() {
    routes.registerBroker(
        registration(
            CLUSTER,
            "broker-a",
            0,
            "10.0.0.1:10911",
            topics(1, TopicConfig.of("T", 4, 4, 6), TopicConfig.of("U", 4, 4, 6)),
            masterChannel));
    routes.registerBroker(
        registration(
            "Other",
            "broker-b",
            0,
            "10.0.0.3:10911",
            topics(1, TopicConfig.of("T", 2, 2, 6), TopicConfig.of("U", 2, 2, 6)),
            slaveChannel));
    assertThat(routes.topics().topicsByCluster("Other").topicList())
        .containsExactly("SELF_TEST_TOPIC", "T", "U");
    assertThat(routes.topics().topicsByCluster("NoSuchCluster").topicList()).isEmpty();

    routes.topics().deleteTopic("T", "Other");
    assertThat(routes.pickupTopicRouteData("T").queueDatas())
        .extracting(QueueData::brokerName)
        .containsExactly("broker-a");
    routes.topics().deleteTopic("U");
    assertThat(routes.pickupTopicRouteData("U")).isNull();
    assertThat(routes.topics().allTopics().topicList()).containsExactly("SELF_TEST_TOPIC", "T");
    assertThat(routes.topics().systemTopics().topicList())
        .containsExactlyInAnyOrder(CLUSTER, "Other", "broker-a", "broker-b");
    assertThat(routes.topics().systemTopics().brokerAddr())
        .isIn("10.0.0.1:10911", "10.0.0.3:10911");
  }

  @Test
  void writePermissionIsWipedAndRestored() {
    registerMaster(topics(1, TopicConfig.of("T", 4, 4, 6), TopicConfig.of("R", 4, 4, 4)));
    assertThat(routes.topics().wipeWritePermOfBroker("broker-a")).isEqualTo(3);
    assertThat(routes.pickupTopicRouteData("T").queueDatas().get(0).perm())
        .isEqualTo(TopicPermission.READ);
    assertThat(routes.topics().addWritePermOfBroker("broker-a")).isEqualTo(3);
    assertThat(routes.pickupTopicRouteData("R").queueDatas().get(0).perm())
        .isEqualTo(TopicPermission.READ_WRITE);
    assertThat(routes.topics().wipeWritePermOfBroker("no-such-broker")).isZero();
  }

  @Test
  void unitTopicListsFollowTheSysFlagBits() {
    registerMaster(
        topics(
            1,
            TopicConfig.of("Plain", 4, 4, 6),
            TopicConfig.of("Unit", 4, 4, 6).withTopicSysFlag(1),
            TopicConfig.of("UnitSub", 4, 4, 6).withTopicSysFlag(2),
            TopicConfig.of("Both", 4, 4, 6).withTopicSysFlag(3)));
    assertThat(routes.topics().unitTopics().topicList()).containsExactly("Both", "Unit");
    assertThat(routes.topics().hasUnitSubTopics().topicList()).containsExactly("Both", "UnitSub");
    assertThat(routes.topics().hasUnitSubUnUnitTopics().topicList()).containsExactly("UnitSub");
  }

  @Test
  void registrationCanDropTopicsTheBrokerNoLongerHas() {
    RouteInfoManager dropping = new RouteInfoManager(now::get, EXPIRY, () -> true);
    dropping.registerBroker(
        registration(
            CLUSTER,
            "broker-a",
            0,
            "10.0.0.1:10911",
            topics(1, TopicConfig.of("T", 4, 4, 6), TopicConfig.of("U", 4, 4, 6)),
            masterChannel));
    dropping.registerBroker(
        registration(
            CLUSTER,
            "broker-a",
            0,
            "10.0.0.1:10911",
            topics(2, TopicConfig.of("T", 4, 4, 6), TopicConfig.of("V", 4, 4, 6)),
            masterChannel));
    assertThat(dropping.topics().allTopics().topicList())
        .containsExactly("SELF_TEST_TOPIC", "T", "V");
    // The default manager keeps topics until the broker goes away.
    registerMaster(topics(1, TopicConfig.of("T", 4, 4, 6), TopicConfig.of("U", 4, 4, 6)));
    registerMaster(topics(2, TopicConfig.of("T", 4, 4, 6), TopicConfig.of("V", 4, 4, 6)));
    assertThat(routes.topics().allTopics().topicList())
        .containsExactly("SELF_TEST_TOPIC", "T", "U", "V");
  }

  @Test
  void actingSlaveIsShownAsMasterOnlyWhenAskedAndTheQueuesAreReadOnly() {
    TopicConfigSerializeWrapper topics = topics(1, TopicConfig.of("T", 4, 4, 6));
    for (long id : new long[] {0, 2}) {
      routes.registerBroker(
          new BrokerRegistration(
              CLUSTER,
              "10.0.0." + (id + 1) + ":10911",
              "broker-a",
              id,
              "ha",
              null,
              null,
              true,
              topics,
              List.of(),
              id == 0 ? masterChannel : slaveChannel));
    }
    routes.unregisterBroker(CLUSTER, "10.0.0.1:10911", "broker-a");
    // Acting-master mode: with the master gone nobody may write.
    assertThat(routes.pickupTopicRouteData("T").queueDatas().get(0).perm())
        .isEqualTo(TopicPermission.READ);
    assertThat(routes.pickupTopicRouteData("T", false).brokerDatas().get(0).brokerAddrs())
        .isEqualTo(Map.of(2L, "10.0.0.3:10911"));
    assertThat(routes.pickupTopicRouteData("T", true).brokerDatas().get(0).brokerAddrs())
        .isEqualTo(Map.of(0L, "10.0.0.3:10911"));
  }

  @Test
  void singleTopicsRegisterOnlyOnKnownBrokerNames() {
    registerMaster(topics(1, TopicConfig.of("T", 4, 4, 6)));
    assertThat(routes.topics().registerTopic("New", List.of(new QueueData("broker-a", 2, 2, 6, 0))))
        .isTrue();
    assertThat(routes.pickupTopicRouteData("New").queueDatas())
        .containsExactly(new QueueData("broker-a", 2, 2, 6, 0));
    assertThat(routes.topics().registerTopic("Bad", List.of(new QueueData("broker-x", 2, 2, 6, 0))))
        .isFalse();
    assertThat(routes.pickupTopicRouteData("Bad")).isNull();
  }

  @Test
  void memberGroupListsEveryAddressOfABrokerName() {
    TopicConfigSerializeWrapper topics = topics(1, TopicConfig.of("T", 4, 4, 6));
    registerMaster(topics);
    registerSlave(topics);
    assertThat(routes.brokerMemberGroup(CLUSTER, "broker-a").brokerAddrs())
        .isEqualTo(Map.of(0L, "10.0.0.1:10911", 1L, "10.0.0.2:10911"));
    assertThat(routes.brokerMemberGroup(CLUSTER, "nobody").brokerAddrs()).isEmpty();
  }
}
