package io.kitemq.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
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
    Answer overview = call("GET", "/api/overview", null);
    assertThat(overview.status()).isEqualTo(200);
    assertThat(overview.json().get("readOnly").asBoolean()).isTrue();
  }
}
