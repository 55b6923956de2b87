package io.kitemq.it.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kitemq.client.ClientOptions;
import io.kitemq.client.consumer.ConsumeFromWhere;
import io.kitemq.client.consumer.ConsumeStatus;
import io.kitemq.client.consumer.PullConsumer;
import io.kitemq.client.consumer.PushConsumer;
import io.kitemq.client.producer.Producer;
import io.kitemq.client.producer.SendResult;
import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageQueue;
import io.kitemq.it.client.SharedClusters;
import io.kitemq.it.client.TestCluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code kite admin} commands against our node and the Apache RocketMQ 5.5.0 one, through the
 * picocli entry point, checked by their effects on the cluster.
 */
@ExtendWith(SharedClusters.class)
@Timeout(180)
class AdminCommandTest {

  private static final AtomicInteger IDS = new AtomicInteger();
  private static final long RUN = System.nanoTime();

  static Stream<TestCluster> clusters() {
    return SharedClusters.all().stream();
  }

  static String unique(String prefix) {
    return prefix + "_" + Long.toHexString(RUN & 0xFFFFFF) + "_" + IDS.incrementAndGet();
  }

  private static ClientOptions options(TestCluster cluster) {
    return ClientOptions.builder()
        .namesrvAddr(cluster.namesrvAddr())
        .clientIp("127.0.0.1")
        .instanceName(unique("admin-it"))
        .pollNameServerInterval(Duration.ofSeconds(1))
        .heartbeatInterval(Duration.ofSeconds(1))
        .rebalanceInterval(Duration.ofSeconds(1))
        .persistOffsetInterval(Duration.ofMillis(200))
        .build();
  }

  private static String clusterName(TestCluster cluster) {
    Admin.Run r = Admin.run(cluster.namesrvAddr(), "clusterList", "--json");
    assertThat(r.exit()).as(r.toString()).isZero();
    return r.json().get(0).get("cluster").asText();
  }

  /** Creates {@code topic} with {@code queues} queues and waits until its route shows them. */
  private static void createTopic(TestCluster cluster, String topic, int queues) {
    String n = cluster.namesrvAddr();
    String q = Integer.toString(queues);
    Admin.Run r =
        Admin.run(n, "updateTopic", "-t", topic, "-c", clusterName(cluster), "-r", q, "-w", q);
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains(topic).contains("RW");
    await()
        .atMost(Duration.ofSeconds(40))
        .until(
            () -> {
              Admin.Run route = Admin.run(n, "topicRoute", "-t", topic, "--json");
              return route.exit() == 0
                  && route.json().get("queueDatas").get(0).get("writeQueueNums").asInt() == queues;
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void clusterListAndBrokerStatusShowTheRegisteredBroker(TestCluster cluster) {
    String n = cluster.namesrvAddr();
    Admin.Run table = Admin.run(n, "clusterList");
    assertThat(table.exit()).as(table.toString()).isZero();
    assertThat(table.out()).startsWith("#Cluster Name").contains(clusterName(cluster));
    JsonNode broker = Admin.run(n, "clusterList", "--json").json().get(0);
    assertThat(broker.get("brokerId").asLong()).isZero();
    String addr = broker.get("addr").asText();
    assertThat(addr).startsWith("127.0.0.1:");

    Admin.Run status = Admin.run(n, "brokerStatus", "-b", addr, "--json");
    assertThat(status.exit()).as(status.toString()).isZero();
    JsonNode stats = status.json().get(addr);
    assertThat(stats.get("commitLogMaxOffset").asLong()).isGreaterThanOrEqualTo(0);
    assertThat(stats.get("brokerVersionDesc").asText()).isNotBlank();
    Admin.Run byCluster = Admin.run(n, "brokerStatus", "-c", clusterName(cluster));
    assertThat(byCluster.exit()).as(byCluster.toString()).isZero();
    assertThat(byCluster.out()).contains(addr).contains("commitLogMaxOffset");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void updatedTopicIsListedRoutedAndDeleted(TestCluster cluster) {
    String n = cluster.namesrvAddr();
    String topic = unique("AdminCliTopic");
    createTopic(cluster, topic, 3);
    Admin.Run list = Admin.run(n, "topicList", "--json");
    assertThat(list.exit()).isZero();
    List<String> topics = new ArrayList<>();
    list.json().get("topics").forEach(t -> topics.add(t.asText()));
    assertThat(topics).contains(topic);
    assertThat(Admin.run(n, "topicList").out().lines()).contains(topic);

    Admin.Run status = Admin.run(n, "topicStatus", "-t", topic, "--json");
    assertThat(status.exit()).as(status.toString()).isZero();
    assertThat(status.json()).hasSize(3);
    status.json().forEach(q -> assertThat(q.get("maxOffset").asLong()).isZero());
    Admin.Run route = Admin.run(n, "topicRoute", "-t", topic);
    assertThat(route.out()).contains("#Read Queues").contains("RW");

    Admin.Run deleted = Admin.run(n, "deleteTopic", "-t", topic, "-c", clusterName(cluster));
    assertThat(deleted.exit()).as(deleted.toString()).isZero();
    await()
        .atMost(Duration.ofSeconds(40))
        .until(() -> Admin.run(n, "topicRoute", "-t", topic).exit() == 1);
    Admin.Run gone = Admin.run(n, "topicRoute", "-t", topic);
    assertThat(gone.err().strip()).isEqualTo("kite admin topicRoute: no route for topic " + topic);
    assertThat(gone.out()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void sentMessageIsFoundByIdKeyAndConsumeMessage(TestCluster cluster) {
    String n = cluster.namesrvAddr();
    String topic = unique("AdminCliMsg");
    createTopic(cluster, topic, 2);
    String body = "hello from kite admin " + topic;
    String key = "order-" + IDS.incrementAndGet();
    Admin.Run sent =
        Admin.run(n, "sendMessage", "-t", topic, "-p", body, "-k", key, "--tags", "TagA", "--json");
    assertThat(sent.exit()).as(sent.toString()).isZero();
    JsonNode s = sent.json();
    assertThat(s.get("status").asText()).isEqualTo("SEND_OK");
    String msgId = s.get("msgId").asText();
    String offsetMsgId = s.get("offsetMsgId").asText();

    Admin.Run byOffsetId = Admin.run(n, "queryMsgById", "-i", offsetMsgId, "--json");
    assertThat(byOffsetId.exit()).as(byOffsetId.toString()).isZero();
    assertThat(byOffsetId.json().get("body").asText()).isEqualTo(body);
    assertThat(byOffsetId.json().get("tags").asText()).isEqualTo("TagA");
    assertThat(byOffsetId.json().get("keys").asText()).isEqualTo(key);
    assertThat(byOffsetId.json().get("msgId").asText()).isEqualTo(msgId);
    Admin.Run readable = Admin.run(n, "queryMsgById", "-i", offsetMsgId);
    assertThat(readable.out()).contains("Body:").contains(body).contains("Tags:");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Admin.Run byKey = Admin.run(n, "queryMsgByKey", "-t", topic, "-k", key, "--json");
              assertThat(byKey.exit()).as(byKey.toString()).isZero();
              assertThat(byKey.json()).hasSize(1);
              assertThat(byKey.json().get(0).get("body").asText()).isEqualTo(body);
            });
    Admin.Run byUnique = Admin.run(n, "queryMsgById", "-i", msgId, "-t", topic, "--json");
    assertThat(byUnique.exit()).as(byUnique.toString()).isZero();
    assertThat(byUnique.json().get("offsetMsgId").asText()).isEqualTo(offsetMsgId);

    Admin.Run none = Admin.run(n, "queryMsgByKey", "-t", topic, "-k", "no-such-key", "--json");
    assertThat(none.exit()).isZero();
    assertThat(none.json()).isEmpty();

    for (int i = 0; i < 4; i++) {
      assertThat(Admin.run(n, "sendMessage", "-t", topic, "-p", "more-" + i).exit()).isZero();
    }
    Admin.Run consumed = Admin.run(n, "consumeMessage", "-t", topic, "-c", "10", "--json");
    assertThat(consumed.exit()).as(consumed.toString()).isZero();
    Set<String> bodies = new HashSet<>();
    consumed.json().forEach(m -> bodies.add(m.get("body").asText()));
    assertThat(bodies).containsExactlyInAnyOrder(body, "more-0", "more-1", "more-2", "more-3");
    Admin.Run newest =
        Admin.run(n, "consumeMessage", "-t", topic, "-c", "1", "--from", "end", "--json");
    assertThat(newest.json()).hasSize(1);
    assertThat(newest.json().get(0).get("body").asText()).isEqualTo("more-3");
    Admin.Run table = Admin.run(n, "consumeMessage", "-t", topic, "-c", "2");
    assertThat(table.out().lines()).hasSize(3).first().asString().startsWith("#Broker Name");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void consumerProgressLagIsSentMinusCommitted(TestCluster cluster) throws Exception {
    String n = cluster.namesrvAddr();
    String topic = unique("AdminCliLag");
    String group = unique("admin_lag_group");
    createTopic(cluster, topic, 2);
    int sent = 12;
    try (Producer producer =
        Producer.builder().clientOptions(options(cluster)).group(unique("admin_pg")).build()) {
      for (int i = 0; i < sent; i++) {
        SendResult r =
            producer.send(new Message(topic, ("m" + i).getBytes(StandardCharsets.UTF_8)));
        assertThat(r.queue().topic()).isEqualTo(topic);
      }
    }
    // Apache brokers take offsets only for existing groups: create it first, as an operator would.
    Admin.Run created = Admin.run(n, "updateSubGroup", "-g", group, "-c", clusterName(cluster));
    assertThat(created.exit()).as(created.toString()).isZero();
    long committed = 0;
    try (PullConsumer pull =
        PullConsumer.builder().clientOptions(options(cluster)).group(group).build()) {
      for (MessageQueue q : pull.fetchSubscribeMessageQueues(topic)) {
        pull.updateConsumeOffset(q, q.queueId() == 0 ? 1 : 2);
        committed += q.queueId() == 0 ? 1 : 2;
      }
      long lag = sent - committed;
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                Admin.Run p = Admin.run(n, "consumerProgress", "-g", group, "--json");
                assertThat(p.exit()).as(p.toString()).isZero();
                assertThat(p.json().get("totalLag").asLong()).isEqualTo(lag);
                assertThat(p.json().get("queues")).hasSize(2);
              });
      Admin.Run text = Admin.run(n, "consumerProgress", "-g", group, "-t", topic);
      assertThat(text.out()).contains("Diff Total: " + lag).contains("#Consumer Offset");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void onlineGroupShowsItsConnectionAndAppearsInTheProgressSummary(TestCluster cluster)
      throws Exception {
    String n = cluster.namesrvAddr();
    String topic = unique("AdminCliConn");
    String group = unique("admin_conn_group");
    createTopic(cluster, topic, 2);
    Map<String, Boolean> received = new ConcurrentHashMap<>();
    try (Producer producer =
        Producer.builder().clientOptions(options(cluster)).group(unique("admin_pg")).build()) {
      for (int i = 0; i < 5; i++) {
        producer.send(new Message(topic, ("c" + i).getBytes(StandardCharsets.UTF_8)));
      }
    }
    try (PushConsumer consumer =
        PushConsumer.builder()
            .clientOptions(options(cluster))
            .group(group)
            .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
            .subscribe(topic, "*")
            .listener(
                (msgs, q) -> {
                  msgs.forEach(
                      m -> received.put(new String(m.getBody(), StandardCharsets.UTF_8), true));
                  return ConsumeStatus.CONSUME_SUCCESS;
                })
            .build()) {
      await().atMost(Duration.ofSeconds(60)).until(() -> received.size() == 5);
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                Admin.Run c = Admin.run(n, "consumerConnection", "-g", group, "--json");
                assertThat(c.exit()).as(c.toString()).isZero();
                assertThat(c.json().get("connectionSet")).hasSize(1);
                assertThat(c.json().get("subscriptionTable").has(topic)).isTrue();
                assertThat(c.json().get("messageModel").asText()).isEqualTo("CLUSTERING");
              });
      Admin.Run text = Admin.run(n, "consumerConnection", "-g", group);
      assertThat(text.out()).contains("#ClientId").contains(topic).contains("CLUSTERING");
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                Admin.Run all = Admin.run(n, "consumerProgress", "--json");
                assertThat(all.exit()).as(all.toString()).isZero();
                Map<String, JsonNode> byGroup = new HashMap<>();
                all.json().forEach(g -> byGroup.put(g.get("group").asText(), g));
                assertThat(byGroup).containsKey(group);
                assertThat(byGroup.get(group).get("clients").asInt()).isEqualTo(1);
                assertThat(byGroup.get(group).get("totalLag").asLong()).isZero();
              });
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Admin.run(n, "consumerConnection", "-g", group).exit() == 1);
    assertThat(Admin.run(n, "consumerConnection", "-g", group).err().strip())
        .isEqualTo("kite admin consumerConnection: consumer group " + group + " is not online");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void updateSubGroupStoresTheGivenSettings(TestCluster cluster) {
    String n = cluster.namesrvAddr();
    String group = unique("admin_sub_group");
    Admin.Run r =
        Admin.run(
            n,
            "updateSubGroup",
            "-g",
            group,
            "-c",
            clusterName(cluster),
            "-r",
            "5",
            "-q",
            "2",
            "-o",
            "true",
            "--json");
    assertThat(r.exit()).as(r.toString()).isZero();
    JsonNode stored = r.json().get(0).get("config");
    assertThat(stored.get("groupName").asText()).isEqualTo(group);
    assertThat(stored.get("retryMaxTimes").asInt()).isEqualTo(5);
    assertThat(stored.get("retryQueueNums").asInt()).isEqualTo(2);
    assertThat(stored.get("consumeMessageOrderly").asBoolean()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void unknownTopicAndGroupFailWithOneLineAndStatusOne(TestCluster cluster) {
    String n = cluster.namesrvAddr();
    String topic = unique("NoSuchTopic");
    for (String command : List.of("topicRoute", "topicStatus", "consumeMessage")) {
      Admin.Run r = Admin.run(n, command, "-t", topic);
      assertThat(r.exit()).as(r.toString()).isEqualTo(1);
      assertThat(r.err().strip())
          .isEqualTo("kite admin " + command + ": no route for topic " + topic);
    }
    String group = unique("no_such_group");
    Admin.Run progress = Admin.run(n, "consumerProgress", "-g", group);
    assertThat(progress.exit()).isEqualTo(1);
    assertThat(progress.err().strip())
        .isEqualTo(
            "kite admin consumerProgress: consumer group "
                + group
                + " not found (no consume offsets)");
  }
}
