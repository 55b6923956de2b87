package io.kitemq.it.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kitemq.nameserver.NameServer;
import io.kitemq.nameserver.NameServerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL of a broker running in a child JVM while an official 5.5.0 push consumer is consuming and
 * a producer is sending: after a restart on the same store and port, a new consumer of the same
 * group finishes the work. Nothing acknowledged SEND_OK under SYNC_FLUSH is lost, and the
 * redeliveries stay within what the offset-persist and offset-flush intervals can hold.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class BrokerKillNineCompatTest {

  private static final String TOPIC = "KillNineTopic";
  private static final String GROUP = "kill-nine-group";

  /** Consumer -> broker offset report period (ms). */
  private static final int PERSIST_INTERVAL = 500;

  /** Broker offset table -> consumerOffset.json period (ms). */
  private static final int FLUSH_INTERVAL = 500;

  /** Simulated work per message, so that the kill lands while messages are flowing. */
  private static final long WORK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  @TempDir Path dir;
  private NameServer nameServer;
  private ChildBroker broker;
  private DefaultMQProducer producer;
  private DefaultMQPushConsumer first;
  private DefaultMQPushConsumer second;

  @AfterEach
  void stop() throws InterruptedException {
    try {
      for (DefaultMQPushConsumer c : new DefaultMQPushConsumer[] {first, second}) {
        if (c != null) {
          c.shutdown();
        }
      }
      if (producer != null) {
        producer.shutdown();
      }
      if (broker != null) {
        broker.close();
      }
    } finally {
      if (nameServer != null) {
        nameServer.close();
      }
    }
  }

  private Map<String, String> brokerConf(String namesrv, int port) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("brokerClusterName", "KillNineCluster");
    c.put("brokerName", "broker-k9");
    c.put("namesrvAddr", namesrv);
    c.put("listenPort", Integer.toString(port));
    c.put("brokerIP1", "127.0.0.1");
    c.put("storePathRootDir", dir.resolve("store").toString());
    c.put("mappedFileSizeCommitLog", Integer.toString(8 * 1024 * 1024));
    c.put("mappedFileSizeConsumeQueue", Integer.toString(20 * 10_000));
    c.put("maxHashSlotNum", "10000");
    c.put("maxIndexNum", "40000");
    c.put("flushDiskType", "SYNC_FLUSH");
    c.put("flushConsumerOffsetInterval", Integer.toString(FLUSH_INTERVAL));
    c.put("registerNameServerPeriod", "1000");
    TwoBrokerCluster.keepSegmentsOnABusyDisk(c);
    return c;
  }

  private DefaultMQPushConsumer consumer(
      String namesrv,
      String instance,
      Map<String, AtomicInteger> deliveries,
      ConcurrentLinkedQueue<Long> ackTimes) {
    DefaultMQPushConsumer c = new DefaultMQPushConsumer(GROUP);
    c.setNamesrvAddr(namesrv);
    c.setInstanceName(instance);
    c.setPollNameServerInterval(500);
    c.setHeartbeatBrokerInterval(1000);
    c.setPersistConsumerOffsetInterval(PERSIST_INTERVAL);
    c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
    c.setConsumeThreadMin(1);
    c.setConsumeThreadMax(1);
    c.setConsumeMessageBatchMaxSize(1);
    c.setPullInterval(0);
    c.registerMessageListener(
        (MessageListenerConcurrently)
            (msgs, ctx) -> {
              for (MessageExt m : msgs) {
                LockSupport.parkNanos(WORK_NANOS);
                deliveries
                    .computeIfAbsent(
                        new String(m.getBody(), StandardCharsets.UTF_8), k -> new AtomicInteger())
                    .incrementAndGet();
              }
              ackTimes.add(System.nanoTime());
              return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
    return c;
  }

  @Test
  void killNineMidConsumptionLosesNoAcknowledgedMessageAndRedeliversOnlyTheUnflushedWindow()
      throws Exception {
    nameServer =
        new NameServer(
            NameServerConfig.builder()
                .bindAddress("127.0.0.1")
                .listenPort(0)
                .kvConfigPath(dir.resolve("kvConfig.json"))
                .build());
    String namesrv = "127.0.0.1:" + nameServer.start();
    broker = ChildBroker.start(brokerConf(namesrv, 0), Duration.ofSeconds(60));
    int port = broker.port();
    String run = Long.toString(System.nanoTime());

    producer = new DefaultMQProducer("kill-nine-producer");
    producer.setNamesrvAddr(namesrv);
    producer.setInstanceName("k9-producer-" + run);
    producer.setPollNameServerInterval(500);
    producer.setSendMsgTimeout(3000);
    producer.setRetryTimesWhenSendFailed(0);
    producer.start();

    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    int before = 1200;
    for (int i = 0; i < before; i++) {
      String body = "k9-" + i;
      SendResult r = producer.send(new Message(TOPIC, body.getBytes(StandardCharsets.UTF_8)));
      assertThat(r.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
      acknowledged.add(body);
    }

    Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<Long> ackTimes = new ConcurrentLinkedQueue<>();
    first = consumer(namesrv, "k9-first-" + run, deliveries, ackTimes);
    first.subscribe(TOPIC, "*");
    first.start();

    // A producer keeps sending while the consumer works: the sends acknowledged right before the
    // kill are the ones SYNC_FLUSH must keep.
    AtomicBoolean sending = new AtomicBoolean(true);
    AtomicInteger next = new AtomicInteger(before);
    Thread sender =
        new Thread(
            () -> {
              while (sending.get()) {
                // About one send every 5 ms: enough to be sending when the kill lands, few
                // enough for the second consumer to finish quickly.
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
                String body = "k9-" + next.getAndIncrement();
                try {
                  SendResult r =
                      producer.send(new Message(TOPIC, body.getBytes(StandardCharsets.UTF_8)));
                  if (r.getSendStatus() == SendStatus.SEND_OK) {
                    acknowledged.add(body);
                  }
                } catch (Exception e) {
                  // Expected once the broker is gone: an unacknowledged send carries no promise.
                  System.out.println("send of " + body + " failed: " + e);
                }
              }
            },
            "k9-sender");
    sender.start();

    // The client's offset-persist timer first runs 10 s after it starts (until then offsets reach
    // the broker only piggy-backed on pulls): the kill comes once that timer is running.
    long startedAt = System.nanoTime();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                deliveries.size() >= 1000
                    && System.nanoTime() - startedAt >= TimeUnit.SECONDS.toNanos(12));
    int deliveredAtKill = deliveries.size();
    long killedAt = System.nanoTime();
    broker.kill();
    sending.set(false);
    sender.join(TimeUnit.SECONDS.toMillis(20));
    assertThat(sender.isAlive()).isFalse();
    assertThat(deliveredAtKill).isLessThan(acknowledged.size());

    // The bound on redeliveries: a new consumer starts from the offsets in consumerOffset.json.
    // What the first consumer acknowledged reaches the broker within one persist interval (or
    // sooner, piggy-backed on a pull) and the broker's file within one flush interval, so only
    // messages acknowledged in the last PERSIST + FLUSH ms before the kill can be missing from
    // the file; half a second more absorbs scheduling delays of both timers on a busy machine.
    long windowNanos = TimeUnit.MILLISECONDS.toNanos(PERSIST_INTERVAL + FLUSH_INTERVAL + 500);
    long ackedInWindow = ackTimes.stream().filter(t -> killedAt - t <= windowNanos).count();
    // The first consumer dies with the broker: its last offset report cannot reach anybody.
    first.shutdown();
    first = null;
    int consumedByFirst = deliveries.values().stream().mapToInt(AtomicInteger::get).sum();

    broker = ChildBroker.start(brokerConf(namesrv, port), Duration.ofSeconds(60));
    assertThat(broker.port()).isEqualTo(port);
    second = consumer(namesrv, "k9-second-" + run, deliveries, ackTimes);
    second.subscribe(TOPIC, "*");
    second.start();

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> deliveries.keySet().containsAll(acknowledged));
    // Every message the broker acknowledged before the kill was delivered after it.
    assertThat(deliveries.keySet()).containsAll(acknowledged);
    int total = deliveries.values().stream().mapToInt(AtomicInteger::get).sum();
    long redelivered =
        deliveries.values().stream().mapToInt(AtomicInteger::get).filter(n -> n > 1).count();
    System.out.printf(
        "kill -9: acknowledged sends=%d, delivered before kill=%d (total %d), acked in the last"
            + " %d ms=%d, redelivered after restart=%d, deliveries in all=%d%n",
        acknowledged.size(),
        deliveredAtKill,
        consumedByFirst,
        TimeUnit.NANOSECONDS.toMillis(windowNanos),
        ackedInWindow,
        redelivered,
        total);
    assertThat(redelivered).isLessThanOrEqualTo(ackedInWindow);
    assertThat(deliveries.values()).allSatisfy(n -> assertThat(n.get()).isLessThanOrEqualTo(2));
  }
}
