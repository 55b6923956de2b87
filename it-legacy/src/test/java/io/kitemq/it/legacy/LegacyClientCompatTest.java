package io.kitemq.it.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kitemq.broker.BrokerConfig;
import io.kitemq.broker.BrokerController;
import io.kitemq.nameserver.NameServer;
import io.kitemq.nameserver.NameServerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.ClientConfig;
import org.apache.rocketmq.client.consumer.AllocateMessageQueueStrategy;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.client.consumer.rebalance.AllocateMessageQueueAveragely;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.MessageQueueSelector;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.protocol.body.ClusterInfo;
import org.apache.rocketmq.common.protocol.route.BrokerData;
import org.apache.rocketmq.common.protocol.route.QueueData;
import org.apache.rocketmq.common.protocol.route.TopicRouteData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Apache RocketMQ 4.9.8 client and admin (JSON headers, the pre-5.0 request set) against our
 * name server and one broker started once for the class on 127.0.0.1. Every client a test starts is
 * shut down after it.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LegacyClientCompatTest {

  private static final String CLUSTER = "LegacyCluster";
  private static final String BROKER = "broker-legacy";
  private static final long RUN = System.nanoTime();
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  @TempDir static Path dir;
  private static NameServer nameServer;
  private static BrokerController broker;
  private static String namesrv;
  private static DefaultMQAdminExt admin;
  private static DefaultMQProducer producer;

  private final List<Runnable> shutdowns = new ArrayList<>();

  @BeforeAll
  static void startCluster() throws Exception {
    nameServer =
        new NameServer(
            NameServerConfig.builder()
                .bindAddress("127.0.0.1")
                .listenPort(0)
                .kvConfigPath(dir.resolve("kvConfig.json"))
                .build());
    namesrv = "127.0.0.1:" + nameServer.start();
    Properties p = new Properties();
    p.setProperty("brokerClusterName", CLUSTER);
    p.setProperty("brokerName", BROKER);
    p.setProperty("namesrvAddr", namesrv);
    p.setProperty("listenPort", "0");
    p.setProperty("brokerIP1", "127.0.0.1");
    p.setProperty("storePathRootDir", dir.resolve("store").toString());
    p.setProperty("mappedFileSizeCommitLog", Integer.toString(16 * 1024 * 1024));
    p.setProperty("mappedFileSizeConsumeQueue", Integer.toString(20 * 10_000));
    p.setProperty("maxHashSlotNum", "10000");
    p.setProperty("maxIndexNum", "40000");
    p.setProperty("flushConsumerOffsetInterval", "200");
    broker = new BrokerController(BrokerConfig.fromProperties(p));
    broker.start();
    admin = tune(new DefaultMQAdminExt());
    admin.start();
    producer = tune(new DefaultMQProducer("legacy-producer"));
    producer.setSendMsgTimeout(10_000);
    producer.start();
  }

  @AfterAll
  static void stopCluster() {
    try {
      if (producer != null) {
        producer.shutdown();
      }
      if (admin != null) {
        admin.shutdown();
      }
      if (broker != null) {
        broker.shutdown();
      }
    } finally {
      if (nameServer != null) {
        nameServer.close();
      }
    }
  }

  @AfterEach
  void stopClients() {
    shutdowns.forEach(Runnable::run);
    shutdowns.clear();
  }

  private static <T extends ClientConfig> T tune(T c) {
    c.setNamesrvAddr(namesrv);
    c.setInstanceName("kite-legacy-" + RUN + "-" + INSTANCES.incrementAndGet());
    c.setPollNameServerInterval(500);
    c.setHeartbeatBrokerInterval(1000);
    c.setPersistConsumerOffsetInterval(200);
    return c;
  }

  /** Creates the topic with {@code queues} queues and waits until the name server routes it. */
  private static void createTopic(String topic, int queues) {
    await()
        .atMost(Duration.ofSeconds(15))
        .ignoreExceptions()
        .until(
            () -> {
              admin.createTopic("TBW102", topic, queues);
              return admin.examineTopicRouteInfo(topic).getQueueDatas().get(0).getWriteQueueNums()
                  == queues;
            });
  }

  private static Message message(String topic, String body, String keys) {
    Message m = new Message(topic, "TagA", body.getBytes(StandardCharsets.UTF_8));
    m.setKeys(keys);
    return m;
  }

  @Test
  void theClasspathHoldsTheLegacyClientAndNoFiveLineJar() {
    assertThat(MQVersion.getVersionDesc(MQVersion.CURRENT_VERSION)).isEqualTo("V4_9_8");
    // The route classes moved to this package in 5.0: present only if a 5.x jar leaked in.
    assertThatThrownBy(
            () -> Class.forName("org.apache.rocketmq.remoting.protocol.route.TopicRouteData"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void syncSendIsStoredAndReturnsTheQueueAndOffset() throws Exception {
    String topic = "LegacySync";
    createTopic(topic, 2);
    List<SendResult> results = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      results.add(producer.send(message(topic, "sync-" + i, "k" + i)));
    }
    assertThat(results)
        .allSatisfy(r -> assertThat(r.getSendStatus()).isEqualTo(SendStatus.SEND_OK));
    assertThat(results)
        .allSatisfy(r -> assertThat(r.getMessageQueue().getBrokerName()).isEqualTo(BROKER));
    assertThat(results.stream().map(r -> r.getMessageQueue().getQueueId()).distinct())
        .containsExactlyInAnyOrder(0, 1);
    // Round robin over two queues: offsets 0, 1, 2 on each.
    assertThat(results.stream().mapToLong(SendResult::getQueueOffset).sum()).isEqualTo(6);
    MessageExt viewed = admin.viewMessage(topic, results.get(3).getMsgId());
    assertThat(new String(viewed.getBody(), StandardCharsets.UTF_8)).isEqualTo("sync-3");
    assertThat(viewed.getKeys()).isEqualTo("k3");
  }

  @Test
  void clusteringPushConsumersShareTheQueuesAndSeeEachMessageOnce() throws Exception {
    String topic = "LegacyPush";
    String group = "legacy-push-group";
    createTopic(topic, 4);
    Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    Map<String, Integer> allocations = new ConcurrentHashMap<>();
    for (int i = 0; i < 2; i++) {
      DefaultMQPushConsumer c = tune(new DefaultMQPushConsumer(group));
      c.setAllocateMessageQueueStrategy(recording(allocations));
      c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
      c.setPullInterval(0);
      c.subscribe(topic, "*");
      c.registerMessageListener(
          (MessageListenerConcurrently)
              (msgs, ctx) -> {
                msgs.forEach(
                    m ->
                        seen.computeIfAbsent(
                                new String(m.getBody(), StandardCharsets.UTF_8),
                                k -> new AtomicInteger())
                            .incrementAndGet());
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
              });
      c.start();
      shutdowns.add(c::shutdown);
    }
    // Both members hold two queues each before anything is sent: no rebalance mid-consumption.
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> allocations.size() == 2 && allocations.values().stream().allMatch(q -> q == 2));
    int n = 40;
    for (int i = 0; i < n; i++) {
      producer.send(message(topic, "push-" + i, "p" + i));
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> seen.size() == n);
    assertThat(seen.keySet())
        .containsExactlyInAnyOrderElementsOf(
            java.util.stream.IntStream.range(0, n).mapToObj(i -> "push-" + i).toList());
    // A late redelivery would show up here: wait for a beat of pulls, then check exactly once.
    await()
        .pollDelay(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(5))
        .until(() -> seen.values().stream().allMatch(c -> c.get() == 1));
  }

  /** The averaging strategy, remembering how many queues it gave each client id last time. */
  private static AllocateMessageQueueStrategy recording(Map<String, Integer> allocations) {
    AllocateMessageQueueAveragely averagely = new AllocateMessageQueueAveragely();
    return new AllocateMessageQueueStrategy() {
      @Override
      public List<MessageQueue> allocate(
          String group, String clientId, List<MessageQueue> all, List<String> clientIds) {
        List<MessageQueue> mine = averagely.allocate(group, clientId, all, clientIds);
        if (!all.isEmpty() && !all.get(0).getTopic().startsWith("%RETRY%")) {
          allocations.put(clientId, mine.size());
        }
        return mine;
      }

      @Override
      public String getName() {
        return "RECORDING_AVG";
      }
    };
  }

  @Test
  void orderlyConsumerSeesEachKeyInSendOrder() throws Exception {
    String topic = "LegacyOrder";
    createTopic(topic, 4);
    int keys = 5;
    int perKey = 12;
    MessageQueueSelector byKey =
        (mqs, msg, arg) -> mqs.get(Math.floorMod(((String) arg).hashCode(), mqs.size()));
    Map<String, List<Integer>> received = new ConcurrentHashMap<>();
    DefaultMQPushConsumer c = tune(new DefaultMQPushConsumer("legacy-orderly-group"));
    c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
    c.setPullInterval(0);
    c.subscribe(topic, "*");
    c.registerMessageListener(
        (MessageListenerOrderly)
            (msgs, ctx) -> {
              for (MessageExt m : msgs) {
                String[] parts = new String(m.getBody(), StandardCharsets.UTF_8).split(":");
                received
                    .computeIfAbsent(parts[0], k -> new CopyOnWriteArrayList<>())
                    .add(Integer.parseInt(parts[1]));
              }
              return ConsumeOrderlyStatus.SUCCESS;
            });
    c.start();
    shutdowns.add(c::shutdown);
    for (int seq = 0; seq < perKey; seq++) {
      for (int k = 0; k < keys; k++) {
        String key = "order-" + k;
        SendResult r = producer.send(message(topic, key + ":" + seq, key), byKey, key);
        assertThat(r.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
      }
    }
    List<Integer> expected = java.util.stream.IntStream.range(0, perKey).boxed().toList();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                received.size() == keys
                    && received.values().stream().allMatch(l -> l.size() >= perKey));
    assertThat(received.values()).allSatisfy(l -> assertThat(l).isEqualTo(expected));
  }

  @Test
  void litePullConsumerAssignsSeeksAndPolls() throws Exception {
    String topic = "LegacyLitePull";
    createTopic(topic, 1);
    for (int i = 0; i < 10; i++) {
      producer.send(message(topic, "lite-" + i, "l" + i));
    }
    DefaultLitePullConsumer c = tune(new DefaultLitePullConsumer("legacy-lite-group"));
    c.setAutoCommit(false);
    c.start();
    shutdowns.add(c::shutdown);
    Collection<MessageQueue> queues = c.fetchMessageQueues(topic);
    assertThat(queues).hasSize(1);
    MessageQueue mq = queues.iterator().next();
    c.assign(queues);
    c.seek(mq, 6);
    List<String> bodies = new ArrayList<>();
    List<Long> offsets = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              for (MessageExt m : c.poll(500)) {
                bodies.add(new String(m.getBody(), StandardCharsets.UTF_8));
                offsets.add(m.getQueueOffset());
              }
              return bodies.size() >= 4;
            });
    assertThat(bodies).containsExactly("lite-6", "lite-7", "lite-8", "lite-9");
    assertThat(offsets).containsExactly(6L, 7L, 8L, 9L);
  }

  @Test
  void adminSeesTheClusterCreatesTopicsAndListsThem() throws Exception {
    ClusterInfo info = admin.examineBrokerClusterInfo();
    assertThat(info.getClusterAddrTable()).containsEntry(CLUSTER, Set.of(BROKER));
    BrokerData bd = info.getBrokerAddrTable().get(BROKER);
    assertThat(bd.getCluster()).isEqualTo(CLUSTER);
    assertThat(bd.getBrokerAddrs()).containsEntry(0L, broker.brokerAddr());

    String topic = "LegacyAdminTopic";
    createTopic(topic, 6);
    TopicRouteData route = admin.examineTopicRouteInfo(topic);
    assertThat(route.getQueueDatas()).hasSize(1);
    QueueData qd = route.getQueueDatas().get(0);
    assertThat(qd.getBrokerName()).isEqualTo(BROKER);
    assertThat(qd.getReadQueueNums()).isEqualTo(6);
    assertThat(qd.getWriteQueueNums()).isEqualTo(6);
    assertThat(route.getBrokerDatas().get(0).getBrokerAddrs())
        .containsEntry(0L, broker.brokerAddr());

    assertThat(admin.fetchAllTopicList().getTopicList()).contains(topic, "TBW102");
  }
}
