package io.kitemq.it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kitemq.client.BrokerException;
import io.kitemq.client.ClientOptions;
import io.kitemq.client.admin.AdminClient;
import io.kitemq.client.consumer.ConsumeStatus;
import io.kitemq.client.consumer.PushConsumer;
import io.kitemq.client.producer.Producer;
import io.kitemq.client.producer.SendResult;
import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageQueue;
import io.kitemq.remoting.protocol.body.BrokerStatsData;
import io.kitemq.remoting.protocol.body.ConsumeMessageDirectlyResult;
import io.kitemq.remoting.protocol.body.ConsumeStats;
import io.kitemq.remoting.protocol.body.ConsumerConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.rocketmq.remoting.protocol.body.Connection;
import org.apache.rocketmq.remoting.protocol.body.ProducerConnection;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The admin client's group and message actions (what the web console calls) against both brokers:
 * group stats, producer connections, offset search, offset reset and direct consumption; and the
 * official admin reading a producer group's connections from each.
 */
@ExtendWith(SharedClusters.class)
@Timeout(120)
class AdminGroupActionsTest {

  static Stream<TestCluster> clusters() {
    return SharedClusters.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void groupStatsProducersOffsetSearchResetAndDirectConsumptionWork(TestCluster cluster)
      throws Exception {
    String topic = Clients.unique("Actions");
    String group = Clients.unique("actcg");
    String producerGroup = Clients.unique("actpg");
    ClientOptions producerOptions = Clients.options(cluster);
    long before = System.currentTimeMillis() - 1;
    AtomicInteger received = new AtomicInteger();
    try (AdminClient admin = AdminClient.builder().clientOptions(Clients.options(cluster)).build();
        Producer producer =
            Producer.builder()
                .clientOptions(producerOptions)
                .group(producerGroup)
                .sendTimeout(Duration.ofSeconds(10))
                .build()) {
      SendResult last = null;
      for (int i = 0; i < 3; i++) {
        last =
            producer.send(new Message(topic, "a", "k" + i, "x".getBytes(StandardCharsets.UTF_8)));
      }
      String lastId = last.offsetMsgId();
      MessageQueue lastQueue = last.queue();

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !admin.producerConnections(producerGroup).isEmpty());
      List<ConsumerConnection.Connection> producers =
          admin.producerConnections(producerGroup).values().iterator().next();
      assertThat(producers)
          .extracting(ConsumerConnection.Connection::clientId)
          .contains(producerOptions.clientId());
      assertThat(admin.producerConnections(Clients.unique("nobody"))).isEmpty();

      DefaultMQAdminExt official = new DefaultMQAdminExt();
      official.setNamesrvAddr(cluster.namesrvAddr());
      official.setInstanceName(Clients.unique("actions-admin"));
      official.start();
      try {
        ProducerConnection pc = official.examineProducerConnectionInfo(producerGroup, topic);
        assertThat(pc.getConnectionSet())
            .extracting(Connection::getClientId)
            .contains(producerOptions.clientId());
      } finally {
        official.shutdown();
      }

      // Both brokers keep a put counter per topic; ours samples it every second, so the last
      // minute's sum reaches the three sends within seconds.
      String master = admin.masterAddrs(null).get(0);
      Optional<BrokerStatsData> puts = admin.brokerStatsData(master, "TOPIC_PUT_NUMS", topic);
      assertThat(puts).isPresent();
      assertThat(puts.get().statsMinute()).isNotNull();
      assertThat(puts.get().statsMinute().tps()).isGreaterThanOrEqualTo(0);
      if (cluster.isKite()) {
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    admin
                        .brokerStatsData(master, "TOPIC_PUT_NUMS", topic)
                        .map(d -> d.statsMinute().sum())
                        .orElse(0L),
                n -> n == 3);
      }

      assertThat(admin.searchOffset(lastQueue, before)).isZero();
      assertThat(admin.searchOffset(lastQueue, System.currentTimeMillis() + 60_000))
          .isEqualTo(admin.topicStats(topic).get(lastQueue).maxOffset());

      ClientOptions consumerOptions = Clients.options(cluster);
      try (PushConsumer consumer =
          Clients.consumer(cluster, group)
              .clientOptions(consumerOptions)
              .subscribe(topic, "*")
              .listener(
                  (msgs, q) -> {
                    received.addAndGet(msgs.size());
                    return ConsumeStatus.CONSUME_SUCCESS;
                  })
              .build()) {
        await().atMost(Duration.ofSeconds(60)).until(() -> received.get() >= 3);
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> lag(admin.groupStats(group), topic) == 0 && has(admin, group, topic));

        // Brokers refuse a reset until the group has committed an offset on every write queue;
        // an empty queue gets one only when the consumer's long poll on it returns.
        Map<MessageQueue, Long> reset =
            await()
                .atMost(Duration.ofSeconds(60))
                .ignoreExceptionsInstanceOf(BrokerException.class)
                .until(() -> admin.resetOffsetByTimestamp(group, topic, before, true), r -> true);
        assertThat(reset).isNotEmpty();
        assertThat(reset.values()).containsOnly(0L);
        await().atMost(Duration.ofSeconds(60)).until(() -> received.get() >= 6);

        int seen = received.get();
        ConsumeMessageDirectlyResult direct =
            admin.consumeMessageDirectly(group, consumerOptions.clientId(), topic, lastId);
        assertThat(direct.consumeResult()).isEqualTo("CR_SUCCESS");
        assertThat(received.get()).isGreaterThan(seen);
      }
    }
  }

  private static long lag(ConsumeStats stats, String topic) {
    long lag = 0;
    for (Map.Entry<MessageQueue, ConsumeStats.OffsetWrapper> e : stats.offsetTable().entrySet()) {
      if (e.getKey().topic().equals(topic)) {
        lag += Math.max(0, e.getValue().brokerOffset() - e.getValue().consumerOffset());
      }
    }
    return lag;
  }

  private static boolean has(AdminClient admin, String group, String topic) throws Exception {
    return admin.groupStats(group).offsetTable().keySet().stream()
        .anyMatch(q -> q.topic().equals(topic));
  }
}
