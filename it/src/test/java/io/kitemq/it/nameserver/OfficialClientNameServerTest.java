package io.kitemq.it.nameserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kitemq.nameserver.NameServer;
import io.kitemq.nameserver.NameServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.client.ClientConfig;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.ClientRemotingProcessor;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.impl.MQClientManager;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.body.KVTable;
import org.apache.rocketmq.remoting.protocol.body.TopicList;
import org.apache.rocketmq.remoting.protocol.namesrv.RegisterBrokerResult;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.remoting.protocol.route.QueueData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our name server judged by the official Apache RocketMQ 5.5.0 jars, unchanged: their broker's
 * name-server client registers, their client and admin read routes, cluster info, topic lists and
 * KV config. The build runs this class twice: with their default JSON headers and in a JVM where
 * {@code rocketmq.serialize.type=ROCKETMQ} (binary headers), see it/pom.xml.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class OfficialClientNameServerTest {

  private static final long TIMEOUT = 3000;
  private static final String CLUSTER = "DefaultCluster";

  @TempDir Path dir;

  private NameServer nameServer;
  private String nameServerAddr;
  private final java.util.List<AutoCloseable> closeables = new java.util.ArrayList<>();

  /** One official client for the class: its shutdown alone takes seconds. */
  private static MQClientAPIImpl client;

  @BeforeAll
  static void startClient() {
    client =
        new MQClientAPIImpl(
            new NettyClientConfig(), new ClientRemotingProcessor(null), null, new ClientConfig());
    client.start();
  }

  @AfterAll
  static void stopClient() {
    client.shutdown();
  }

  @BeforeEach
  void start() {
    assertThat(RemotingCommand.getSerializeTypeConfigInThisServer().name())
        .as("official client header serialization in this JVM")
        .isEqualTo(System.getProperty("kite.it.serializeType", "JSON"));
    startNameServer(2_000);
  }

  private void startNameServer(long expiryMillis) {
    nameServer =
        new NameServer(
            NameServerConfig.builder()
                .bindAddress("127.0.0.1")
                .listenPort(0)
                .brokerChannelExpiredTime(expiryMillis)
                .scanNotActiveBrokerInterval(100)
                .kvConfigPath(dir.resolve("kvConfig.json"))
                .build());
    nameServerAddr = "127.0.0.1:" + nameServer.start();
    client.updateNameServerAddressList(nameServerAddr);
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
    if (nameServer != null) {
      nameServer.close();
    }
  }

  private OfficialBroker broker(String cluster, String name, long id, String addr) {
    OfficialBroker broker = new OfficialBroker(nameServerAddr, cluster, name, id, addr);
    closeables.add(broker);
    return broker;
  }

  private OfficialBroker masterA() {
    return broker(CLUSTER, "broker-a", 0, "127.0.0.1:10911")
        .topic("TopicTest", 4, 4, 6)
        .topic("TBW102", 8, 8, 7)
        .topic("ReadOnly", 2, 3, 4);
  }

  @Test
  void officialClientReadsTheRouteTheOfficialBrokerRegistered() throws Exception {
    RegisterBrokerResult master = masterA().register(false);
    assertThat(master.getMasterAddr()).isNull();
    OfficialBroker slave = broker(CLUSTER, "broker-a", 1, "127.0.0.1:10921");
    slave.topics.putAll(Map.of());
    slave.topic("TopicTest", 4, 4, 6).topic("TBW102", 8, 8, 7);
    RegisterBrokerResult slaveResult = slave.register(false);
    assertThat(slaveResult.getMasterAddr()).isEqualTo("127.0.0.1:10911");
    assertThat(slaveResult.getHaServerAddr()).isEqualTo("127.0.0.1:10912");
    broker("OtherCluster", "broker-b", 0, "127.0.0.1:10931")
        .topic("TopicTest", 2, 2, 6)
        .topic("OnlyB", 1, 1, 6)
        .register(true);

    TopicRouteData route = client.getTopicRouteInfoFromNameServer("TopicTest", TIMEOUT);
    assertThat(route.getQueueDatas())
        .extracting(
            QueueData::getBrokerName,
            QueueData::getReadQueueNums,
            QueueData::getWriteQueueNums,
            QueueData::getPerm)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("broker-a", 4, 4, 6),
            org.assertj.core.groups.Tuple.tuple("broker-b", 2, 2, 6));
    assertThat(route.getBrokerDatas())
        .extracting(BrokerData::getBrokerName, BrokerData::getCluster, BrokerData::getBrokerAddrs)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "broker-a",
                CLUSTER,
                new HashMap<>(Map.of(0L, "127.0.0.1:10911", 1L, "127.0.0.1:10921"))),
            org.assertj.core.groups.Tuple.tuple(
                "broker-b", "OtherCluster", new HashMap<>(Map.of(0L, "127.0.0.1:10931"))));
    assertThat(route.getBrokerDatas().get(0).selectBrokerAddr()).isNotNull();

    TopicRouteData readOnly = client.getTopicRouteInfoFromNameServer("ReadOnly", TIMEOUT);
    assertThat(readOnly.getQueueDatas().get(0).getPerm()).isEqualTo(4);
    assertThat(readOnly.getQueueDatas().get(0).getWriteQueueNums()).isEqualTo(3);

    ClusterInfo cluster = client.getBrokerClusterInfo(TIMEOUT);
    assertThat(cluster.getClusterAddrTable())
        .isEqualTo(Map.of(CLUSTER, Set.of("broker-a"), "OtherCluster", Set.of("broker-b")));
    assertThat(cluster.getBrokerAddrTable().get("broker-a").getBrokerAddrs())
        .isEqualTo(Map.of(0L, "127.0.0.1:10911", 1L, "127.0.0.1:10921"));
    assertThat(cluster.retrieveAllAddrByCluster("OtherCluster")).containsExactly("127.0.0.1:10931");

    assertThat(client.getTopicListFromNameServer(TIMEOUT).getTopicList())
        .containsExactlyInAnyOrder("TopicTest", "TBW102", "ReadOnly", "OnlyB");
    assertThat(client.getTopicsByCluster("OtherCluster", TIMEOUT).getTopicList())
        .containsExactlyInAnyOrder("TopicTest", "OnlyB");
    // Their getSystemTopicList() also asks the broker named in the answer, which does not exist
    // here: send the name-server request (304) with their remoting client and decode it alone.
    RemotingCommand systemTopics =
        client
            .getRemotingClient()
            .invokeSync(nameServerAddr, RemotingCommand.createRequestCommand(304, null), TIMEOUT);
    TopicList systemList = TopicList.decode(systemTopics.getBody(), TopicList.class);
    assertThat(systemList.getTopicList())
        .containsExactlyInAnyOrder(CLUSTER, "OtherCluster", "broker-a", "broker-b");
    assertThat(systemList.getBrokerAddr())
        .isIn("127.0.0.1:10911", "127.0.0.1:10921", "127.0.0.1:10931");
    assertThat(client.getUnitTopicList(false, TIMEOUT).getTopicList()).isEmpty();
    assertThat(client.getHasUnitSubTopicList(false, TIMEOUT).getTopicList()).isEmpty();
    assertThat(client.getHasUnitSubUnUnitTopicList(false, TIMEOUT).getTopicList()).isEmpty();
  }

  @Test
  void brokerRegistersWithEveryNameServerAndEachServesTheRouteAlone() throws Exception {
    NameServer second =
        new NameServer(
            NameServerConfig.builder()
                .bindAddress("127.0.0.1")
                .listenPort(0)
                .kvConfigPath(dir.resolve("second.json"))
                .build());
    closeables.add(second);
    String secondAddr = "127.0.0.1:" + second.start();
    OfficialBroker broker =
        new OfficialBroker(
            nameServerAddr + ";" + secondAddr, CLUSTER, "broker-a", 0, "127.0.0.1:10911");
    closeables.add(broker);
    broker.topic("TopicTest", 4, 4, 6).topic("TBW102", 8, 8, 7).register(false);

    assertThat(client.getTopicRouteInfoFromNameServer("TopicTest", TIMEOUT).getQueueDatas())
        .hasSize(1);
    // Only the second name server from here on: it answers on its own.
    nameServer.close();
    client.updateNameServerAddressList(secondAddr);
    assertThat(
            client
                .getTopicRouteInfoFromNameServer("TopicTest", TIMEOUT)
                .getBrokerDatas()
                .get(0)
                .getBrokerAddrs())
        .isEqualTo(Map.of(0L, "127.0.0.1:10911"));
  }

  @Test
  void unknownTopicIsTopicNotExistForTheOfficialClient() {
    assertThatThrownBy(() -> client.getTopicRouteInfoFromNameServer("NoSuchTopic", TIMEOUT))
        .isInstanceOfSatisfying(
            MQClientException.class,
            e -> {
              assertThat(e.getResponseCode()).isEqualTo(17);
              assertThat(e.getErrorMessage()).contains("NoSuchTopic");
            });
  }

  @Test
  void producerFallsBackToTheTbw102RouteForANewTopic() throws Exception {
    masterA().register(false);
    TopicRouteData tbw = client.getDefaultTopicRouteInfoFromNameServer(TIMEOUT);
    assertThat(tbw.getQueueDatas().get(0).getPerm()).isEqualTo(7);

    DefaultMQProducer producer = new DefaultMQProducer("PG_" + System.nanoTime());
    producer.setNamesrvAddr(nameServerAddr);
    producer.setInstanceName("tbw102-" + System.nanoTime());
    producer.start();
    try {
      // What send() does for a topic the name server does not know yet.
      MQClientInstance factory =
          MQClientManager.getInstance().getOrCreateMQClientInstance(producer);
      assertThat(factory.updateTopicRouteInfoFromNameServer("BrandNewTopic", true, producer))
          .isTrue();
      List<MessageQueue> queues =
          MQClientInstance.topicRouteData2TopicPublishInfo(
                  "BrandNewTopic", factory.getTopicRouteTable().get("BrandNewTopic"))
              .getMessageQueueList();
      assertThat(queues)
          .extracting(MessageQueue::getBrokerName, MessageQueue::getQueueId)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("broker-a", 0),
              org.assertj.core.groups.Tuple.tuple("broker-a", 1),
              org.assertj.core.groups.Tuple.tuple("broker-a", 2),
              org.assertj.core.groups.Tuple.tuple("broker-a", 3));
    } finally {
      producer.shutdown();
    }
  }

  @Test
  void kvConfigIsPutReadListedAndDeletedByTheOfficialClient() throws Exception {
    client.putKVConfigValue("ORDER_TOPIC_CONFIG", "TopicTest", "broker-a:4", TIMEOUT);
    client.putKVConfigValue("ORDER_TOPIC_CONFIG", "Other", "broker-b:2", TIMEOUT);
    assertThat(client.getKVConfigValue("ORDER_TOPIC_CONFIG", "TopicTest", TIMEOUT))
        .isEqualTo("broker-a:4");
    KVTable table = client.getKVListByNamespace("ORDER_TOPIC_CONFIG", TIMEOUT);
    assertThat(table.getTable())
        .isEqualTo(Map.of("TopicTest", "broker-a:4", "Other", "broker-b:2"));

    client.deleteKVConfigValue("ORDER_TOPIC_CONFIG", "TopicTest", TIMEOUT);
    assertThatThrownBy(() -> client.getKVConfigValue("ORDER_TOPIC_CONFIG", "TopicTest", TIMEOUT))
        .isInstanceOfSatisfying(
            MQClientException.class, e -> assertThat(e.getResponseCode()).isEqualTo(22));
    assertThatThrownBy(() -> client.getKVListByNamespace("NO_SUCH_NAMESPACE", TIMEOUT))
        .isInstanceOfSatisfying(
            MQClientException.class, e -> assertThat(e.getResponseCode()).isEqualTo(22));

    // The registration answer carries the ORDER_TOPIC_CONFIG namespace to the broker.
    RegisterBrokerResult result = masterA().register(false);
    assertThat(result.getKvTable().getTable()).isEqualTo(Map.of("Other", "broker-b:2"));
  }

  @Test
  void officialAdminReadsClusterTopicsAndDeletesATopic() throws Exception {
    masterA().register(false);
    DefaultMQAdminExt admin = new DefaultMQAdminExt(TIMEOUT);
    admin.setNamesrvAddr(nameServerAddr);
    admin.setInstanceName("admin-" + System.nanoTime());
    admin.start();
    try {
      assertThat(admin.examineBrokerClusterInfo().getBrokerAddrTable())
          .containsOnlyKeys("broker-a");
      assertThat(admin.fetchAllTopicList().getTopicList())
          .containsExactlyInAnyOrder("TopicTest", "TBW102", "ReadOnly");
      assertThat(admin.fetchTopicsByCLuster(CLUSTER).getTopicList()).contains("TopicTest");
      assertThat(admin.examineTopicRouteInfo("TopicTest").getQueueDatas().get(0).getReadQueueNums())
          .isEqualTo(4);

      admin.createAndUpdateKvConfig("NS", "k", "v");
      assertThat(admin.getKVConfig("NS", "k")).isEqualTo("v");
      assertThat(admin.getKVListByNamespace("NS").getTable()).isEqualTo(Map.of("k", "v"));
      admin.deleteKvConfig("NS", "k");
      assertThat(admin.getKVListByNamespace("NS").getTable()).isEmpty();

      assertThat(admin.wipeWritePermOfBroker(nameServerAddr, "broker-a")).isEqualTo(3);
      assertThat(admin.examineTopicRouteInfo("TopicTest").getQueueDatas().get(0).getPerm())
          .isEqualTo(4);
      assertThat(admin.addWritePermOfBroker(nameServerAddr, "broker-a")).isEqualTo(3);
      assertThat(admin.examineTopicRouteInfo("TopicTest").getQueueDatas().get(0).getPerm())
          .isEqualTo(6);

      admin.deleteTopicInNameServer(Set.of(nameServerAddr), "TopicTest");
      assertThatThrownBy(() -> admin.examineTopicRouteInfo("TopicTest"))
          .isInstanceOfSatisfying(
              MQClientException.class, e -> assertThat(e.getResponseCode()).isEqualTo(17));
      admin.deleteTopicInNameServer(Set.of(nameServerAddr), CLUSTER, "ReadOnly");
      assertThat(admin.fetchAllTopicList().getTopicList()).containsExactly("TBW102");

      Map<String, Properties> configs = admin.getNameServerConfig(List.of(nameServerAddr));
      assertThat(configs.get(nameServerAddr).getProperty("orderMessageEnable")).isEqualTo("false");
      Properties update = new Properties();
      update.setProperty("orderMessageEnable", "true");
      admin.updateNameServerConfig(update, List.of(nameServerAddr));
      assertThat(
              admin
                  .getNameServerConfig(List.of(nameServerAddr))
                  .get(nameServerAddr)
                  .getProperty("orderMessageEnable"))
          .isEqualTo("true");
    } finally {
      admin.shutdown();
    }
  }

  @Test
  void orderTopicConfIsServedWhenOrderMessagesAreEnabled() throws Exception {
    masterA().register(false);
    client.putKVConfigValue("ORDER_TOPIC_CONFIG", "TopicTest", "broker-a:4", TIMEOUT);
    assertThat(client.getTopicRouteInfoFromNameServer("TopicTest", TIMEOUT).getOrderTopicConf())
        .isNull();
    Properties update = new Properties();
    update.setProperty("orderMessageEnable", "true");
    client.updateNameServerConfig(update, List.of(nameServerAddr), TIMEOUT);
    assertThat(client.getTopicRouteInfoFromNameServer("TopicTest", TIMEOUT).getOrderTopicConf())
        .isEqualTo("broker-a:4");
  }

  @Test
  void brokerThatStopsRegisteringDisappearsAfterTheExpiry() throws Exception {
    OfficialBroker broker = masterA();
    broker.register(false);
    long registeredAt = System.nanoTime();
    assertThat(client.getTopicRouteInfoFromNameServer("TopicTest", TIMEOUT)).isNotNull();
    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () ->
                assertThatThrownBy(
                        () -> client.getTopicRouteInfoFromNameServer("TopicTest", TIMEOUT))
                    .isInstanceOfSatisfying(
                        MQClientException.class,
                        e -> assertThat(e.getResponseCode()).isEqualTo(17)));
    // Not before the 2 s expiry configured above.
    assertThat(Duration.ofNanos(System.nanoTime() - registeredAt))
        .isGreaterThan(Duration.ofSeconds(2));
    assertThat(client.getBrokerClusterInfo(TIMEOUT).getBrokerAddrTable()).isEmpty();
  }

  @Test
  void dataVersionQueryTellsTheBrokerWhetherToRegisterAgain() {
    OfficialBroker broker = masterA();
    broker.register(false);
    // The official broker collects one TRUE per name server that saw a change.
    assertThat(broker.needRegister()).isEmpty();
    broker.dataVersion.nextVersion();
    assertThat(broker.needRegister()).containsExactly(true);
  }

  @Test
  void singleTopicRegistrationAndMemberGroupServeTheOfficialBroker() throws Exception {
    OfficialBroker master = masterA();
    master.register(false);
    OfficialBroker slave = broker(CLUSTER, "broker-a", 1, "127.0.0.1:10921");
    slave.topic("TopicTest", 4, 4, 6).topic("TBW102", 8, 8, 7);
    slave.register(false);

    master.registerSingleTopic("CreatedLater", 3, 5, 6);
    TopicRouteData route = client.getTopicRouteInfoFromNameServer("CreatedLater", TIMEOUT);
    assertThat(route.getQueueDatas().get(0).getReadQueueNums()).isEqualTo(3);
    assertThat(route.getQueueDatas().get(0).getWriteQueueNums()).isEqualTo(5);

    assertThat(slave.memberGroup().getBrokerAddrs())
        .isEqualTo(Map.of(0L, "127.0.0.1:10911", 1L, "127.0.0.1:10921"));
  }

  @Test
  void brokerHeartbeatsKeepABrokerAliveBetweenRegistrations() throws Exception {
    OfficialBroker broker = masterA();
    broker.register(false);
    // Longer than the 2 s expiry: alive only because of the heartbeats.
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(6))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              broker.heartbeat();
              return !client.getBrokerClusterInfo(TIMEOUT).getBrokerAddrTable().isEmpty();
            });
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> client.getBrokerClusterInfo(TIMEOUT).getBrokerAddrTable().isEmpty());
  }

  @Test
  void brokerWhoseConnectionClosesDisappearsPromptly() throws Exception {
    nameServer.close();
    startNameServer(60_000);

    OfficialBroker broker = masterA();
    broker.register(false);
    assertThat(client.getTopicRouteInfoFromNameServer("TopicTest", TIMEOUT)).isNotNull();
    broker.close();
    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> client.getBrokerClusterInfo(TIMEOUT).getBrokerAddrTable().isEmpty());
  }

  @Test
  void unregisteredBrokerLeavesTheRoute() throws Exception {
    OfficialBroker broker = masterA();
    broker.register(false);
    broker.unregister();
    assertThatThrownBy(() -> client.getTopicRouteInfoFromNameServer("TopicTest", TIMEOUT))
        .isInstanceOfSatisfying(
            MQClientException.class, e -> assertThat(e.getResponseCode()).isEqualTo(17));
  }
}
