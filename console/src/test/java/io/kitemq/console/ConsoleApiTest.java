package io.kitemq.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kitemq.client.ClientOptions;
import io.kitemq.client.admin.AdminClient;
import io.kitemq.client.consumer.ConsumeFromWhere;
import io.kitemq.client.consumer.ConsumeStatus;
import io.kitemq.client.consumer.PushConsumer;
import io.kitemq.client.producer.Producer;
import io.kitemq.common.message.Message;
import io.kitemq.remoting.protocol.body.BrokerStatsData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's JSON API against a real node: topics, test messages, lookups, errors, read-only.
 */
@Timeout(90)
class ConsoleApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private TestNode node;
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  private record Answer(int status, JsonNode json) {}

  private Answer call(String method, String path, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).timeout(Duration.ofSeconds(20));
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    return new Answer(r.statusCode(), JSON.readTree(r.body()));
  }

  @Test
  void createdTopicIsListedAndATestMessageIsFoundByItsId() throws Exception {
    node = new TestNode(dir, false);
    Answer created = call("POST", "/api/topics", "{\"topic\":\"ApiTopic\",\"queues\":3}");
    assertThat(created.status()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> call("GET", "/api/topics", null).json().toString().contains("\"ApiTopic\""));
    assertThat(call("GET", "/api/topic?topic=ApiTopic", null).json().get("queues")).hasSize(3);

    Answer sent =
        call(
            "POST",
            "/api/messages",
            "{\"topic\":\"ApiTopic\",\"tags\":\"t1\",\"keys\":\"order-7\",\"body\":\"h\u00e9llo\"}");
    assertThat(sent.status()).isEqualTo(200);
    String id = sent.json().get("offsetMsgId").asText();
    JsonNode m = call("GET", "/api/message?id=" + id, null).json();
    assertThat(m.get("topic").asText()).isEqualTo("ApiTopic");
    assertThat(m.get("keys").asText()).isEqualTo("order-7");
    assertThat(m.get("bodyText").asText()).isEqualTo("h\u00e9llo");
    assertThat(m.get("bodyHex").asText()).isEqualTo("68c3a96c6c6f");
    assertThat(m.get("properties").get("TAGS").asText()).isEqualTo("t1");

    JsonNode overview = call("GET", "/api/overview", null).json();
    assertThat(overview.get("brokers").get(0).get("brokerName").asText())
        .isEqualTo("console-broker");
    assertThat(overview.get("brokers").get(0).get("role").asText()).isEqualTo("MASTER");
  }

  private ClientOptions clientOptions(String instance) {
    return ClientOptions.builder()
        .namesrvAddr(node.namesrvAddr)
        .clientIp("127.0.0.1")
        .instanceName(instance)
        .heartbeatInterval(Duration.ofSeconds(1))
        .build();
  }

  private void createTopic(String topic, int queues) throws Exception {
    assertThat(
            call("POST", "/api/topics", "{\"topic\":\"" + topic + "\",\"queues\":" + queues + "}")
                .status())
        .isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> call("GET", "/api/topics", null).json().toString().contains(topic));
  }

  @Test
  void overviewReportsRatesAndDiskWhereTheBrokerHasThem() throws Exception {
    node = new TestNode(dir, false);
    JsonNode broker = call("GET", "/api/overview", null).json().get("brokers").get(0);
    Map<String, String> rt;
    try (AdminClient admin = AdminClient.builder().namesrvAddr(node.namesrvAddr).build()) {
      rt = admin.brokerRuntimeInfo(broker.get("address").asText());
    }
    // Present in the runtime info: the first of the three rates; absent: null.
    for (String[] k :
        new String[][] {
          {"putTps", "putTps"}, {"getTps", "getTransferredTps"}, {"diskRatio", "commitLogDiskRatio"}
        }) {
      assertThat(broker.has(k[0])).as(k[0]).isTrue();
      if (rt.containsKey(k[1])) {
        assertThat(broker.get(k[0]).asDouble())
            .isEqualTo(Double.parseDouble(rt.get(k[1]).trim().split("\\s+")[0]));
      } else {
        assertThat(broker.get(k[0]).isNull()).as(k[0]).isTrue();
      }
    }
  }

  @Test
  void topicTableShowsQueuesPermissionAndMessagesAndAnUpdateChangesThem() throws Exception {
    node = new TestNode(dir, false);
    createTopic("TableTopic", 3);
    call("POST", "/api/messages", "{\"topic\":\"TableTopic\",\"body\":\"a\"}");
    call("POST", "/api/messages", "{\"topic\":\"TableTopic\",\"body\":\"b\"}");
    JsonNode row = tableRow("TableTopic");
    assertThat(row.get("readQueues").asInt()).isEqualTo(3);
    assertThat(row.get("writeQueues").asInt()).isEqualTo(3);
    assertThat(row.get("perm").asText()).isEqualTo("RW");
    assertThat(row.get("messages").asLong()).isEqualTo(2);
    // The put rate where the broker keeps TOPIC_PUT_NUMS, null where it does not.
    try (AdminClient admin = AdminClient.builder().namesrvAddr(node.namesrvAddr).build()) {
      String addr = admin.masterAddrs(null).get(0);
      Optional<BrokerStatsData> stats = admin.brokerStatsData(addr, "TOPIC_PUT_NUMS", "TableTopic");
      if (stats.isPresent()) {
        assertThat(row.get("putTps").isNumber()).isTrue();
      } else {
        assertThat(row.get("putTps").isNull()).isTrue();
      }
    }

    assertThat(
            call("POST", "/api/topics", "{\"topic\":\"TableTopic\",\"queues\":4,\"perm\":\"R\"}")
                .status())
        .isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> tableRow("TableTopic").get("perm").asText().equals("R"));
    assertThat(tableRow("TableTopic").get("readQueues").asInt()).isEqualTo(4);
    Answer badPerm = call("POST", "/api/topics", "{\"topic\":\"TableTopic\",\"perm\":\"X\"}");
    assertThat(badPerm.status()).isEqualTo(400);
    assertThat(badPerm.json().get("error").asText()).contains("perm must be RW, R or W");
  }

  private JsonNode tableRow(String topic) throws Exception {
    for (JsonNode r : call("GET", "/api/topic-table", null).json()) {
      if (r.get("topic").asText().equals(topic)) {
        return r;
      }
    }
    throw new AssertionError(topic + " not in the topic table");
  }

  @Test
  void groupShowsMembersSubscriptionsAndLagAndAResetMakesItConsumeAgain() throws Exception {
    node = new TestNode(dir, false);
    String topic = "GroupTopic";
    createTopic(topic, 2);
    long before = System.currentTimeMillis() - 1;
    AtomicInteger received = new AtomicInteger();
    try (Producer producer =
            Producer.builder().clientOptions(clientOptions("gp")).group("api-producer").build();
        PushConsumer consumer =
            PushConsumer.builder()
                .clientOptions(clientOptions("gc"))
                .group("api-group")
                .subscribe(topic, "a || b")
                .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
                .listener(
                    (msgs, q) -> {
                      received.addAndGet(msgs.size());
                      return ConsumeStatus.CONSUME_SUCCESS;
                    })
                .build()) {
      String lastId = null;
      for (int i = 0; i < 5; i++) {
        lastId = producer.send(new Message(topic, "a", "gk-" + i, new byte[] {1})).offsetMsgId();
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> received.get() >= 5);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> groupLag("api-group", topic) == 0 && hasQueues("api-group", topic));

      JsonNode g = call("GET", "/api/group?group=api-group", null).json();
      assertThat(g.get("online").asBoolean()).isTrue();
      assertThat(g.get("members")).hasSize(1);
      assertThat(g.get("members").get(0).get("clientId").asText()).isEqualTo("127.0.0.1@gc");
      assertThat(g.get("members").get(0).get("language").asText()).isEqualTo("JAVA");
      assertThat(g.get("subscriptions").toString())
          .contains("\"topic\":\"" + topic + "\"")
          .contains("\"expression\":\"a || b\"");
      assertThat(g.get("consumeTps").isNumber()).isTrue();
      JsonNode listed = null;
      for (JsonNode r : call("GET", "/api/groups", null).json()) {
        if (r.get("group").asText().equals("api-group")) {
          listed = r;
        }
      }
      assertThat(listed).isNotNull();
      assertThat(listed.get("members").asInt()).isEqualTo(1);
      assertThat(listed.get("totalLag").asLong()).isZero();

      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> call("GET", "/api/producers?group=api-producer", null).json().size() == 1);
      JsonNode producers = call("GET", "/api/producers?group=api-producer", null).json();
      assertThat(producers.get(0).get("clientId").asText()).isEqualTo("127.0.0.1@gp");
      assertThat(call("GET", "/api/producers?group=nobody", null).json()).isEmpty();

      // Reset to before the sends: every queue back to 0, and the consumer gets all five again.
      Answer reset =
          call(
              "POST",
              "/api/group/reset-offset",
              "{\"group\":\"api-group\",\"topic\":\"" + topic + "\",\"timestamp\":" + before + "}");
      assertThat(reset.status()).as(reset.json().toString()).isEqualTo(200);
      assertThat(reset.json().get("queues")).hasSize(2);
      for (JsonNode q : reset.json().get("queues")) {
        assertThat(q.get("offset").asLong()).isZero();
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> received.get() >= 10);

      // Resend one message to the group's consumer directly.
      int seen = received.get();
      Answer resent =
          call(
              "POST",
              "/api/messages/resend",
              "{\"id\":\"" + lastId + "\",\"group\":\"api-group\"}");
      assertThat(resent.status()).as(resent.json().toString()).isEqualTo(200);
      assertThat(resent.json().get("consumeResult").asText()).isEqualTo("CR_SUCCESS");
      assertThat(resent.json().get("clientId").asText()).isEqualTo("127.0.0.1@gc");
      assertThat(received.get()).isGreaterThan(seen);
    }
    Answer offline =
        call(
            "POST",
            "/api/group/reset-offset",
            "{\"group\":\"api-group\",\"topic\":\"" + topic + "\",\"timestamp\":0}");
    assertThat(offline.status()).isEqualTo(502);
    assertThat(offline.json().get("error").asText()).contains("not online");
  }

  private long groupLag(String group, String topic) throws Exception {
    long lag = 0;
    for (JsonNode q : call("GET", "/api/group?group=" + group, null).json().get("queues")) {
      if (q.get("topic").asText().equals(topic)) {
        lag += q.get("lag").asLong();
      }
    }
    return lag;
  }

  private boolean hasQueues(String group, String topic) throws Exception {
    return call("GET", "/api/group?group=" + group, null)
        .json()
        .get("queues")
        .toString()
        .contains("\"topic\":\"" + topic + "\"");
  }

  @Test
  void messagesAreFoundByKeyAndByTimeRangeWithTheirTrace() throws Exception {
    node = new TestNode(dir, false);
    String topic = "SearchTopic";
    createTopic(topic, 2);
    long begin;
    long end;
    String tracedId;
    try (Producer producer =
        Producer.builder()
            .clientOptions(clientOptions("sp"))
            .group("search-producer")
            .enableTrace()
            .build()) {
      producer.send(new Message(topic, "t", "early", new byte[] {1}));
      // Store times are in milliseconds: step past the early message's before the range starts.
      long afterEarly = System.currentTimeMillis();
      await().until(() -> System.currentTimeMillis() > afterEarly);
      begin = System.currentTimeMillis();
      for (int i = 0; i < 3; i++) {
        producer.send(
            new Message(topic, "t", "k-" + i, ("m" + i).getBytes(StandardCharsets.UTF_8)));
      }
      end = System.currentTimeMillis();
      await().until(() -> System.currentTimeMillis() > end);
      tracedId = producer.send(new Message(topic, "t", "traced", new byte[] {9})).msgId();
    }
    JsonNode byKey = call("GET", "/api/messages/by-key?topic=" + topic + "&key=k-1", null).json();
    assertThat(byKey).hasSize(1);
    assertThat(byKey.get(0).get("keys").asText()).isEqualTo("k-1");
    assertThat(call("GET", "/api/messages/by-key?topic=" + topic + "&key=none", null).json())
        .isEmpty();

    JsonNode all =
        call(
                "GET",
                "/api/messages/by-time?topic=" + topic + "&begin=" + begin + "&end=" + end,
                null)
            .json();
    assertThat(all.get("truncated").asBoolean()).isFalse();
    assertThat(all.get("messages")).hasSize(3);
    assertThat(all.get("messages").toString())
        .contains("k-0", "k-1", "k-2")
        .doesNotContain("early", "traced");
    JsonNode page =
        call(
                "GET",
                "/api/messages/by-time?topic="
                    + topic
                    + "&begin="
                    + begin
                    + "&end="
                    + end
                    + "&limit=2",
                null)
            .json();
    assertThat(page.get("messages")).hasSize(2);
    assertThat(page.get("truncated").asBoolean()).isTrue();
    assertThat(
            call(
                    "GET",
                    "/api/messages/by-time?topic=" + topic + "&begin=" + end + "&end=" + begin,
                    null)
                .status())
        .isEqualTo(400);

    String id = tracedId;
    JsonNode traced =
        call("GET", "/api/messages/by-key?topic=" + topic + "&key=traced", null).json();
    String offsetId = traced.get(0).get("offsetMsgId").asText();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                call("GET", "/api/message?id=" + offsetId, null)
                    .json()
                    .get("trace")
                    .toString()
                    .contains("\"type\":\"Pub\""));
    // A traced consumer adds the consumption steps.
    try (PushConsumer consumer =
        PushConsumer.builder()
            .clientOptions(clientOptions("sc"))
            .group("search-consumer")
            .subscribe(topic, "*")
            .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
            .enableTrace()
            .listener((msgs, q) -> ConsumeStatus.CONSUME_SUCCESS)
            .build()) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                String trace =
                    call("GET", "/api/message?id=" + offsetId, null).json().get("trace").toString();
                return trace.contains("\"type\":\"SubBefore\"")
                    && trace.contains("\"type\":\"SubAfter\"");
              });
    }
    JsonNode trace = call("GET", "/api/message?id=" + offsetId, null).json().get("trace");
    for (JsonNode step : trace) {
      assertThat(step.get("msgId").asText()).isEqualTo(id);
      if (step.get("type").asText().startsWith("Sub")) {
        assertThat(step.get("group").asText()).isEqualTo("search-consumer");
      }
    }
    JsonNode pub = trace.get(0);
    assertThat(pub.get("type").asText()).isEqualTo("Pub");
    assertThat(pub.get("msgId").asText()).isEqualTo(id);
    assertThat(pub.get("group").asText()).isEqualTo("search-producer");
    assertThat(pub.get("topic").asText()).isEqualTo(topic);
    assertThat(pub.get("success").asText()).isEqualTo("true");
  }

  @Test
  void deadLettersAreListedWithTheirOriginAndResentThere() throws Exception {
    node = new TestNode(dir, false);
    String topic = "DlqTopic";
    createTopic(topic, 1);
    AtomicInteger attempts = new AtomicInteger();
    try (Producer producer =
            Producer.builder().clientOptions(clientOptions("dp")).group("dlq-producer").build();
        PushConsumer consumer =
            PushConsumer.builder()
                .clientOptions(clientOptions("dc"))
                .group("dlq-group")
                .subscribe(topic, "*")
                .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
                .maxReconsumeTimes(1)
                .listener(
                    (msgs, q) -> {
                      attempts.incrementAndGet();
                      return ConsumeStatus.RECONSUME_LATER;
                    })
                .build()) {
      producer.send(new Message(topic, "dead", "dk", "poison".getBytes(StandardCharsets.UTF_8)));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  call("GET", "/api/dlq?group=dlq-group", null).json().get("messages").size() == 1);
    }
    JsonNode dead = call("GET", "/api/dlq?group=dlq-group", null).json();
    assertThat(dead.get("topic").asText()).isEqualTo("%DLQ%dlq-group");
    JsonNode row = dead.get("messages").get(0);
    assertThat(row.get("originTopic").asText()).isEqualTo(topic);
    assertThat(row.get("keys").asText()).isEqualTo("dk");
    assertThat(row.get("originMsgId").isNull()).isFalse();

    Answer resent =
        call("POST", "/api/dlq/resend", "{\"id\":\"" + row.get("offsetMsgId").asText() + "\"}");
    assertThat(resent.status()).as(resent.json().toString()).isEqualTo(200);
    assertThat(resent.json().get("topic").asText()).isEqualTo(topic);
    JsonNode copy =
        call("GET", "/api/message?id=" + resent.json().get("offsetMsgId").asText(), null).json();
    assertThat(copy.get("topic").asText()).isEqualTo(topic);
    assertThat(copy.get("bodyText").asText()).isEqualTo("poison");
    assertThat(copy.get("keys").asText()).isEqualTo("dk");
    assertThat(call("GET", "/api/topic?topic=" + topic, null).json().get("messages").asLong())
        .isEqualTo(2);

    assertThat(call("GET", "/api/dlq?group=no-such-group", null).json().get("messages")).isEmpty();
    Answer notDead =
        call(
            "POST",
            "/api/dlq/resend",
            "{\"id\":\"" + resent.json().get("offsetMsgId").asText() + "\"}");
    assertThat(notDead.status()).isEqualTo(400);
    assertThat(notDead.json().get("error").asText()).contains("not a dead letter");
  }

  @Test
  void errorsAreJsonWithAStatusAndAMessage() throws Exception {
    node = new TestNode(dir, false);
    Answer missing = call("GET", "/api/lag?group=g", null);
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("error").asText()).isEqualTo("missing query parameter topic");
    Answer badId = call("GET", "/api/message?id=nothex", null);
    assertThat(badId.status()).isEqualTo(502);
    assertThat(badId.json().get("error").asText()).contains("not a broker message id");
    Answer badTopic = call("POST", "/api/topics", "{\"topic\":\"bad topic!\"}");
    assertThat(badTopic.status()).isEqualTo(400);
    assertThat(call("GET", "/api/nothing", null).status()).isEqualTo(404);
  }

  @Test
  void readOnlyConsoleRefusesChangesButAnswersReads() throws Exception {
    node = new TestNode(dir, true);
    Answer refused = call("POST", "/api/topics", "{\"topic\":\"Nope\"}");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("error").asText()).contains("read-only");
    assertThat(call("DELETE", "/api/topics?topic=Nope", null).status()).isEqualTo(403);
    for (String path :
        List.of(
            "/api/messages",
            "/api/group/reset-offset",
            "/api/messages/resend",
            "/api/dlq/resend")) {
      assertThat(call("POST", path, "{}").status()).as(path).isEqualTo(403);
    }
    Answer overview = call("GET", "/api/overview", null);
    assertThat(overview.status()).isEqualTo(200);
    assertThat(overview.json().get("readOnly").asBoolean()).isTrue();
  }
}
