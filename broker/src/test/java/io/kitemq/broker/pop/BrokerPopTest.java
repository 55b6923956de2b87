package io.kitemq.broker.pop;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitemq.broker.BrokerConfig;
import io.kitemq.broker.BrokerController;
import io.kitemq.common.message.BodyMode;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.StoredMessageDecoder;
import io.kitemq.remoting.netty.RemotingClient;
import io.kitemq.remoting.netty.RemotingClientConfig;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.body.BatchAck;
import io.kitemq.remoting.protocol.body.BatchAckMessageRequestBody;
import io.kitemq.remoting.protocol.body.BodyCodec;
import io.kitemq.remoting.protocol.body.SubscriptionGroupConfig;
import io.kitemq.remoting.protocol.header.AckMessageRequestHeader;
import io.kitemq.remoting.protocol.header.ChangeInvisibleTimeRequestHeader;
import io.kitemq.remoting.protocol.header.ChangeInvisibleTimeResponseHeader;
import io.kitemq.remoting.protocol.header.PopMessageRequestHeader;
import io.kitemq.remoting.protocol.header.PopMessageResponseHeader;
import io.kitemq.remoting.protocol.header.PopReceipt;
import io.kitemq.remoting.protocol.header.PullMessageRequestHeader;
import io.kitemq.remoting.protocol.header.RpcHeader;
import io.kitemq.remoting.protocol.header.SendMessageRequestHeader;
import io.kitemq.remoting.protocol.header.SendMessageRequestHeaderV2;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * POP, ACK and CHANGE_MESSAGE_INVISIBLETIME against a broker on a real socket, driven by our
 * remoting client. The broker's clock is stepped by the test, so invisible times pass without
 * waiting.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BrokerPopTest {

  private static final String GROUP = "pop-group";

  @TempDir Path dir;
  private final AtomicLong clock = new AtomicLong(System.currentTimeMillis());
  private BrokerController broker;
  private RemotingClient client;
  private String addr;

  @BeforeEach
  void start() {
    startBroker();
    client = new RemotingClient(RemotingClientConfig.defaults());
  }

  private void startBroker() {
    Properties p = new Properties();
    p.setProperty("storePathRootDir", dir.toString());
    p.setProperty("listenPort", "0");
    p.setProperty("mappedFileSizeCommitLog", Integer.toString(8 * 1024 * 1024));
    p.setProperty("maxHashSlotNum", "1000");
    p.setProperty("maxIndexNum", "4000");
    broker = new BrokerController(BrokerConfig.fromProperties(p), clock::get);
    addr = "127.0.0.1:" + broker.start();
  }

  @AfterEach
  void stop() {
    client.close();
    broker.shutdown();
  }

  private void send(String topic, int queueId, String body, String tags) throws Exception {
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
            0,
            false,
            false,
            null);
    RemotingCommand req =
        RemotingCommand.createRequest(
            RequestCode.SEND_MESSAGE_V2, SendMessageRequestHeaderV2.fromV1(h));
    req.setBody(body.getBytes(StandardCharsets.UTF_8));
    assertThat(client.invokeSync(addr, req, 5000).code()).isZero();
  }

  private CompletableFuture<RemotingCommand> popAsync(
      String topic, int queueId, long invisible, long pollTime, String exp, boolean order) {
    PopMessageRequestHeader h =
        new PopMessageRequestHeader(
            GROUP,
            topic,
            queueId,
            32,
            invisible,
            pollTime,
            clock.get(),
            PopMessageRequestHeader.INIT_MODE_MIN,
            "TAG",
            exp,
            order,
            null,
            RpcHeader.NONE);
    return client.invokeAsync(
        addr, RemotingCommand.createRequest(RequestCode.POP_MESSAGE, h), 30_000);
  }

  private RemotingCommand pop(String topic, long invisible) throws Exception {
    return popAsync(topic, -1, invisible, 0, "*", false).get(10, TimeUnit.SECONDS);
  }

  /** The popped messages with POP_CK set the way the official client sets it. */
  private List<MessageExt> messages(RemotingCommand r) throws Exception {
    assertThat(r.code()).as(r.remark()).isEqualTo(ResponseCode.SUCCESS.code());
    PopMessageResponseHeader h = PopMessageResponseHeader.fromExtFields(r.extFieldsOrEmpty());
    List<MessageExt> out = new ArrayList<>();
    for (MessageExt m : StoredMessageDecoder.decodeAll(r.body(), BodyMode.RAW)) {
      long start = startOffset(h.startOffsetInfo(), m.getQueueId());
      PopReceipt receipt =
          new PopReceipt(
              start,
              h.popTime(),
              h.invisibleTime(),
              h.reviveQid(),
              "0",
              broker.config().brokerName(),
              m.getQueueId(),
              m.getQueueOffset());
      m.putProperty("POP_CK", receipt.format());
      out.add(m);
    }
    return out;
  }

  private static long startOffset(String info, int queueId) {
    for (String part : info.split(";")) {
      String[] f = part.split(" ");
      if (Integer.parseInt(f[1]) == queueId) {
        return Long.parseLong(f[2]);
      }
    }
    throw new AssertionError("queue " + queueId + " missing from startOffsetInfo " + info);
  }

  private RemotingCommand ack(MessageExt m) throws Exception {
    return ack(m, m.getProperty("POP_CK"));
  }

  private RemotingCommand ack(MessageExt m, String handle) throws Exception {
    AckMessageRequestHeader h =
        new AckMessageRequestHeader(
            GROUP, m.getTopic(), m.getQueueId(), handle, m.getQueueOffset(), RpcHeader.NONE);
    return client.invokeSync(addr, RemotingCommand.createRequest(RequestCode.ACK_MESSAGE, h), 5000);
  }

  private RemotingCommand changeInvisible(MessageExt m, long invisible) throws Exception {
    ChangeInvisibleTimeRequestHeader h =
        new ChangeInvisibleTimeRequestHeader(
            GROUP,
            m.getTopic(),
            m.getQueueId(),
            m.getProperty("POP_CK"),
            m.getQueueOffset(),
            invisible,
            RpcHeader.NONE);
    return client.invokeSync(
        addr, RemotingCommand.createRequest(RequestCode.CHANGE_MESSAGE_INVISIBLETIME, h), 5000);
  }

  private static List<String> bodies(List<MessageExt> msgs) {
    return msgs.stream().map(m -> new String(m.getBody(), StandardCharsets.UTF_8)).toList();
  }

  @Test
  void poppedAndAckedMessagesAreNotDeliveredAgain() throws Exception {
    send("T1", 0, "a", null);
    send("T1", 1, "b", null);
    send("T1", 1, "c", null);
    RemotingCommand r = pop("T1", 1000);
    List<MessageExt> got = messages(r);
    assertThat(bodies(got)).containsExactlyInAnyOrder("a", "b", "c");
    PopMessageResponseHeader h = PopMessageResponseHeader.fromExtFields(r.extFieldsOrEmpty());
    assertThat(h.startOffsetInfo().split(";")).containsExactlyInAnyOrder("0 0 0", "0 1 0");
    assertThat(h.msgOffsetInfo().split(";")).containsExactlyInAnyOrder("0 0 0", "0 1 0,1");
    assertThat(h.restNum()).isZero();
    for (MessageExt m : got) {
      assertThat(ack(m).code()).isEqualTo(ResponseCode.SUCCESS.code());
    }
    clock.addAndGet(5000);
    RemotingCommand again = pop("T1", 1000);
    assertThat(again.code()).isEqualTo(ResponseCode.PULL_NOT_FOUND.code());
    assertThat(PopMessageResponseHeader.fromExtFields(again.extFieldsOrEmpty()).restNum()).isZero();
    assertThat(broker.offsets().query(GROUP, "T1", 1)).isEqualTo(2);
    assertThat(ack(got.get(0)).code()).isEqualTo(ResponseCode.NO_MESSAGE.code());
  }

  @Test
  void anUnackedMessageComesBackAfterItsInvisibleTimeWithReconsumeTimesOne() throws Exception {
    send("T2", 0, "x", null);
    MessageExt first = messages(pop("T2", 3000)).get(0);
    assertThat(first.getReconsumeTimes()).isZero();
    clock.addAndGet(2999);
    assertThat(pop("T2", 3000).code()).isEqualTo(ResponseCode.PULL_NOT_FOUND.code());
    assertThat(broker.offsets().query(GROUP, "T2", 0)).isZero();
    clock.addAndGet(1);
    List<MessageExt> again = messages(pop("T2", 3000));
    assertThat(bodies(again)).containsExactly("x");
    assertThat(again.get(0).getReconsumeTimes()).isEqualTo(1);
    assertThat(again.get(0).getMsgId()).isEqualTo(first.getMsgId());
    RemotingCommand stale = ack(first);
    assertThat(stale.code()).isEqualTo(ResponseCode.NO_MESSAGE.code());
    assertThat(stale.remark()).contains("stale");
    assertThat(ack(again.get(0)).code()).isEqualTo(ResponseCode.SUCCESS.code());
    assertThat(broker.offsets().query(GROUP, "T2", 0)).isEqualTo(1);
  }

  @Test
  void changingTheInvisibleTimeMovesTheDeadlineAndRenewsTheHandle() throws Exception {
    send("T3", 0, "y", null);
    MessageExt m = messages(pop("T3", 1000)).get(0);
    RemotingCommand changed = changeInvisible(m, 10_000);
    assertThat(changed.code()).isEqualTo(ResponseCode.SUCCESS.code());
    ChangeInvisibleTimeResponseHeader ch =
        ChangeInvisibleTimeResponseHeader.fromExtFields(changed.extFieldsOrEmpty());
    assertThat(ch.invisibleTime()).isEqualTo(10_000);
    clock.addAndGet(5000);
    assertThat(pop("T3", 1000).code()).isEqualTo(ResponseCode.PULL_NOT_FOUND.code());
    RemotingCommand old = ack(m);
    assertThat(old.code()).isEqualTo(ResponseCode.NO_MESSAGE.code());
    String renewed =
        PopReceipt.parse(m.getProperty("POP_CK"))
            .renewed(ch.popTime(), ch.invisibleTime(), ch.reviveQid())
            .format();
    assertThat(ack(m, renewed).code()).isEqualTo(ResponseCode.SUCCESS.code());
    clock.addAndGet(60_000);
    assertThat(pop("T3", 1000).code()).isEqualTo(ResponseCode.PULL_NOT_FOUND.code());
  }

  @Test
  void aTagExpressionPopsOnlyMatchingMessages() throws Exception {
    send("T4", 0, "skip", "B");
    send("T4", 0, "take", "A");
    RemotingCommand r = popAsync("T4", 0, 1000, 0, "A || C", false).get(10, TimeUnit.SECONDS);
    assertThat(bodies(messages(r))).containsExactly("take");
  }

  @Test
  void aLongPollingPopIsAnsweredWhenAMessageArrives() throws Exception {
    send("T5", 0, "old", null);
    messages(pop("T5", 60_000));
    CompletableFuture<RemotingCommand> parked = popAsync("T5", -1, 60_000, 20_000, "*", false);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(5))
        .until(() -> broker.heldPullCount() > 0);
    assertThat(parked).isNotDone();
    send("T5", 2, "new", null);
    assertThat(bodies(messages(parked.get(10, TimeUnit.SECONDS)))).containsExactly("new");
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(5))
        .until(() -> broker.heldPullCount() == 0);
  }

  @Test
  void aLongPollingPopEndsWithPollingTimeout() throws Exception {
    send("T6", 0, "only", null);
    messages(pop("T6", 60_000));
    RemotingCommand r = popAsync("T6", 0, 60_000, 300, "*", false).get(10, TimeUnit.SECONDS);
    assertThat(r.code()).isEqualTo(ResponseCode.POLLING_TIMEOUT.code());
    PopMessageResponseHeader.fromExtFields(r.extFieldsOrEmpty());
  }

  @Test
  void aMessageOutOfRetriesGoesToTheDeadLetterQueue() throws Exception {
    broker.groups().update(SubscriptionGroupConfig.of(GROUP, 1));
    send("T7", 0, "doomed", null);
    assertThat(messages(pop("T7", 1000)).get(0).getReconsumeTimes()).isZero();
    clock.addAndGet(1000);
    assertThat(messages(pop("T7", 1000)).get(0).getReconsumeTimes()).isEqualTo(1);
    clock.addAndGet(1000);
    assertThat(pop("T7", 1000).code()).isEqualTo(ResponseCode.PULL_NOT_FOUND.code());
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(5))
        .until(() -> broker.offsets().query(GROUP, "T7", 0) == 1);
    PullMessageRequestHeader pull =
        new PullMessageRequestHeader(
            "dlq-reader", "%DLQ%" + GROUP, 0, 0, 32, 0x4, 0, 0, "*", 0, "TAG", null, null, null);
    RemotingCommand r =
        client.invokeSync(
            addr, RemotingCommand.createRequest(RequestCode.PULL_MESSAGE, pull), 5000);
    assertThat(r.code()).isEqualTo(ResponseCode.SUCCESS.code());
    MessageExt dead = StoredMessageDecoder.decodeAll(r.body(), BodyMode.RAW).get(0);
    assertThat(new String(dead.getBody(), StandardCharsets.UTF_8)).isEqualTo("doomed");
    assertThat(dead.getProperty("RETRY_TOPIC")).isEqualTo("T7");
    assertThat(dead.getReconsumeTimes()).isEqualTo(2);
    clock.addAndGet(10_000);
    assertThat(pop("T7", 1000).code()).isEqualTo(ResponseCode.PULL_NOT_FOUND.code());
  }

  @Test
  void aRestartDeliversEveryUnackedMessageAgain() throws Exception {
    for (int i = 0; i < 4; i++) {
      send("T9", 0, "r" + i, null);
    }
    List<MessageExt> got = messages(pop("T9", 60_000));
    assertThat(bodies(got)).containsExactly("r0", "r1", "r2", "r3");
    assertThat(ack(got.get(0)).code()).isEqualTo(ResponseCode.SUCCESS.code());
    assertThat(ack(got.get(2)).code()).isEqualTo(ResponseCode.SUCCESS.code());
    broker.shutdown();
    startBroker();
    // r2 was acked, but above the lowest unacked offset: at least once, not exactly once.
    assertThat(bodies(messages(pop("T9", 60_000)))).containsExactly("r1", "r2", "r3");
  }

  @Test
  void aBatchAckAcksTheOffsetsOfItsBitSet() throws Exception {
    for (int i = 0; i < 3; i++) {
      send("T10", 0, "b" + i, null);
    }
    RemotingCommand r = pop("T10", 1000);
    List<MessageExt> got = messages(r);
    PopMessageResponseHeader h = PopMessageResponseHeader.fromExtFields(r.extFieldsOrEmpty());
    java.util.BitSet bits = new java.util.BitSet();
    bits.set(0);
    bits.set(2);
    BatchAck entry =
        new BatchAck(GROUP, "T10", "0", 0, 0, 0, h.popTime(), 1000, bits.toByteArray());
    RemotingCommand batch = RemotingCommand.createRequest(RequestCode.BATCH_ACK_MESSAGE);
    batch.setBody(
        BodyCodec.encode(
            new BatchAckMessageRequestBody(broker.config().brokerName(), List.of(entry))));
    assertThat(client.invokeSync(addr, batch, 5000).code()).isEqualTo(ResponseCode.SUCCESS.code());
    clock.addAndGet(1000);
    assertThat(bodies(messages(pop("T10", 1000)))).containsExactly("b1");
    RemotingCommand again = RemotingCommand.createRequest(RequestCode.BATCH_ACK_MESSAGE);
    again.setBody(
        BodyCodec.encode(
            new BatchAckMessageRequestBody(broker.config().brokerName(), List.of(entry))));
    RemotingCommand refused = client.invokeSync(addr, again, 5000);
    assertThat(refused.code()).isEqualTo(ResponseCode.NO_MESSAGE.code());
    assertThat(refused.remark()).contains("2 of 2");
    assertThat(got).hasSize(3);
  }

  @Test
  void badRequestsGetClearErrors() throws Exception {
    send("T8", 0, "z", null);
    assertThat(pop("NoSuchTopic", 1000).code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST.code());
    RemotingCommand ordered = popAsync("T8", -1, 1000, 0, "*", true).get(10, TimeUnit.SECONDS);
    assertThat(ordered.code()).isEqualTo(ResponseCode.INVALID_PARAMETER.code());
    assertThat(ordered.remark()).contains("order");
    MessageExt m = messages(pop("T8", 1000)).get(0);
    RemotingCommand bad = ack(m, "not a handle");
    assertThat(bad.code()).isEqualTo(ResponseCode.INVALID_PARAMETER.code());
    assertThat(bad.remark()).contains("fields");
    m.setQueueOffset(7);
    assertThat(ack(m).code()).isEqualTo(ResponseCode.NO_MESSAGE.code());
    assertThat(pop("T8", 1000).code()).isEqualTo(ResponseCode.PULL_NOT_FOUND.code());
  }
}
