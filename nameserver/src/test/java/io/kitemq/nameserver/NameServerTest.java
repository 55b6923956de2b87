package io.kitemq.nameserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kitemq.common.topic.TopicConfig;
import io.kitemq.remoting.netty.RemotingClient;
import io.kitemq.remoting.netty.RemotingClientConfig;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.body.BodyCodec;
import io.kitemq.remoting.protocol.body.DataVersion;
import io.kitemq.remoting.protocol.body.RegisterBrokerBody;
import io.kitemq.remoting.protocol.body.TopicConfigSerializeWrapper;
import io.kitemq.remoting.protocol.body.TopicRouteData;
import io.kitemq.remoting.protocol.header.GetKvConfigRequestHeader;
import io.kitemq.remoting.protocol.header.GetKvConfigResponseHeader;
import io.kitemq.remoting.protocol.header.GetRouteInfoRequestHeader;
import io.kitemq.remoting.protocol.header.PutKvConfigRequestHeader;
import io.kitemq.remoting.protocol.header.QueryDataVersionRequestHeader;
import io.kitemq.remoting.protocol.header.QueryDataVersionResponseHeader;
import io.kitemq.remoting.protocol.header.RegisterBrokerRequestHeader;
import io.kitemq.remoting.protocol.header.RegisterBrokerResponseHeader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The name server over real sockets on 127.0.0.1, driven by our remoting client. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NameServerTest {

  private static final long TIMEOUT = 3000;

  @TempDir Path dir;

  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  private NameServerConfig.Builder config() {
    return NameServerConfig.builder()
        .bindAddress("127.0.0.1")
        .listenPort(0)
        .kvConfigPath(dir.resolve("kv").resolve("kvConfig.json"));
  }

  private String start(NameServer server) {
    toClose.add(server);
    return "127.0.0.1:" + server.start();
  }

  private RemotingClient client() {
    RemotingClient client = new RemotingClient(RemotingClientConfig.defaults());
    toClose.add(client);
    return client;
  }

  private static RemotingCommand registerRequest(long counter, boolean compressed) {
    TopicConfigSerializeWrapper topics =
        new TopicConfigSerializeWrapper(
            Map.of(
                "TopicTest", TopicConfig.of("TopicTest", 4, 4, 6),
                "TBW102", TopicConfig.of("TBW102", 8, 8, 7)),
            new DataVersion(counter, 0, 1_700_000_000_000L));
    byte[] body = new RegisterBrokerBody(topics, List.of()).encode(compressed);
    return RemotingCommand.createRequest(
            RequestCode.REGISTER_BROKER,
            new RegisterBrokerRequestHeader(
                "broker-a",
                "127.0.0.1:10911",
                "DefaultCluster",
                "127.0.0.1:10912",
                0,
                null,
                false,
                compressed,
                io.kitemq.common.util.Crc.crc32(body)))
        .setBody(body);
  }

  private static RemotingCommand routeRequest(String topic) {
    return RemotingCommand.createRequest(
        RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader(topic, null));
  }

  @Test
  void compressedRegistrationIsRoutedAndAClosedConnectionRemovesTheBroker() throws Exception {
    String addr = start(new NameServer(config().build()));
    RemotingClient broker = client();
    RemotingCommand registered = broker.invokeSync(addr, registerRequest(1, true), TIMEOUT);
    assertThat(registered.code()).isEqualTo(ResponseCode.SUCCESS.code());
    assertThat(RegisterBrokerResponseHeader.fromExtFields(registered.extFieldsOrEmpty()))
        .isEqualTo(new RegisterBrokerResponseHeader(null, null));

    RemotingClient reader = client();
    RemotingCommand route = reader.invokeSync(addr, routeRequest("TopicTest"), TIMEOUT);
    assertThat(route.code()).isEqualTo(ResponseCode.SUCCESS.code());
    TopicRouteData data = BodyCodec.decode(route.body(), TopicRouteData.class);
    assertThat(data.queueDatas().get(0).writeQueueNums()).isEqualTo(4);
    assertThat(data.brokerDatas().get(0).masterAddr()).isEqualTo("127.0.0.1:10911");
    assertThat(new String(route.body(), StandardCharsets.UTF_8))
        .contains("{\"0\":\"127.0.0.1:10911\"}");

    broker.close();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                reader.invokeSync(addr, routeRequest("TopicTest"), TIMEOUT).code()
                    == ResponseCode.TOPIC_NOT_EXIST.code());
  }

  @Test
  void unknownTopicUnknownCodeMissingFieldAndBadCrcAreAnsweredLikeRocketMq() throws Exception {
    String addr = start(new NameServer(config().build()));
    RemotingClient client = client();

    RemotingCommand unknown = client.invokeSync(addr, routeRequest("NoSuchTopic"), TIMEOUT);
    assertThat(unknown.code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST.code());
    assertThat(unknown.remark())
        .isEqualTo("No topic route info in name server for the topic: NoSuchTopic");

    assertThat(client.invokeSync(addr, RemotingCommand.createRequest(4242), TIMEOUT).code())
        .isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED.code());

    RemotingCommand missing =
        client.invokeSync(
            addr, RemotingCommand.createRequest(RequestCode.GET_ROUTEINFO_BY_TOPIC), TIMEOUT);
    assertThat(missing.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
    assertThat(missing.remark()).contains("topic");

    RemotingCommand badCrc = registerRequest(1, false);
    badCrc.extFields().put("bodyCrc32", "12345");
    RemotingCommand refused = client.invokeSync(addr, badCrc, TIMEOUT);
    assertThat(refused.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
    assertThat(refused.remark()).isEqualTo("crc32 not match");
  }

  @Test
  void silentBrokerExpiresOnTheInjectedClock() throws Exception {
    AtomicLong now = new AtomicLong(5_000_000);
    NameServer server =
        new NameServer(
            config().brokerChannelExpiredTime(60_000).scanNotActiveBrokerInterval(20).build(),
            now::get);
    String addr = start(server);
    RemotingClient client = client();
    client.invokeSync(addr, registerRequest(1, false), TIMEOUT);

    now.addAndGet(59_000);
    RemotingCommand query =
        RemotingCommand.createRequest(
                RequestCode.QUERY_DATA_VERSION,
                new QueryDataVersionRequestHeader(
                    "broker-a", "127.0.0.1:10911", "DefaultCluster", 0L))
            .setBody(BodyCodec.encode(new DataVersion(2, 0, 1_700_000_000_000L)));
    RemotingCommand answer = client.invokeSync(addr, query, TIMEOUT);
    assertThat(QueryDataVersionResponseHeader.fromExtFields(answer.extFieldsOrEmpty()).changed())
        .isTrue();
    assertThat(BodyCodec.decode(answer.body(), DataVersion.class))
        .isEqualTo(new DataVersion(1, 0, 1_700_000_000_000L));

    // The data-version query counted as a heartbeat: 59 s later the broker is still there.
    now.addAndGet(59_000);
    assertThat(server.routes().scanNotActiveBroker()).isZero();
    now.addAndGet(2_000);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                client.invokeSync(addr, routeRequest("TopicTest"), TIMEOUT).code()
                    == ResponseCode.TOPIC_NOT_EXIST.code());
  }

  @Test
  void nameServersAreIndependent() throws Exception {
    String first = start(new NameServer(config().build()));
    String second = start(new NameServer(config().kvConfigPath(dir.resolve("other.json")).build()));
    RemotingClient client = client();
    client.invokeSync(first, registerRequest(1, false), TIMEOUT);
    assertThat(client.invokeSync(first, routeRequest("TopicTest"), TIMEOUT).code())
        .isEqualTo(ResponseCode.SUCCESS.code());
    assertThat(client.invokeSync(second, routeRequest("TopicTest"), TIMEOUT).code())
        .isEqualTo(ResponseCode.TOPIC_NOT_EXIST.code());
  }

  @Test
  void kvConfigIsPersistedAtomicallyAndSurvivesARestart() throws Exception {
    NameServer first = new NameServer(config().build());
    String addr = start(first);
    RemotingClient client = client();
    RemotingCommand put =
        RemotingCommand.createRequest(
            RequestCode.PUT_KV_CONFIG,
            new PutKvConfigRequestHeader("ORDER_TOPIC_CONFIG", "TopicTest", "broker-a:4"));
    assertThat(client.invokeSync(addr, put, TIMEOUT).code()).isEqualTo(ResponseCode.SUCCESS.code());
    Path file = dir.resolve("kv").resolve("kvConfig.json");
    assertThat(Files.readString(file))
        .isEqualTo("{\"configTable\":{\"ORDER_TOPIC_CONFIG\":{\"TopicTest\":\"broker-a:4\"}}}");
    assertThat(Files.exists(dir.resolve("kv").resolve("kvConfig.json.tmp"))).isFalse();
    first.close();

    String again = start(new NameServer(config().build()));
    RemotingCommand get =
        client.invokeSync(
            again,
            RemotingCommand.createRequest(
                RequestCode.GET_KV_CONFIG,
                new GetKvConfigRequestHeader("ORDER_TOPIC_CONFIG", "TopicTest")),
            TIMEOUT);
    assertThat(GetKvConfigResponseHeader.fromExtFields(get.extFieldsOrEmpty()).value())
        .isEqualTo("broker-a:4");
  }

  @Test
  void configCanBeReadAndOnlyRuntimeKeysUpdated() throws Exception {
    NameServer server = new NameServer(config().build());
    String addr = start(server);
    RemotingClient client = client();
    RemotingCommand get =
        client.invokeSync(
            addr, RemotingCommand.createRequest(RequestCode.GET_NAMESRV_CONFIG), TIMEOUT);
    assertThat(new String(get.body(), StandardCharsets.UTF_8))
        .contains("enableTopicList=true\n")
        .contains("brokerChannelExpiredTime=120000\n");

    RemotingCommand refused =
        client.invokeSync(
            addr,
            RemotingCommand.createRequest(RequestCode.UPDATE_NAMESRV_CONFIG)
                .setBody("listenPort=1234\nenableTopicList=false".getBytes(StandardCharsets.UTF_8)),
            TIMEOUT);
    assertThat(refused.code()).isEqualTo(ResponseCode.NO_PERMISSION.code());
    assertThat(refused.remark()).contains("listenPort");
    assertThat(server.config().enableTopicList()).isTrue();

    RemotingCommand updated =
        client.invokeSync(
            addr,
            RemotingCommand.createRequest(RequestCode.UPDATE_NAMESRV_CONFIG)
                .setBody("enableTopicList=false".getBytes(StandardCharsets.UTF_8)),
            TIMEOUT);
    assertThat(updated.code()).isEqualTo(ResponseCode.SUCCESS.code());
    RemotingCommand disabled =
        client.invokeSync(
            addr, RemotingCommand.createRequest(RequestCode.GET_UNIT_TOPIC_LIST), TIMEOUT);
    assertThat(disabled.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
    assertThat(disabled.remark()).isEqualTo("disable");
  }
}
