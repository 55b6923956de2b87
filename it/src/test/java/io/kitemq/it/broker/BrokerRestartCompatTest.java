package io.kitemq.it.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A clean broker restart keeps messages, topics and committed offsets for the official client. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BrokerRestartCompatTest {

  @TempDir Path dir;
  private KiteCluster cluster;
  private DefaultMQProducer producer;

  @BeforeEach
  void start() throws Exception {
    cluster = new KiteCluster(dir);
    producer = cluster.producer("restart-producer");
    producer.start();
  }

  @AfterEach
  void stop() {
    producer.shutdown();
    cluster.close();
  }

  private SendResult sendUntilAccepted(String topic, String body) {
    SendResult[] result = new SendResult[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () -> {
              result[0] = producer.send(new Message(topic, body.getBytes(StandardCharsets.UTF_8)));
              return result[0].getSendStatus() == SendStatus.SEND_OK;
            });
    return result[0];
  }

  @Test
  void offsetsMessagesAndTopicsSurviveACleanRestart() throws Exception {
    String topic = "Durable";
    String group = "g-durable";
    SendResult firstSent = sendUntilAccepted(topic, "before-0");
    for (int i = 1; i < 30; i++) {
      sendUntilAccepted(topic, "before-" + i);
    }
    List<String> seen = new CopyOnWriteArrayList<>();
    MessageListenerConcurrently collect =
        (msgs, ctx) -> {
          for (MessageExt m : msgs) {
            seen.add(new String(m.getBody(), StandardCharsets.UTF_8));
          }
          return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        };
    DefaultMQPushConsumer first = cluster.pushConsumer(group);
    first.subscribe(topic, "*");
    first.registerMessageListener(collect);
    first.start();
    await().atMost(Duration.ofSeconds(30)).until(() -> Set.copyOf(seen).size() == 30);
    first.shutdown();
    int queues = cluster.broker().topics().get(topic).readQueueNums();

    cluster.restartBroker();

    assertThat(cluster.broker().topics().get(topic).readQueueNums()).isEqualTo(queues);
    Set<String> after = ConcurrentHashMap.newKeySet();
    for (int i = 0; i < 10; i++) {
      sendUntilAccepted(topic, "after-" + i);
      after.add("after-" + i);
    }
    seen.clear();
    DefaultMQPushConsumer second = cluster.pushConsumer(group);
    second.subscribe(topic, "*");
    second.registerMessageListener(collect);
    second.start();
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> seen.containsAll(after));
      sendUntilAccepted(topic, "marker");
      await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("marker"));
      assertThat(seen).noneMatch(s -> s.startsWith("before-"));
    } finally {
      second.shutdown();
    }

    DefaultMQAdminExt admin = cluster.tuneClient(new DefaultMQAdminExt());
    admin.start();
    try {
      MessageExt old = admin.viewMessage(topic, firstSent.getOffsetMsgId());
      assertThat(new String(old.getBody(), StandardCharsets.UTF_8)).isEqualTo("before-0");
    } finally {
      admin.shutdown();
    }
  }
}
