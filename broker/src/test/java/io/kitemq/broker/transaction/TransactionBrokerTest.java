package io.kitemq.broker.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kitemq.broker.BrokerConfig;
import io.kitemq.broker.BrokerController;
import io.kitemq.common.message.BodyMode;
import io.kitemq.common.message.MessageConst;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.MessageSysFlag;
import io.kitemq.common.message.StoredMessageDecoder;
import io.kitemq.common.topic.SystemTopics;
import io.kitemq.remoting.netty.RemotingClient;
import io.kitemq.remoting.netty.RemotingClientConfig;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.body.BodyCodec;
import io.kitemq.remoting.protocol.body.HeartbeatData;
import io.kitemq.remoting.protocol.body.ProducerData;
import io.kitemq.remoting.protocol.header.CheckTransactionStateRequestHeader;
import io.kitemq.remoting.protocol.header.EndTransactionRequestHeader;
import io.kitemq.remoting.protocol.header.SendMessageRequestHeader;
import io.kitemq.remoting.protocol.header.SendMessageRequestHeaderV2;
import io.kitemq.remoting.protocol.header.SendMessageResponseHeader;
import io.kitemq.store.GetMessageResult;
import io.kitemq.store.GetMessageStatus;
import io.kitemq.store.MessageFilter;
import io.kitemq.store.MessageSlice;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Half messages, END_TRANSACTION and check-backs on a broker over a real socket, driven by our
 * remoting client acting as the producer. The periodic check is off (one day); tests run passes
 * with {@code checkOnce()}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TransactionBrokerTest {

  private static final String GROUP = "tx-pg";
  private static final String TOPIC = "TxTopic";

  @TempDir Path dir;
  private BrokerController broker;
  private RemotingClient client;
  private ExecutorService callbacks;
  private String addr;
  private final BlockingQueue<RemotingCommand> checks = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() throws Exception {
    broker = startBroker(0, "15");
    addr = "127.0.0.1:" + broker.port();
    callbacks = Executors.newSingleThreadExecutor();
    client = new RemotingClient(RemotingClientConfig.defaults());
    client.registerProcessor(
        RequestCode.CHECK_TRANSACTION_STATE,
        (channel, request) -> {
          checks.add(request);
          return CompletableFuture.completedFuture(null);
        },
        callbacks);
    heartbeat();
  }

  private BrokerController startBroker(int port, String checkMax) {
    Properties p = new Properties();
    p.setProperty("storePathRootDir", dir.toString());
    p.setProperty("listenPort", Integer.toString(port));
    p.setProperty("mappedFileSizeCommitLog", Integer.toString(8 * 1024 * 1024));
    p.setProperty("maxHashSlotNum", "1000");
    p.setProperty("maxIndexNum", "4000");
    p.setProperty("transactionCheckInterval", Long.toString(86_400_000));
    p.setProperty("transactionTimeOut", "1000");
    p.setProperty("transactionCheckMax", checkMax);
    BrokerController b = new BrokerController(BrokerConfig.fromProperties(p));
    b.start();
    return b;
  }

  @AfterEach
  void stop() {
    client.close();
    callbacks.shutdownNow();
    broker.shutdown();
  }

  private void heartbeat() throws Exception {
    RemotingCommand req = RemotingCommand.createRequest(RequestCode.HEART_BEAT);
    req.setBody(
        BodyCodec.encode(
            new HeartbeatData(
                "tx-client@1", List.of(new ProducerData(GROUP)), List.of(), 0, false)));
    assertThat(client.invokeSync(addr, req, 5000).code()).isEqualTo(0);
  }

  /** Sends a prepared message born {@code ageMillis} ago; returns the response header. */
  private SendMessageResponseHeader sendPrepared(String body, long ageMillis) throws Exception {
    String props = "TAGS\u0001TagA\u0002TRAN_MSG\u0001true\u0002PGROUP\u0001" + GROUP + "\u0002";
    SendMessageRequestHeader h =
        new SendMessageRequestHeader(
            GROUP,
            TOPIC,
            "TBW102",
            4,
            1,
            MessageSysFlag.TRANSACTION_PREPARED_TYPE,
            System.currentTimeMillis() - ageMillis,
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
    RemotingCommand r = client.invokeSync(addr, req, 5000);
    assertThat(r.code()).as(r.remark()).isEqualTo(0);
    return SendMessageResponseHeader.fromExtFields(r.extFieldsOrEmpty());
  }

  private RemotingCommand end(
      long queueOffset, long commitLogOffset, int outcome, boolean fromCheck) throws Exception {
    EndTransactionRequestHeader h =
        new EndTransactionRequestHeader(
            TOPIC, GROUP, queueOffset, commitLogOffset, outcome, fromCheck, "id", "id");
    return client.invokeSync(
        addr, RemotingCommand.createRequest(RequestCode.END_TRANSACTION, h), 5000);
  }

  private static long commitLogOffset(SendMessageResponseHeader h) {
    return io.kitemq.common.message.OffsetMessageId.decode(h.msgId()).commitLogOffset();
  }

  private List<MessageExt> read(String topic, int queueId) {
    List<MessageExt> out = new ArrayList<>();
    try (GetMessageResult r =
        broker.store().getMessages("t", topic, queueId, 0, 32, 1 << 20, MessageFilter.ALL)) {
      if (r.status() == GetMessageStatus.FOUND) {
        for (MessageSlice s : r.messages()) {
          out.add(StoredMessageDecoder.decode(s.buffer(), 0, BodyMode.RAW));
        }
      }
    }
    return out;
  }

  @Test
  void aPreparedMessageIsHiddenUntilCommittedThenStoredInItsRealQueue() throws Exception {
    SendMessageResponseHeader sent = sendPrepared("pay", 0);
    assertThat(sent.queueId()).isEqualTo(1);
    assertThat(read(TOPIC, 1)).isEmpty();
    List<MessageExt> halves = read(SystemTopics.TRANS_HALF_TOPIC, 0);
    assertThat(halves).hasSize(1);
    assertThat(halves.get(0).getProperty(MessageConst.PROPERTY_REAL_TOPIC)).isEqualTo(TOPIC);
    assertThat(halves.get(0).getProperty(MessageConst.PROPERTY_REAL_QUEUE_ID)).isEqualTo("1");
    assertThat(halves.get(0).getProperty(MessageConst.PROPERTY_TRANSACTION_ID))
        .isEqualTo(halves.get(0).getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX));

    RemotingCommand r =
        end(
            sent.queueOffset(),
            commitLogOffset(sent),
            MessageSysFlag.TRANSACTION_COMMIT_TYPE,
            false);
    assertThat(r.code()).as(r.remark()).isEqualTo(0);

    List<MessageExt> visible = read(TOPIC, 1);
    assertThat(visible).hasSize(1);
    MessageExt m = visible.get(0);
    assertThat(new String(m.getBody(), StandardCharsets.UTF_8)).isEqualTo("pay");
    assertThat(m.getTags()).isEqualTo("TagA");
    assertThat(m.getProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED)).isNull();
    assertThat(m.getProperty(MessageConst.PROPERTY_REAL_TOPIC)).isNull();
    assertThat(MessageSysFlag.transactionType(m.getSysFlag()))
        .isEqualTo(MessageSysFlag.TRANSACTION_COMMIT_TYPE);
    assertThat(m.getPreparedTransactionOffset()).isEqualTo(commitLogOffset(sent));
    assertThat(read(SystemTopics.TRANS_OP_HALF_TOPIC, 0)).hasSize(1);
  }

  @Test
  void aRollbackStoresNothingAndTheHalfIsNeverChecked() throws Exception {
    SendMessageResponseHeader sent = sendPrepared("cancel", 60_000);
    RemotingCommand r =
        end(
            sent.queueOffset(),
            commitLogOffset(sent),
            MessageSysFlag.TRANSACTION_ROLLBACK_TYPE,
            false);
    assertThat(r.code()).as(r.remark()).isEqualTo(0);
    assertThat(read(TOPIC, 1)).isEmpty();
    assertThat(broker.transactionCheck().checkOnce()).isZero();
    assertThat(checks).isEmpty();
    assertThat(
            broker
                .offsets()
                .query(SystemTopics.TRANSACTION_CHECK_GROUP, SystemTopics.TRANS_HALF_TOPIC, 0))
        .isEqualTo(1);
  }

  @Test
  void anEndNamingTheWrongOffsetsOrGroupIsRefused() throws Exception {
    SendMessageResponseHeader sent = sendPrepared("x", 0);
    RemotingCommand wrongQueueOffset =
        end(
            sent.queueOffset() + 5,
            commitLogOffset(sent),
            MessageSysFlag.TRANSACTION_COMMIT_TYPE,
            false);
    assertThat(wrongQueueOffset.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
    RemotingCommand nothingThere =
        end(
            sent.queueOffset(),
            commitLogOffset(sent) + 1,
            MessageSysFlag.TRANSACTION_COMMIT_TYPE,
            false);
    assertThat(nothingThere.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
    assertThat(read(TOPIC, 1)).isEmpty();
  }

  @Test
  void anOpenTransactionIsCheckedAndTheCheckAnswerCommitsIt() throws Exception {
    SendMessageResponseHeader sent = sendPrepared("late", 60_000);
    await().atMost(Duration.ofSeconds(10)).until(() -> broker.transactionCheck().checkOnce() == 1);
    RemotingCommand check = checks.poll(10, TimeUnit.SECONDS);
    assertThat(check).isNotNull();
    CheckTransactionStateRequestHeader h =
        CheckTransactionStateRequestHeader.fromExtFields(check.extFieldsOrEmpty());
    MessageExt msg = StoredMessageDecoder.decode(ByteBuffer.wrap(check.body()), 0, BodyMode.RAW);
    assertThat(msg.getTopic()).isEqualTo(TOPIC);
    assertThat(msg.getQueueId()).isEqualTo(1);
    assertThat(msg.getProperty(MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES)).isEqualTo("1");
    assertThat(h.msgId())
        .isEqualTo(msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX));
    assertThat(h.tranStateTableOffset()).isGreaterThan(sent.queueOffset());
    assertThat(h.commitLogOffset()).isEqualTo(msg.getCommitLogOffset());

    RemotingCommand r =
        end(
            h.tranStateTableOffset(),
            h.commitLogOffset(),
            MessageSysFlag.TRANSACTION_COMMIT_TYPE,
            true);
    assertThat(r.code()).as(r.remark()).isEqualTo(0);
    assertThat(read(TOPIC, 1))
        .singleElement()
        .satisfies(
            m -> assertThat(new String(m.getBody(), StandardCharsets.UTF_8)).isEqualTo("late"));
    assertThat(broker.transactionCheck().checkOnce()).isZero();
    assertThat(checks).isEmpty();
  }

  @Test
  void aHalfCheckedTooOftenMovesToTheCheckMaxTopic() throws Exception {
    broker.shutdown();
    broker = startBroker(broker.port(), "2");
    heartbeat();
    sendPrepared("forgotten", 60_000);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              broker.transactionCheck().checkOnce();
              return !read(SystemTopics.TRANS_CHECK_MAX_TIME_TOPIC, 0).isEmpty();
            });
    assertThat(checks).hasSize(2);
    MessageExt moved = read(SystemTopics.TRANS_CHECK_MAX_TIME_TOPIC, 0).get(0);
    assertThat(new String(moved.getBody(), StandardCharsets.UTF_8)).isEqualTo("forgotten");
    assertThat(read(TOPIC, 1)).isEmpty();
  }

  @Test
  void aRestartedBrokerStillChecksAHalfLeftOpen() throws Exception {
    sendPrepared("survives", 60_000);
    int port = broker.port();
    broker.shutdown();
    broker = startBroker(port, "15");
    await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(this::heartbeat);
    await().atMost(Duration.ofSeconds(10)).until(() -> broker.transactionCheck().checkOnce() == 1);
    RemotingCommand check = checks.poll(10, TimeUnit.SECONDS);
    assertThat(check).isNotNull();
    MessageExt msg = StoredMessageDecoder.decode(ByteBuffer.wrap(check.body()), 0, BodyMode.RAW);
    assertThat(new String(msg.getBody(), StandardCharsets.UTF_8)).isEqualTo("survives");
  }
}
