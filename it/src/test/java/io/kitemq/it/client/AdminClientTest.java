package io.kitemq.it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kitemq.client.BrokerException;
import io.kitemq.client.ClientException;
import io.kitemq.client.admin.AdminClient;
import io.kitemq.client.consumer.ConsumeStatus;
import io.kitemq.client.consumer.PushConsumer;
import io.kitemq.client.producer.Producer;
import io.kitemq.client.producer.SendResult;
import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.MessageQueue;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.body.ClusterInfo;
import io.kitemq.remoting.protocol.body.TopicStatsTable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The admin client against both brokers. */
@ExtendWith(SharedClusters.class)
@Timeout(90)
class AdminClientTest {

  static Stream<TestCluster> clusters() {
    return SharedClusters.all().stream();
  }

  private static AdminClient admin(TestCluster cluster) {
    return AdminClient.builder().clientOptions(Clients.options(cluster)).build();
  }

  /** Runs an admin call, skipping the test when the broker does not serve the request. */
  private interface Call<T> {
    T run() throws Exception;
  }

  private static <T> T served(String feature, Call<T> call) throws Exception {
    try {
      return call.run();
    } catch (BrokerException e) {
      Assumptions.assumeFalse(
          e.code() == ResponseCode.REQUEST_CODE_NOT_SUPPORTED.code(),
          "broker does not serve " + feature);
      throw e;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void createdTopicIsRoutedAndDeletedTopicDisappears(TestCluster cluster) throws Exception {
    String topic = Clients.unique("AdminTopic");
    try (AdminClient admin = admin(cluster)) {
      ClusterInfo info = admin.clusterInfo();
      assertThat(info.clusterAddrTable()).hasSize(1);
      String clusterName = info.clusterAddrTable().keySet().iterator().next();
      served(
          "UPDATE_AND_CREATE_TOPIC",
          () -> {
            admin.createTopic(clusterName, topic, 3);
            return null;
          });
      await()
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptionsInstanceOf(ClientException.class)
          .until(() -> admin.topicRoute(topic).queueDatas().get(0).writeQueueNums() == 3);
      served(
          "DELETE_TOPIC_IN_BROKER",
          () -> {
            admin.deleteTopic(clusterName, topic);
            return null;
          });
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                try {
                  admin.topicRoute(topic);
                  return false;
                } catch (ClientException e) {
                  return e.getMessage().contains("No route info");
                }
              });
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void statsLagAndMessageLookupReflectWhatWasSentAndConsumed(TestCluster cluster) throws Exception {
    String topic = Clients.unique("AdminStats");
    String group = Clients.unique("cg");
    SendResult last = null;
    try (Producer producer = Clients.producer(cluster, Clients.unique("pg"))) {
      for (int i = 0; i < 12; i++) {
        last =
            producer.send(
                new Message(topic, "T", "key" + i, ("b" + i).getBytes(StandardCharsets.UTF_8)));
      }
    }
    String lastId = last.offsetMsgId();
    try (AdminClient admin = admin(cluster)) {
      Map<MessageQueue, TopicStatsTable.TopicOffset> stats =
          served("GET_TOPIC_STATS_INFO", () -> admin.topicStats(topic));
      assertThat(stats.values().stream().mapToLong(TopicStatsTable.TopicOffset::maxOffset).sum())
          .isEqualTo(12);
      MessageExt viewed = served("VIEW_MESSAGE_BY_ID", () -> admin.viewMessage(lastId));
      assertThat(viewed.getKeys()).isEqualTo("key11");
      assertThat(viewed.getBody()).isEqualTo("b11".getBytes(StandardCharsets.UTF_8));
      Set<String> got = ConcurrentHashMap.newKeySet();
      try (PushConsumer consumer =
          Clients.consumer(cluster, group)
              .subscribe(topic, "*")
              .listener(
                  (msgs, q) -> {
                    msgs.forEach(m -> got.add(m.getKeys()));
                    return ConsumeStatus.CONSUME_SUCCESS;
                  })
              .build()) {
        await().atMost(Duration.ofSeconds(30)).until(() -> got.size() == 12);
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> served("GET_CONSUME_STATS", () -> admin.consumerLag(group, topic)) == 0);
      }
    }
  }
}
