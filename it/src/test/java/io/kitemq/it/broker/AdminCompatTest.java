package io.kitemq.it.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.protocol.admin.ConsumeStats;
import org.apache.rocketmq.remoting.protocol.admin.TopicStatsTable;
import org.apache.rocketmq.remoting.protocol.body.ConsumerConnection;
import org.apache.rocketmq.remoting.protocol.subscription.SubscriptionGroupConfig;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The official DefaultMQAdminExt managing topics, groups and reading statistics of our broker. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AdminCompatTest {

  @TempDir Path dir;
  private KiteCluster cluster;
  private DefaultMQAdminExt admin;
  private DefaultMQProducer producer;
  private String addr;

  @BeforeEach
  void start() throws Exception {
    cluster = new KiteCluster(dir);
    admin = cluster.tuneClient(new DefaultMQAdminExt());
    admin.start();
    producer = cluster.producer("admin-producer");
    producer.start();
    addr = cluster.broker().brokerAddr();
  }

  @AfterEach
  void stop() {
    producer.shutdown();
    admin.shutdown();
    cluster.close();
  }

  @Test
  void topicsAreCreatedListedMeasuredAndDeleted() throws Exception {
    admin.createAndUpdateTopicConfig(addr, new TopicConfig("AdminTopic", 3, 3, 6));
    assertThat(admin.getAllTopicConfig(addr, 3000).getTopicConfigTable().get("AdminTopic"))
        .extracting(TopicConfig::getReadQueueNums, TopicConfig::getWriteQueueNums)
        .containsExactly(3, 3);
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(
            () ->
                admin.examineTopicRouteInfo("AdminTopic").getQueueDatas().get(0).getWriteQueueNums()
                    == 3);
    for (int i = 0; i < 9; i++) {
      producer.send(new Message("AdminTopic", ("a" + i).getBytes(StandardCharsets.UTF_8)));
    }
    TopicStatsTable stats = admin.examineTopicStats("AdminTopic");
    assertThat(stats.getOffsetTable()).hasSize(3);
    assertThat(stats.getOffsetTable().values().stream().mapToLong(o -> o.getMaxOffset()).sum())
        .isEqualTo(9);

    admin.deleteTopicInBroker(Set.of(addr), "AdminTopic");
    assertThat(admin.getAllTopicConfig(addr, 3000).getTopicConfigTable())
        .doesNotContainKey("AdminTopic");
  }

  @Test
  void consumeStatsShowTheLagAndConnectionsShowTheConsumer() throws Exception {
    String topic = "Lagging";
    for (int i = 0; i < 10; i++) {
      producer.send(new Message(topic, ("l" + i).getBytes(StandardCharsets.UTF_8)));
    }
    AtomicInteger consumed = new AtomicInteger();
    DefaultMQPushConsumer c = cluster.pushConsumer("g-lag");
    c.subscribe(topic, "*");
    c.registerMessageListener(
        (MessageListenerConcurrently)
            (msgs, ctx) -> {
              consumed.addAndGet(msgs.size());
              return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
    c.start();
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> consumed.get() >= 10);
      ConsumerConnection conn = admin.examineConsumerConnectionInfo("g-lag");
      assertThat(conn.getConnectionSet()).hasSize(1);
      assertThat(conn.getSubscriptionTable()).containsKey(topic);
    } finally {
      c.shutdown();
    }
    for (int i = 0; i < 5; i++) {
      producer.send(new Message(topic, ("more" + i).getBytes(StandardCharsets.UTF_8)));
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(() -> lagOf(admin.examineConsumeStats("g-lag"), topic) == 5);
  }

  private static long lagOf(ConsumeStats stats, String topic) {
    return stats.getOffsetTable().entrySet().stream()
        .filter(e -> e.getKey().getTopic().equals(topic))
        .mapToLong(e -> e.getValue().getBrokerOffset() - e.getValue().getConsumerOffset())
        .sum();
  }

  @Test
  void groupsBrokerConfigAndRuntimeInfoAreReadable() throws Exception {
    SubscriptionGroupConfig group = new SubscriptionGroupConfig();
    group.setGroupName("g-custom");
    group.setRetryMaxTimes(3);
    admin.createAndUpdateSubscriptionGroupConfig(addr, group);
    assertThat(
            admin.getAllSubscriptionGroup(addr, 3000).getSubscriptionGroupTable().get("g-custom"))
        .extracting(SubscriptionGroupConfig::getRetryMaxTimes)
        .isEqualTo(3);
    assertThat(admin.getBrokerConfig(addr).getProperty("brokerName")).isEqualTo(KiteCluster.BROKER);
    assertThat(admin.fetchBrokerRuntimeStats(addr).getTable()).containsKey("commitLogMaxOffset");
  }

  @Test
  void theBrokerRegistersAtStartAndUnregistersAtShutdown() throws Exception {
    assertThat(admin.examineBrokerClusterInfo().getBrokerAddrTable().get(KiteCluster.BROKER))
        .isNotNull()
        .satisfies(b -> assertThat(b.getBrokerAddrs()).containsEntry(0L, addr));
    assertThat(admin.examineTopicRouteInfo("TBW102").getQueueDatas()).hasSize(1);
    cluster.broker().shutdown();
    assertThat(admin.examineBrokerClusterInfo().getBrokerAddrTable())
        .doesNotContainKey(KiteCluster.BROKER);
  }
}
