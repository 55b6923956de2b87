package io.kitemq.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kitemq.common.message.BodyMode;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.StoredMessageDecoder;
import io.kitemq.remoting.netty.RemotingClient;
import io.kitemq.remoting.netty.RemotingClientConfig;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.header.BoundaryType;
import io.kitemq.remoting.protocol.header.PullMessageRequestHeader;
import io.kitemq.remoting.protocol.header.PullMessageResponseHeader;
import io.kitemq.remoting.protocol.header.SearchOffsetRequestHeader;
import io.kitemq.remoting.protocol.header.SearchOffsetResponseHeader;
import io.kitemq.remoting.protocol.header.SendMessageRequestHeader;
import io.kitemq.remoting.protocol.header.SendMessageRequestHeaderV2;
import io.kitemq.store.MessageFilter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A broker on a real socket (no name server) driven by our remoting client. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BrokerPullTest {

  @TempDir Path dir;
  private BrokerController broker;
  private RemotingClient client;
  private String addr;

  @BeforeEach
  void start() {
    Properties p = new Properties();
    p.setProperty("storePathRootDir", dir.toString());
    p.setProperty("listenPort", "0");
    p.setProperty("mappedFileSizeCommitLog", Integer.toString(8 * 1024 * 1024));
    p.setProperty("maxHashSlotNum", "1000");
    p.setProperty("maxIndexNum", "4000");
    configure(p);
    broker = new BrokerController(BrokerConfig.fromProperties(p));
    addr = "127.0.0.1:" + broker.start();
    client = new RemotingClient(RemotingClientConfig.defaults());
  }

  /** Broker keys a variant of these tests sets; none here (the defaults). */
  void configure(Properties p) {}

  @AfterEach
  void stop() {
    client.close();
    broker.shutdown();
  }

  private RemotingCommand send(String topic, int queueId, String body, String tags)
      throws Exception {
    return send(topic, queueId, body, tags, 0, null);
  }

  private RemotingCommand send(
      String topic, int queueId, String body, String tags, int reconsumeTimes, Integer max)
      throws Exception {
    String props = tags == null ? null : "TAGS\u0001" + tags + "\u0002";
    SendMessageRequestHeader h =
        new SendMessageRequestHeader(
            "pg",
            topic,
            "TBW102",
            4,
            queueId,
            0,
            System.currentTimeMillis(),
            0,
            props,
            reconsumeTimes,
            false,
            false,
            max);
    RemotingCommand req =
        RemotingCommand.createRequest(
            RequestCode.SEND_MESSAGE_V2, SendMessageRequestHeaderV2.fromV1(h));
    req.setBody(body.getBytes(StandardCharsets.UTF_8));
    return client.invokeSync(addr, req, 5000);
  }

  private CompletableFuture<RemotingCommand> pull(
      String topic, long offset, long suspendMillis, String expr) {
    PullMessageRequestHeader h =
        new PullMessageRequestHeader(
            "cg",
            topic,
            0,
            offset,
            32,
            0x2 | 0x4,
            0,
            suspendMillis,
            expr,
            0,
            "TAG",
            null,
            null,
            null);
    return client.invokeAsync(
        addr, RemotingCommand.createRequest(RequestCode.PULL_MESSAGE, h), 30_000);
  }

  @Test
  void aParkedPullIsAnsweredWhenAMessageArrives() throws Exception {
    assertThat(send("LP", 0, "first", null).code()).isEqualTo(0);
    long start = System.nanoTime();
    CompletableFuture<RemotingCommand> parked = pull("LP", 1, 20_000, "*");
    await().atMost(Duration.ofSeconds(5)).until(() -> broker.heldPullCount() == 1);
    assertThat(parked).isNotDone();
    assertThat(send("LP", 0, "second", null).code()).isEqualTo(0);
    RemotingCommand r = parked.get(10, TimeUnit.SECONDS);
    assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(10));
    assertThat(r.code()).isEqualTo(ResponseCode.SUCCESS.code());
    List<MessageExt> msgs = StoredMessageDecoder.decodeAll(r.body(), BodyMode.RAW);
    assertThat(msgs)
        .extracting(m -> new String(m.getBody(), StandardCharsets.UTF_8))
        .containsExactly("second");
    PullMessageResponseHeader h = PullMessageResponseHeader.fromExtFields(r.extFieldsOrEmpty());
    assertThat(h.nextBeginOffset()).isEqualTo(2);
    assertThat(h.maxOffset()).isEqualTo(2);
  }

  @Test
  void aParkedPullTimesOutWithPullNotFound() throws Exception {
    send("LP2", 0, "only", null);
    long start = System.nanoTime();
    RemotingCommand r = pull("LP2", 1, 400, "*").get(10, TimeUnit.SECONDS);
    assertThat(System.nanoTime() - start)
        .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(400));
    assertThat(r.code()).isEqualTo(ResponseCode.PULL_NOT_FOUND.code());
    PullMessageResponseHeader h = PullMessageResponseHeader.fromExtFields(r.extFieldsOrEmpty());
    assertThat(h.nextBeginOffset()).isEqualTo(1);
  }

  @Test
  void aMessageWithAnotherTagDoesNotWakeTheFilteredPull() throws Exception {
    send("LP3", 0, "a", "TagA");
    CompletableFuture<RemotingCommand> parked = pull("LP3", 1, 20_000, "TagA");
    await().atMost(Duration.ofSeconds(5)).until(() -> broker.heldPullCount() == 1);
    send("LP3", 0, "b", "TagB");
    assertThat(broker.heldPullCount()).isEqualTo(1);
    assertThat(send("LP3", 0, "a2", "TagA").code()).isEqualTo(0);
    RemotingCommand r = parked.get(10, TimeUnit.SECONDS);
    assertThat(r.code()).isEqualTo(0);
    assertThat(StoredMessageDecoder.decodeAll(r.body(), BodyMode.RAW))
        .extracting(m -> new String(m.getBody(), StandardCharsets.UTF_8))
        .containsExactly("a2");
  }

  @Test
  void pullPastTheEndIsMovedAndAnUnknownTopicIsRefused() throws Exception {
    send("LP4", 0, "x", null);
    RemotingCommand moved = pull("LP4", 50, 0, "*").get(10, TimeUnit.SECONDS);
    assertThat(moved.code()).isEqualTo(ResponseCode.PULL_OFFSET_MOVED.code());
    assertThat(PullMessageResponseHeader.fromExtFields(moved.extFieldsOrEmpty()).nextBeginOffset())
        .isEqualTo(1);
    RemotingCommand missing = pull("Nope", 0, 0, "*").get(10, TimeUnit.SECONDS);
    assertThat(missing.code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST.code());
  }

  @Test
  void sendToAQueueOutOfRangeIsASystemErrorWithARemark() throws Exception {
    send("LP5", 0, "x", null);
    RemotingCommand r = send("LP5", 9, "y", null);
    assertThat(r.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
    assertThat(r.remark()).contains("queueId[9] is illegal");
  }

  @Test
  void aRetrySendPastItsBudgetIsStoredInTheDeadLetterTopic() throws Exception {
    RemotingCommand within = send("%RETRY%cg2", 0, "again", null, 2, 3);
    assertThat(within.code()).isZero();
    assertThat(broker.store().getMaxOffset("%RETRY%cg2", 0)).isEqualTo(1);
    RemotingCommand past = send("%RETRY%cg2", 0, "dead", "T\u0002DELAY\u00013", 4, 3);
    assertThat(past.code()).isZero();
    assertThat(broker.store().getMaxOffset("%DLQ%cg2", 0)).isEqualTo(1);
    assertThat(broker.topics().get("%DLQ%cg2").readQueueNums()).isEqualTo(1);
    try (var r =
        broker
            .store()
            .getMessages("x", "%DLQ%cg2", 0, 0, 1, Integer.MAX_VALUE, MessageFilter.ALL)) {
      MessageExt dead = StoredMessageDecoder.decode(r.messages().get(0).buffer(), 0, BodyMode.RAW);
      assertThat(new String(dead.getBody(), StandardCharsets.UTF_8)).isEqualTo("dead");
      assertThat(dead.getProperty("DELAY")).isNull();
      assertThat(dead.getTags()).isEqualTo("T");
    }
  }

  @Test
  void aSendToTheScheduleTopicIsRefused() throws Exception {
    RemotingCommand system = send("SCHEDULE_TOPIC_XXXX", 0, "x", null);
    assertThat(system.code()).isEqualTo(ResponseCode.NO_PERMISSION.code());
    assertThat(system.remark()).contains("forbidden");
  }

  private long search(String topic, long timestamp, BoundaryType boundary) throws Exception {
    RemotingCommand r =
        client.invokeSync(
            addr,
            RemotingCommand.createRequest(
                RequestCode.SEARCH_OFFSET_BY_TIMESTAMP,
                new SearchOffsetRequestHeader(topic, 0, timestamp, boundary)),
            5000);
    assertThat(r.code()).isZero();
    return SearchOffsetResponseHeader.fromExtFields(r.extFieldsOrEmpty()).offset();
  }

  @Test
  void searchByTimeHonoursTheBoundary() throws Exception {
    for (int i = 0; i < 3; i++) {
      send("Timed", 0, "t" + i, null);
    }
    long firstStored = broker.store().getMessageStoreTimestamp("Timed", 0, 0);
    long lastStored = broker.store().getMessageStoreTimestamp("Timed", 0, 2);
    assertThat(search("Timed", 0, BoundaryType.LOWER)).isZero();
    assertThat(search("Timed", lastStored + 1, BoundaryType.LOWER)).isEqualTo(3);
    assertThat(search("Timed", Long.MAX_VALUE, BoundaryType.UPPER)).isEqualTo(2);
    assertThat(search("Timed", firstStored - 1, BoundaryType.UPPER)).isZero();
    assertThat(search("Timed", lastStored, BoundaryType.UPPER)).isEqualTo(2);
  }
}
