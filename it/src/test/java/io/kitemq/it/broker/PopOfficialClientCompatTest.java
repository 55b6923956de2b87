package io.kitemq.it.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.client.ClientConfig;
import org.apache.rocketmq.client.consumer.AckCallback;
import org.apache.rocketmq.client.consumer.AckResult;
import org.apache.rocketmq.client.consumer.AckStatus;
import org.apache.rocketmq.client.consumer.PopCallback;
import org.apache.rocketmq.client.consumer.PopResult;
import org.apache.rocketmq.client.consumer.PopStatus;
import org.apache.rocketmq.client.impl.ClientRemotingProcessor;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.constant.ConsumeInitMode;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.SerializeType;
import org.apache.rocketmq.remoting.protocol.header.AckMessageRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.ChangeInvisibleTimeRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.ExtraInfoUtil;
import org.apache.rocketmq.remoting.protocol.header.PopMessageRequestHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our broker's POP, ACK and CHANGE_MESSAGE_INVISIBLETIME judged by the official 5.5.0 client's own
 * request and response code ({@code MQClientAPIImpl#popMessageAsync} parses our answers and builds
 * the receipt handles; its ack and change-invisible-time calls send them back).
 *
 * <p>Runs with JSON headers only (its name keeps it out of the binary-header run of the {@code
 * Official*Test} classes, and it skips itself there when named with -Dtest): the ROCKETMQ binary
 * header carries the request code in two bytes, so the POP codes (200050 and up) cannot travel in
 * it, to Apache's broker either.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PopOfficialClientCompatTest {

  private static final String GROUP = "g-official-pop";

  @TempDir static Path dir;
  private static KiteCluster cluster;
  private static DefaultMQProducer producer;
  private static MQClientAPIImpl client;
  private static String addr;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(
        RemotingCommand.getSerializeTypeConfigInThisServer() == SerializeType.JSON,
        "POP request codes do not fit the ROCKETMQ binary header");
    cluster = new KiteCluster(dir);
    producer = cluster.producer("official-pop-producer");
    producer.start();
    client =
        new MQClientAPIImpl(
            new NettyClientConfig(), new ClientRemotingProcessor(null), null, new ClientConfig());
    client.start();
    addr = cluster.broker().brokerAddr();
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.shutdown();
    }
    if (producer != null) {
      producer.shutdown();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  private static PopResult pop(String topic, long invisible, long pollTime) throws Exception {
    PopMessageRequestHeader h = new PopMessageRequestHeader();
    h.setConsumerGroup(GROUP);
    h.setTopic(topic);
    h.setQueueId(-1);
    h.setMaxMsgNums(32);
    h.setInvisibleTime(invisible);
    h.setPollTime(pollTime);
    h.setBornTime(System.currentTimeMillis());
    h.setInitMode(ConsumeInitMode.MIN);
    h.setExpType("TAG");
    h.setExp("*");
    CompletableFuture<PopResult> f = new CompletableFuture<>();
    client.popMessageAsync(
        KiteCluster.BROKER,
        addr,
        h,
        pollTime + 5000,
        new PopCallback() {
          @Override
          public void onSuccess(PopResult r) {
            f.complete(r);
          }

          @Override
          public void onException(Throwable e) {
            f.completeExceptionally(e);
          }
        });
    return f.get(pollTime + 10_000, TimeUnit.MILLISECONDS);
  }

  private static AckStatus ack(MessageExt m, String extraInfo) throws Exception {
    String[] info = ExtraInfoUtil.split(extraInfo);
    AckMessageRequestHeader h = new AckMessageRequestHeader();
    h.setConsumerGroup(GROUP);
    h.setTopic(m.getTopic());
    h.setQueueId(ExtraInfoUtil.getQueueId(info));
    h.setOffset(ExtraInfoUtil.getQueueOffset(info));
    h.setExtraInfo(extraInfo);
    CompletableFuture<AckResult> f = new CompletableFuture<>();
    client.ackMessageAsync(addr, 5000, callback(f), h);
    return f.get(10, TimeUnit.SECONDS).getStatus();
  }

  private static AckResult changeInvisible(MessageExt m, long invisible) throws Exception {
    String extraInfo = m.getProperty(MessageConst.PROPERTY_POP_CK);
    String[] info = ExtraInfoUtil.split(extraInfo);
    ChangeInvisibleTimeRequestHeader h = new ChangeInvisibleTimeRequestHeader();
    h.setConsumerGroup(GROUP);
    h.setTopic(m.getTopic());
    h.setQueueId(ExtraInfoUtil.getQueueId(info));
    h.setOffset(ExtraInfoUtil.getQueueOffset(info));
    h.setExtraInfo(extraInfo);
    h.setInvisibleTime(invisible);
    CompletableFuture<AckResult> f = new CompletableFuture<>();
    client.changeInvisibleTimeAsync(KiteCluster.BROKER, addr, h, 5000, callback(f));
    return f.get(10, TimeUnit.SECONDS);
  }

  private static AckCallback callback(CompletableFuture<AckResult> f) {
    return new AckCallback() {
      @Override
      public void onSuccess(AckResult r) {
        f.complete(r);
      }

      @Override
      public void onException(Throwable e) {
        f.completeExceptionally(e);
      }
    };
  }

  private static List<String> texts(List<MessageExt> msgs) {
    return msgs.stream().map(m -> new String(m.getBody(), StandardCharsets.UTF_8)).toList();
  }

  @Test
  void theOfficialClientPopsAcksAndChangesInvisibleTime() throws Exception {
    String topic = "OfficialPop";
    for (int i = 0; i < 3; i++) {
      producer.send(new Message(topic, ("p" + i).getBytes(StandardCharsets.UTF_8)));
    }
    PopResult r = pop(topic, 60_000, 0);
    assertThat(r.getPopStatus()).isEqualTo(PopStatus.FOUND);
    assertThat(texts(r.getMsgFoundList())).containsExactlyInAnyOrder("p0", "p1", "p2");
    for (MessageExt m : r.getMsgFoundList()) {
      String[] info = ExtraInfoUtil.split(m.getProperty(MessageConst.PROPERTY_POP_CK));
      assertThat(ExtraInfoUtil.getBrokerName(info)).isEqualTo(KiteCluster.BROKER);
      assertThat(ExtraInfoUtil.getQueueId(info)).isEqualTo(m.getQueueId());
      assertThat(ExtraInfoUtil.getQueueOffset(info)).isEqualTo(m.getQueueOffset());
      assertThat(ExtraInfoUtil.getPopTime(info)).isEqualTo(r.getPopTime());
      assertThat(m.getReconsumeTimes()).isZero();
    }
    List<MessageExt> msgs = r.getMsgFoundList();
    assertThat(ack(msgs.get(0), msgs.get(0).getProperty(MessageConst.PROPERTY_POP_CK)))
        .isEqualTo(AckStatus.OK);
    assertThat(ack(msgs.get(1), msgs.get(1).getProperty(MessageConst.PROPERTY_POP_CK)))
        .isEqualTo(AckStatus.OK);
    MessageExt third = msgs.get(2);
    AckResult changed = changeInvisible(third, 60_000);
    assertThat(changed.getStatus()).isEqualTo(AckStatus.OK);
    assertThat(ack(third, third.getProperty(MessageConst.PROPERTY_POP_CK)))
        .as("the handle used up by the change")
        .isEqualTo(AckStatus.NO_EXIST);
    assertThat(ack(third, changed.getExtraInfo())).isEqualTo(AckStatus.OK);
    assertThat(ack(third, changed.getExtraInfo())).isEqualTo(AckStatus.NO_EXIST);
    assertThat(pop(topic, 60_000, 0).getPopStatus()).isEqualTo(PopStatus.POLLING_NOT_FOUND);
  }

  @Test
  void anUnackedMessageComesBackToTheOfficialClientWithReconsumeTimesOne() throws Exception {
    String topic = "OfficialPopRedeliver";
    producer.send(new Message(topic, "again".getBytes(StandardCharsets.UTF_8)));
    PopResult first = pop(topic, 1500, 0);
    assertThat(texts(first.getMsgFoundList())).containsExactly("again");
    List<MessageExt> back = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              PopResult r = pop(topic, 60_000, 2000);
              if (r.getPopStatus() == PopStatus.FOUND) {
                back.addAll(r.getMsgFoundList());
              }
              return !back.isEmpty();
            });
    assertThat(texts(back)).containsExactly("again");
    assertThat(back.get(0).getReconsumeTimes()).isEqualTo(1);
    assertThat(ack(back.get(0), back.get(0).getProperty(MessageConst.PROPERTY_POP_CK)))
        .isEqualTo(AckStatus.OK);
    MessageExt stale = first.getMsgFoundList().get(0);
    assertThat(ack(stale, stale.getProperty(MessageConst.PROPERTY_POP_CK)))
        .isEqualTo(AckStatus.NO_EXIST);
  }

  @Test
  void aLongPollingPopOfTheOfficialClientIsAnsweredWhenAMessageArrives() throws Exception {
    String topic = "OfficialPopLongPoll";
    producer.send(new Message(topic, "before".getBytes(StandardCharsets.UTF_8)));
    assertThat(texts(pop(topic, 60_000, 0).getMsgFoundList())).containsExactly("before");
    CompletableFuture<PopResult> waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return pop(topic, 60_000, 20_000);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    await().atMost(Duration.ofSeconds(10)).until(() -> cluster.broker().heldPullCount() > 0);
    long sentAt = System.nanoTime();
    producer.send(new Message(topic, "after".getBytes(StandardCharsets.UTF_8)));
    PopResult r = waiting.get(30, TimeUnit.SECONDS);
    assertThat(Duration.ofNanos(System.nanoTime() - sentAt)).isLessThan(Duration.ofSeconds(10));
    assertThat(r.getPopStatus()).isEqualTo(PopStatus.FOUND);
    assertThat(texts(r.getMsgFoundList())).containsExactly("after");
  }

  @Test
  void theOfficialBatchAckAcksEveryHandleItCarries() throws Exception {
    String topic = "OfficialPopBatchAck";
    for (int i = 0; i < 5; i++) {
      producer.send(new Message(topic, ("ba" + i).getBytes(StandardCharsets.UTF_8)));
    }
    List<MessageExt> got = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              PopResult r = pop(topic, 2000, 0);
              if (r.getPopStatus() == PopStatus.FOUND) {
                got.addAll(r.getMsgFoundList());
              }
              return got.size() >= 5;
            });
    List<String> handles =
        got.stream().map(m -> m.getProperty(MessageConst.PROPERTY_POP_CK)).toList();
    CompletableFuture<AckResult> f = new CompletableFuture<>();
    client.batchAckMessageAsync(addr, 5000, callback(f), topic, GROUP, handles);
    assertThat(f.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(AckStatus.OK);
    // Past the 2 s invisible time nothing comes back: every message was acked.
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
    while (System.nanoTime() < end) {
      assertThat(pop(topic, 2000, 1000).getPopStatus()).isEqualTo(PopStatus.POLLING_NOT_FOUND);
    }
  }
}
