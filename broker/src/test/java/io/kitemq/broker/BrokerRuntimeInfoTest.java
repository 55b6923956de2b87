package io.kitemq.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kitemq.common.message.BodyMode;
import io.kitemq.common.message.StoredMessageDecoder;
import io.kitemq.remoting.netty.RemotingClient;
import io.kitemq.remoting.netty.RemotingClientConfig;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.body.BodyCodec;
import io.kitemq.remoting.protocol.body.BrokerStatsData;
import io.kitemq.remoting.protocol.body.ConsumeStats;
import io.kitemq.remoting.protocol.body.KvTable;
import io.kitemq.remoting.protocol.body.TopicStatsTable;
import io.kitemq.remoting.protocol.header.GetConsumeStatsRequestHeader;
import io.kitemq.remoting.protocol.header.GetTopicStatsInfoRequestHeader;
import io.kitemq.remoting.protocol.header.PullMessageRequestHeader;
import io.kitemq.remoting.protocol.header.RpcHeader;
import io.kitemq.remoting.protocol.header.SendMessageRequestHeader;
import io.kitemq.remoting.protocol.header.SendMessageRequestHeaderV2;
import io.kitemq.remoting.protocol.header.ViewBrokerStatsDataRequestHeader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** GET_BROKER_RUNTIME_INFO of a broker on a real socket, after real sends and pulls. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BrokerRuntimeInfoTest {

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
    broker = new BrokerController(BrokerConfig.fromProperties(p));
    addr = "127.0.0.1:" + broker.start();
    client = new RemotingClient(RemotingClientConfig.defaults());
  }

  @AfterEach
  void stop() {
    client.close();
    broker.shutdown();
  }

  private void send(String topic, String body) throws Exception {
    SendMessageRequestHeader h =
        new SendMessageRequestHeader(
            "pg",
            topic,
            "TBW102",
            4,
            0,
            0,
            System.currentTimeMillis(),
            0,
            null,
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

  private int pull(String topic, long offset, int max) throws Exception {
    PullMessageRequestHeader h =
        new PullMessageRequestHeader(
            "cg", topic, 0, offset, max, 0x4, 0, 0, "*", 0, "TAG", null, null, null);
    RemotingCommand r =
        client.invokeSync(addr, RemotingCommand.createRequest(RequestCode.PULL_MESSAGE, h), 5000);
    assertThat(r.code()).isZero();
    return StoredMessageDecoder.decodeAll(r.body(), BodyMode.RAW).size();
  }

  private Map<String, String> runtimeInfo() throws Exception {
    RemotingCommand r =
        client.invokeSync(
            addr, RemotingCommand.createRequest(RequestCode.GET_BROKER_RUNTIME_INFO), 5000);
    assertThat(r.code()).isZero();
    return BodyCodec.decode(r.body(), KvTable.class).table();
  }

  private static double firstRate(String rates) {
    return Double.parseDouble(rates.split(" ")[0]);
  }

  @Test
  void totalsCountSentAndPulledMessagesAndPutTpsRisesWhileSending() throws Exception {
    Map<String, String> idle = runtimeInfo();
    assertThat(idle)
        .containsEntry("msgPutTotalTodayNow", "0")
        .containsEntry("putTps", "0.00 0.00 0.00");

    int sent = 0;
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2500);
    while (System.nanoTime() < until) {
      send("RuntimeTopic", "m" + sent);
      sent++;
    }
    int pulled = pull("RuntimeTopic", 0, 7) + pull("RuntimeTopic", 7, 5);
    assertThat(pulled).isEqualTo(12);

    Map<String, String> info = runtimeInfo();
    assertThat(info)
        .containsEntry("msgPutTotalTodayNow", Integer.toString(sent))
        .containsEntry("msgGetTotalTodayNow", "12")
        .containsEntry("msgPutTotalTodayMorning", "0")
        .containsEntry("msgGetTotalYesterdayMorning", "0")
        .containsEntry("brokerActive", "true");
    assertThat(firstRate(info.get("putTps"))).isPositive();
    assertThat(info.get("putTps").split(" ")).hasSize(3);
    // The sampler runs once a second: the pulls show in the 10 s rate within two samples.
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> assertThat(firstRate(runtimeInfo().get("getTransferredTps"))).isPositive());
    assertThat(Double.parseDouble(info.get("commitLogDiskRatio"))).isBetween(0.0, 1.0);
    assertThat(info.get("commitLogDirCapacity"))
        .matches("Total : [0-9.]+ ([KMGTPE]i)?B, Free : [0-9.]+ ([KMGTPE]i)?B\\.");
    assertThat(info.get("runtime")).matches("\\[ 0 days, 0 hours, 0 minutes, \\d+ seconds \\]");
    assertThat(info.get("remainHowManyDataToFlush")).endsWith("B");
    assertThat(Long.parseLong(info.get("commitLogMaxOffset"))).isPositive();
  }

  private RemotingCommand statsData(String name, String key) throws Exception {
    return client.invokeSync(
        addr,
        RemotingCommand.createRequest(
            RequestCode.VIEW_BROKER_STATS_DATA,
            new ViewBrokerStatsDataRequestHeader(name, key, RpcHeader.NONE)),
        5000);
  }

  private <T> T body(RemotingCommand request, Class<T> type) throws Exception {
    RemotingCommand r = client.invokeSync(addr, request, 5000);
    assertThat(r.code()).isZero();
    return BodyCodec.decode(r.body(), type);
  }

  @Test
  void topicPutsAndGroupGetsAreCountedPerKeyForStatsDataAndTheStatsRates() throws Exception {
    for (int i = 0; i < 9; i++) {
      send("KeyedTopic", "m" + i);
    }
    assertThat(pull("KeyedTopic", 0, 4)).isEqualTo(4);
    // Figures come from the once-a-second samples: wait for the first that saw the traffic.
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              RemotingCommand puts = statsData("TOPIC_PUT_NUMS", "KeyedTopic");
              assertThat(puts.code()).isZero();
              assertThat(BodyCodec.decode(puts.body(), BrokerStatsData.class).statsMinute().sum())
                  .isEqualTo(9);
            });
    RemotingCommand gets = statsData("GROUP_GET_NUMS", "KeyedTopic@cg");
    assertThat(gets.code()).isZero();
    BrokerStatsData got = BodyCodec.decode(gets.body(), BrokerStatsData.class);
    assertThat(got.statsMinute().sum()).isEqualTo(4);
    assertThat(got.statsMinute().tps())
        .isCloseTo(4 / 60.0, org.assertj.core.data.Offset.offset(1e-9));

    TopicStatsTable topic =
        body(
            RemotingCommand.createRequest(
                RequestCode.GET_TOPIC_STATS_INFO,
                new GetTopicStatsInfoRequestHeader("KeyedTopic", RpcHeader.NONE)),
            TopicStatsTable.class);
    assertThat(topic.topicPutTps()).isPositive();
    ConsumeStats consume =
        body(
            RemotingCommand.createRequest(
                RequestCode.GET_CONSUME_STATS,
                new GetConsumeStatsRequestHeader("cg", "KeyedTopic", null, RpcHeader.NONE)),
            ConsumeStats.class);
    assertThat(consume.consumeTps()).isPositive();
    ConsumeStats other =
        body(
            RemotingCommand.createRequest(
                RequestCode.GET_CONSUME_STATS,
                new GetConsumeStatsRequestHeader("otherGroup", "KeyedTopic", null, RpcHeader.NONE)),
            ConsumeStats.class);
    assertThat(other.consumeTps()).isZero();

    RemotingCommand unknown = statsData("GROUP_GET_NUMS", "KeyedTopic@nobody");
    assertThat(unknown.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
    assertThat(unknown.remark()).contains("not exist");
  }
}
