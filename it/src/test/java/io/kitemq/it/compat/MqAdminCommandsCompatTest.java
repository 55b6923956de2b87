package io.kitemq.it.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kitemq.broker.BrokerConfig;
import io.kitemq.broker.BrokerController;
import io.kitemq.nameserver.NameServer;
import io.kitemq.nameserver.NameServerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official 5.5.0 {@code mqadmin} commands, run in this JVM against our name server and broker,
 * print what an operator expects: the cluster, topics, routes, offsets, group progress,
 * connections, messages and broker state. Each command's output goes to the test log.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class MqAdminCommandsCompatTest {

  private static final String CLUSTER = "AdminCmdCluster";
  private static final String BROKER = "broker-cmd";
  private static final String TOPIC = "AdminCmdTopic";
  private static final String GROUP = "admin-cmd-group";

  @TempDir Path dir;
  private NameServer nameServer;
  private BrokerController broker;
  private String ns;
  private String addr;
  private final List<Runnable> shutdowns = new ArrayList<>();

  @BeforeEach
  void start() {
    nameServer =
        new NameServer(
            NameServerConfig.builder()
                .bindAddress("127.0.0.1")
                .listenPort(0)
                .kvConfigPath(dir.resolve("kvConfig.json"))
                .build());
    ns = "127.0.0.1:" + nameServer.start();
    Properties p = new Properties();
    p.setProperty("brokerClusterName", CLUSTER);
    p.setProperty("brokerName", BROKER);
    p.setProperty("namesrvAddr", ns);
    p.setProperty("listenPort", "0");
    p.setProperty("brokerIP1", "127.0.0.1");
    p.setProperty("storePathRootDir", dir.resolve("store").toString());
    p.setProperty("mappedFileSizeCommitLog", Integer.toString(8 * 1024 * 1024));
    p.setProperty("mappedFileSizeConsumeQueue", Integer.toString(20 * 10_000));
    p.setProperty("maxHashSlotNum", "10000");
    p.setProperty("maxIndexNum", "40000");
    p.setProperty("flushConsumerOffsetInterval", "200");
    broker = new BrokerController(BrokerConfig.fromProperties(p));
    broker.start();
    addr = broker.brokerAddr();
  }

  @AfterEach
  void stop() {
    try {
      shutdowns.forEach(Runnable::run);
      if (broker != null) {
        broker.shutdown();
      }
    } finally {
      if (nameServer != null) {
        nameServer.close();
      }
    }
  }

  private static long sumOfColumn(String table, Pattern row, int group) {
    long sum = 0;
    Matcher m = row.matcher(table);
    while (m.find()) {
      sum += Long.parseLong(m.group(group));
    }
    return sum;
  }

  @Test
  void officialAdminCommandsReportTheClusterTopicsGroupsAndMessages() throws Exception {
    String created =
        MqAdmin.run("updateTopic", "-n", ns, "-c", CLUSTER, "-t", TOPIC, "-r", "3", "-w", "3");
    assertThat(created).contains("create topic to " + addr + " success");
    String group = MqAdmin.run("updateSubGroup", "-n", ns, "-c", CLUSTER, "-g", GROUP, "-r", "5");
    assertThat(group).contains("create subscription group to " + addr + " success");
    assertThat(group).contains("retryMaxTimes=5");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                MqAdmin.run("topicRoute", "-n", ns, "-t", TOPIC).contains("\"writeQueueNums\":3"));

    String sent =
        MqAdmin.run(
            "sendMessage",
            "-n",
            ns,
            "-t",
            TOPIC,
            "-p",
            "hello from mqadmin",
            "-k",
            "cmd-key",
            "-c",
            "TagCmd");
    Matcher sentRow =
        Pattern.compile(BROKER + "\\s+(\\d)\\s+SEND_OK\\s+([0-9A-F]{32,})").matcher(sent);
    assertThat(sentRow.find()).as(sent).isTrue();
    String cmdMsgId = sentRow.group(2);

    DefaultMQProducer producer = new DefaultMQProducer("admin-cmd-producer");
    producer.setNamesrvAddr(ns);
    producer.setInstanceName("admin-cmd-" + System.nanoTime());
    producer.start();
    shutdowns.add(producer::shutdown);
    List<SendResult> results = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Message m = new Message(TOPIC, "TagA", ("body-" + i).getBytes(StandardCharsets.UTF_8));
      m.setKeys("key-" + i);
      results.add(producer.send(m));
    }
    Set<String> consumed = ConcurrentHashMap.newKeySet();
    DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(GROUP);
    consumer.setNamesrvAddr(ns);
    consumer.setInstanceName("admin-cmd-c-" + System.nanoTime());
    consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
    consumer.setPersistConsumerOffsetInterval(200);
    consumer.setPullInterval(0);
    consumer.subscribe(TOPIC, "*");
    consumer.registerMessageListener(
        (MessageListenerConcurrently)
            (msgs, ctx) -> {
              msgs.forEach(m -> consumed.add(new String(m.getBody(), StandardCharsets.UTF_8)));
              return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
    consumer.start();
    shutdowns.add(0, consumer::shutdown);
    // 60 s: once in a full suite run the official push consumer needed more than 30 s to receive
    // these 9 messages (its rebalance runs every 20 s); the class timeout still bounds the test.
    await().atMost(Duration.ofSeconds(60)).until(() -> consumed.size() == 9);

    String clusterList = MqAdmin.run("clusterList", "-n", ns);
    assertThat(clusterList)
        .containsPattern(CLUSTER + "\\s+" + BROKER + "\\s+0\\s+" + Pattern.quote(addr));

    String topicList = MqAdmin.run("topicList", "-n", ns);
    assertThat(topicList.lines()).contains(TOPIC, "TBW102");

    String route = MqAdmin.run("topicRoute", "-n", ns, "-t", TOPIC);
    assertThat(route)
        .contains(
            "\"brokerName\":\"" + BROKER + "\"",
            "\"readQueueNums\":3",
            "\"writeQueueNums\":3",
            "0:\"" + addr + "\"");

    String status = MqAdmin.run("topicStatus", "-n", ns, "-t", TOPIC);
    Pattern statusRow = Pattern.compile(BROKER + "\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)");
    assertThat(sumOfColumn(status, statusRow, 3)).as(status).isEqualTo(9);
    assertThat(sumOfColumn(status, statusRow, 2)).as(status).isZero();

    // The client reports its offsets on a timer whose first run is 10 s after it starts.
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                MqAdmin.run("consumerProgress", "-n", ns, "-g", GROUP)
                    .contains("Consume Diff Total: 0"));
    String progress = MqAdmin.run("consumerProgress", "-n", ns, "-g", GROUP);
    Pattern progressRow =
        Pattern.compile(TOPIC + "\\s+" + BROKER + "\\s+(\\d)\\s+(\\d+)\\s+(\\d+)");
    assertThat(sumOfColumn(progress, progressRow, 2)).as(progress).isEqualTo(9);
    assertThat(sumOfColumn(progress, progressRow, 3)).as(progress).isEqualTo(9);
    assertThat(progress).contains("Consume Diff Total: 0");

    String connection = MqAdmin.run("consumerConnection", "-n", ns, "-g", GROUP);
    assertThat(connection)
        .contains(consumer.buildMQClientId(), TOPIC, "CONSUME_PASSIVELY", "CLUSTERING", "JAVA");

    String byKey = MqAdmin.run("queryMsgByKey", "-n", ns, "-t", TOPIC, "-k", "key-3");
    assertThat(byKey).contains(results.get(3).getMsgId()).doesNotContain(results.get(4).getMsgId());

    String byId = MqAdmin.run("queryMsgById", "-n", ns, "-t", TOPIC, "-i", cmdMsgId, "-f", "UTF-8");
    assertThat(byId)
        .containsPattern("Topic:\\s+" + TOPIC)
        .containsPattern("Tags:\\s+\\[TagCmd\\]")
        .containsPattern("Keys:\\s+\\[cmd-key\\]")
        .containsPattern("Message Body:\\s+hello from mqadmin");
    // The message track asks the broker which groups consume the topic (request 300), then
    // compares the group's committed offset with the message's queue offset.
    assertThat(byId)
        .contains(
            "MessageTrack [consumerGroup=" + GROUP + ", trackType=CONSUMED, exceptionDesc=null]")
        .doesNotContain("Exception");

    String brokerStatus = MqAdmin.run("brokerStatus", "-n", ns, "-b", addr);
    assertThat(brokerStatus).containsPattern("commitLogMaxOffset\\s*:\\s*[1-9]\\d*");

    String config = MqAdmin.run("getBrokerConfig", "-n", ns, "-b", addr);
    assertThat(config)
        .containsPattern("brokerName\\s*=\\s*" + BROKER)
        .containsPattern("brokerClusterName\\s*=\\s*" + CLUSTER);

    String deleted = MqAdmin.run("deleteTopic", "-n", ns, "-c", CLUSTER, "-t", TOPIC);
    assertThat(deleted)
        .contains("delete topic [" + TOPIC + "] from cluster [" + CLUSTER + "] success");
    assertThat(MqAdmin.run("topicList", "-n", ns).lines()).doesNotContain(TOPIC);
  }
}
