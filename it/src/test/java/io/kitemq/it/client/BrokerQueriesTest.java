package io.kitemq.it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kitemq.client.ClientOptions;
import io.kitemq.client.consumer.ConsumeFromWhere;
import io.kitemq.client.consumer.ConsumeStatus;
import io.kitemq.client.consumer.PushConsumer;
import io.kitemq.client.producer.Producer;
import io.kitemq.client.producer.SendResult;
import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageExt;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.rocketmq.remoting.protocol.body.CMResult;
import org.apache.rocketmq.remoting.protocol.body.ConsumeMessageDirectlyResult;
import org.apache.rocketmq.remoting.protocol.body.ConsumerRunningInfo;
import org.apache.rocketmq.remoting.protocol.heartbeat.SubscriptionData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The official admin asks our push consumer, through each broker, for its running info and to
 * consume a message directly.
 */
@ExtendWith(SharedClusters.class)
@Timeout(120)
class BrokerQueriesTest {

  static Stream<TestCluster> clusters() {
    return SharedClusters.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void theOfficialAdminReadsRunningInfoAndConsumesAMessageDirectly(TestCluster cluster)
      throws Exception {
    String topic = Clients.unique("Queried");
    String group = Clients.unique("querycg");
    ClientOptions options = Clients.options(cluster);
    Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    SendResult sent;
    try (Producer producer = Clients.producer(cluster, Clients.unique("querypg"))) {
      sent =
          producer.send(
              new Message(topic, "TagQ", "k1", "direct".getBytes(StandardCharsets.UTF_8)));
    }
    DefaultMQAdminExt admin = new DefaultMQAdminExt();
    admin.setNamesrvAddr(cluster.namesrvAddr());
    admin.setInstanceName(Clients.unique("query-admin"));
    try (PushConsumer consumer =
        PushConsumer.builder()
            .clientOptions(options)
            .group(group)
            .consumeThreads(2)
            .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
            .subscribe(topic, "TagQ")
            .listener(
                (msgs, q) -> {
                  msgs.forEach(
                      m ->
                          deliveries
                              .computeIfAbsent(m.getMsgId(), k -> new AtomicInteger())
                              .incrementAndGet());
                  return ConsumeStatus.CONSUME_SUCCESS;
                })
            .build()) {
      await().atMost(Duration.ofSeconds(60)).until(() -> deliveries.containsKey(sent.msgId()));
      admin.start();

      ConsumerRunningInfo info = admin.getConsumerRunningInfo(group, options.clientId(), true);
      assertThat(info.getProperties())
          .containsEntry(ConsumerRunningInfo.PROP_CONSUME_TYPE, "CONSUME_PASSIVELY")
          .containsEntry(ConsumerRunningInfo.PROP_CONSUME_ORDERLY, "false")
          .containsEntry(ConsumerRunningInfo.PROP_THREADPOOL_CORE_SIZE, "2");
      assertThat(info.getSubscriptionSet())
          .extracting(SubscriptionData::getTopic, SubscriptionData::getSubString)
          .contains(org.assertj.core.groups.Tuple.tuple(topic, "TagQ"));
      assertThat(info.getMqTable().keySet())
          .filteredOn(q -> q.getTopic().equals(topic))
          .extracting(org.apache.rocketmq.common.message.MessageQueue::getQueueId)
          .containsExactlyInAnyOrderElementsOf(
              consumer.assignedQueues().stream()
                  .filter(q -> q.topic().equals(topic))
                  .map(io.kitemq.common.message.MessageQueue::queueId)
                  .toList());
      assertThat(info.getStatusTable()).containsKey(topic);
      assertThat(info.getJstack()).contains("kite-consume-");

      ConsumeMessageDirectlyResult direct =
          admin.consumeMessageDirectly(group, options.clientId(), topic, sent.offsetMsgId());
      assertThat(direct.getConsumeResult()).isEqualTo(CMResult.CR_SUCCESS);
      assertThat(direct.isOrder()).isFalse();
      assertThat(deliveries.get(sent.msgId()).get()).isEqualTo(2);
    } finally {
      admin.shutdown();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void anAdminOffsetResetByTimestampMakesTheConsumerReadAgain(TestCluster cluster)
      throws Exception {
    String topic = Clients.unique("Reset");
    String group = Clients.unique("resetcg");
    Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    long before = System.currentTimeMillis() - 1000;
    java.util.List<String> ids = new java.util.ArrayList<>();
    try (Producer producer = Clients.producer(cluster, Clients.unique("resetpg"))) {
      for (int i = 0; i < 3; i++) {
        ids.add(
            producer.send(new Message(topic, ("r" + i).getBytes(StandardCharsets.UTF_8))).msgId());
      }
    }
    DefaultMQAdminExt admin = new DefaultMQAdminExt();
    admin.setNamesrvAddr(cluster.namesrvAddr());
    admin.setInstanceName(Clients.unique("reset-admin"));
    try (PushConsumer consumer =
        Clients.consumer(cluster, group)
            .subscribe(topic, "*")
            .listener(
                (msgs, q) -> {
                  msgs.forEach(
                      m ->
                          deliveries
                              .computeIfAbsent(m.getMsgId(), k -> new AtomicInteger())
                              .incrementAndGet());
                  return ConsumeStatus.CONSUME_SUCCESS;
                })
            .build()) {
      await().atMost(Duration.ofSeconds(60)).until(() -> deliveries.keySet().containsAll(ids));
      admin.start();
      // The broker refuses a reset until it holds the group's committed offsets.
      Map<org.apache.rocketmq.common.message.MessageQueue, Long> table =
          await()
              .atMost(Duration.ofSeconds(30))
              .ignoreExceptions()
              .until(() -> admin.resetOffsetByTimestamp(topic, group, before, true), t -> true);
      assertThat(table).isNotEmpty();
      assertThat(table.values()).containsOnly(0L);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> ids.stream().allMatch(id -> deliveries.get(id).get() >= 2));
    } finally {
      admin.shutdown();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void runningInfoReportsMeasuredConsumeRatesPerTopic(TestCluster cluster) throws Exception {
    String topic = Clients.unique("Rated");
    String group = Clients.unique("ratecg");
    String retryTopic = "%RETRY%" + group;
    int total = 10;
    int failing = 3;
    ClientOptions options = Clients.options(cluster);
    Set<String> okFirstTime = ConcurrentHashMap.newKeySet();
    Set<String> failedOnce = ConcurrentHashMap.newKeySet();
    Set<String> okOnRetry = ConcurrentHashMap.newKeySet();
    try (Producer producer = Clients.producer(cluster, Clients.unique("ratepg"))) {
      for (int i = 0; i < total; i++) {
        String key = (i < failing ? "fail-" : "ok-") + i;
        producer.send(new Message(topic, "TagR", key, key.getBytes(StandardCharsets.UTF_8)));
      }
    }
    DefaultMQAdminExt admin = new DefaultMQAdminExt();
    admin.setNamesrvAddr(cluster.namesrvAddr());
    admin.setInstanceName(Clients.unique("rate-admin"));
    try (PushConsumer consumer =
        PushConsumer.builder()
            .clientOptions(options)
            .group(group)
            .consumeThreads(2)
            .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
            .subscribe(topic, "*")
            .listener(
                (msgs, q) -> {
                  MessageExt m = msgs.get(0);
                  if (m.getReconsumeTimes() > 0) {
                    okOnRetry.add(m.getKeys());
                    return ConsumeStatus.CONSUME_SUCCESS;
                  }
                  if (m.getKeys().startsWith("fail-")) {
                    failedOnce.add(m.getKeys());
                    return ConsumeStatus.RECONSUME_LATER;
                  }
                  okFirstTime.add(m.getKeys());
                  return ConsumeStatus.CONSUME_SUCCESS;
                })
            .build()) {
      admin.start();
      // Failed messages come back from the retry topic after the broker's first retry delay.
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> okFirstTime.size() == total - failing && okOnRetry.size() == failing);
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                ConsumerRunningInfo info =
                    admin.getConsumerRunningInfo(group, options.clientId(), false);
                org.apache.rocketmq.remoting.protocol.body.ConsumeStatus main =
                    info.getStatusTable().get(topic);
                assertThat(main.getConsumeOKTPS()).isPositive();
                assertThat(main.getConsumeFailedTPS()).isPositive();
                assertThat(main.getConsumeFailedMsgs()).isEqualTo(failing);
                assertThat(main.getPullTPS()).isPositive();
                assertThat(main.getPullRT()).isNotNegative();
                assertThat(main.getConsumeRT()).isNotNegative();
                org.apache.rocketmq.remoting.protocol.body.ConsumeStatus retry =
                    info.getStatusTable().get(retryTopic);
                assertThat(retry.getConsumeOKTPS()).isPositive();
                assertThat(retry.getConsumeFailedMsgs()).isZero();
              });
    } finally {
      admin.shutdown();
    }
  }
}
