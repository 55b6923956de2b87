package io.kitemq.it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kitemq.client.consumer.ConsumeStatus;
import io.kitemq.client.consumer.PushConsumer;
import io.kitemq.client.producer.LocalTransactionState;
import io.kitemq.client.producer.Producer;
import io.kitemq.client.producer.SendResult;
import io.kitemq.client.producer.TransactionListener;
import io.kitemq.client.producer.TransactionProducer;
import io.kitemq.client.producer.TransactionSendResult;
import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.topic.SystemTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.rocketmq.client.trace.TraceBean;
import org.apache.rocketmq.client.trace.TraceContext;
import org.apache.rocketmq.client.trace.TraceDataEncoder;
import org.apache.rocketmq.client.trace.TraceType;
import org.apache.rocketmq.common.message.MessageType;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tracing on a producer and a push consumer writes Pub, SubBefore and SubAfter records to the trace
 * topic that the official client's decoder reads, against our broker and the official one; a batch
 * gets one Pub record per message, and a transactional producer EndTransaction records of its
 * outcomes.
 */
@ExtendWith(SharedClusters.class)
@Timeout(120)
class TraceTest {

  static Stream<TestCluster> clusters() {
    return SharedClusters.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void sendAndConsumeLeavePubAndSubRecordsTheOfficialDecoderReads(TestCluster cluster)
      throws Exception {
    String topic = Clients.unique("Traced");
    String producerGroup = Clients.unique("tracepg");
    String consumerGroup = Clients.unique("tracecg");
    String key = Clients.unique("order");
    Map<String, MessageExt> consumed = new ConcurrentHashMap<>();
    SendResult sent;
    try (Producer producer =
        Producer.builder()
            .clientOptions(Clients.options(cluster))
            .group(producerGroup)
            .sendTimeout(Duration.ofSeconds(10))
            .enableTrace()
            .build()) {
      sent =
          producer.send(new Message(topic, "TagT", key, "hello".getBytes(StandardCharsets.UTF_8)));
      try (PushConsumer consumer =
          Clients.consumer(cluster, consumerGroup)
              .subscribe(topic, "*")
              .enableTrace()
              .listener(
                  (msgs, q) -> {
                    msgs.forEach(m -> consumed.put(m.getMsgId(), m));
                    return ConsumeStatus.CONSUME_SUCCESS;
                  })
              .build()) {
        await().atMost(Duration.ofSeconds(60)).until(() -> consumed.containsKey(sent.msgId()));
      }
      assertThat(producer.droppedTraceRecords()).isZero();
    }

    List<Traced> traced =
        readTraces(
            cluster,
            Set.of(sent.msgId()),
            found ->
                Stream.of(TraceType.Pub, TraceType.SubBefore, TraceType.SubAfter)
                    .allMatch(t -> found.stream().anyMatch(c -> c.record().getTraceType() == t)));
    List<TraceContext> records = traced.stream().map(Traced::record).toList();
    List<String> traceKeys = traced.stream().map(Traced::keys).toList();
    TraceContext pub = only(records, TraceType.Pub);
    assertThat(pub.getGroupName()).isEqualTo(producerGroup);
    assertThat(pub.getRegionId()).isEqualTo("DefaultRegion");
    assertThat(pub.isSuccess()).isTrue();
    assertThat(pub.getTraceBeans().get(0).getTopic()).isEqualTo(topic);
    assertThat(pub.getTraceBeans().get(0).getTags()).isEqualTo("TagT");
    assertThat(pub.getTraceBeans().get(0).getKeys()).isEqualTo(key);
    assertThat(pub.getTraceBeans().get(0).getBodyLength()).isEqualTo(5);
    assertThat(pub.getTraceBeans().get(0).getOffsetMsgId()).isEqualTo(sent.offsetMsgId());

    TraceContext before = only(records, TraceType.SubBefore);
    assertThat(before.getGroupName()).isEqualTo(consumerGroup);
    assertThat(before.getTraceBeans().get(0).getKeys()).isEqualTo(key);
    assertThat(before.getTraceBeans().get(0).getRetryTimes()).isZero();

    TraceContext after = only(records, TraceType.SubAfter);
    assertThat(after.getRequestId()).isEqualTo(before.getRequestId());
    assertThat(after.isSuccess()).isTrue();
    assertThat(after.getContextCode()).isZero();
    assertThat(after.getGroupName()).isEqualTo(consumerGroup);
    assertThat(traceKeys).allSatisfy(k -> assertThat(k.split(" ")).contains(sent.msgId(), key));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void aBatchLeavesOnePubRecordPerMessage(TestCluster cluster) throws Exception {
    String topic = Clients.unique("TracedBatch");
    String group = Clients.unique("tracebatchpg");
    List<Message> batch = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      batch.add(
          new Message(
              topic,
              "TagB",
              Clients.unique("item"),
              ("batch-" + i).getBytes(StandardCharsets.UTF_8)));
    }
    SendResult sent;
    try (Producer producer =
        Producer.builder()
            .clientOptions(Clients.options(cluster))
            .group(group)
            .sendTimeout(Duration.ofSeconds(10))
            .enableTrace()
            .build()) {
      sent = producer.sendBatch(batch);
    }
    List<String> ids = batch.stream().map(Message::getUniqueId).toList();
    assertThat(sent.msgId().split(",")).containsExactlyElementsOf(ids);
    String[] offsetIds = sent.offsetMsgId().split(",");
    assertThat(offsetIds).hasSize(3);

    List<Traced> traced = readTraces(cluster, Set.copyOf(ids), found -> found.size() >= ids.size());
    List<TraceContext> pubs = traced.stream().map(Traced::record).toList();
    assertThat(pubs).extracting(TraceContext::getTraceType).containsOnly(TraceType.Pub);
    assertThat(pubs)
        .extracting(c -> c.getTraceBeans().get(0).getMsgId())
        .containsExactlyInAnyOrderElementsOf(ids);
    assertThat(pubs).extracting(TraceContext::getCostTime).containsOnly(pubs.get(0).getCostTime());
    for (int i = 0; i < batch.size(); i++) {
      String id = ids.get(i);
      TraceContext pub =
          pubs.stream()
              .filter(c -> c.getTraceBeans().get(0).getMsgId().equals(id))
              .findFirst()
              .get();
      TraceBean bean = pub.getTraceBeans().get(0);
      assertThat(pub.getGroupName()).isEqualTo(group);
      assertThat(pub.isSuccess()).isTrue();
      assertThat(bean.getTopic()).isEqualTo(topic);
      assertThat(bean.getKeys()).isEqualTo(batch.get(i).getKeys());
      assertThat(bean.getBodyLength()).isEqualTo(7);
      assertThat(bean.getMsgType()).isEqualTo(MessageType.Normal_Msg);
      assertThat(bean.getOffsetMsgId()).isEqualTo(offsetIds[i]);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void transactionOutcomesLeaveEndTransactionRecords(TestCluster cluster) throws Exception {
    String topic = Clients.unique("TracedTx");
    String group = Clients.unique("tracetxpg");
    TransactionListener listener =
        new TransactionListener() {
          @Override
          public LocalTransactionState executeLocalTransaction(Message m, Object arg) {
            return m.getKeys().startsWith("now-")
                ? LocalTransactionState.COMMIT_MESSAGE
                : LocalTransactionState.UNKNOW;
          }

          @Override
          public LocalTransactionState checkLocalTransaction(MessageExt m) {
            return LocalTransactionState.ROLLBACK_MESSAGE;
          }
        };
    String nowKey = Clients.unique("now-");
    String laterKey = Clients.unique("later-");
    TransactionSendResult now;
    TransactionSendResult later;
    List<Traced> traced;
    try (TransactionProducer producer =
        TransactionProducer.builder()
            .clientOptions(Clients.options(cluster))
            .group(group)
            .sendTimeout(Duration.ofSeconds(10))
            .listener(listener)
            .enableTrace()
            .build()) {
      now = producer.sendInTransaction(new Message(topic, "TagX", nowKey, bytes("n")), null);
      later = producer.sendInTransaction(new Message(topic, "TagX", laterKey, bytes("l")), null);
      // Read while the producer still answers the broker's check of the undecided one.
      traced =
          readTraces(
              cluster,
              Set.of(now.sendResult().msgId(), later.sendResult().msgId()),
              found ->
                  found.stream()
                      .map(Traced::record)
                      .anyMatch(c -> c.getTraceBeans().get(0).isFromTransactionCheck()));
      assertThat(producer.droppedTraceRecords()).isZero();
    }
    List<TraceContext> records = traced.stream().map(Traced::record).toList();

    TraceContext half =
        records.stream()
            .filter(c -> c.getTraceType() == TraceType.Pub)
            .filter(c -> c.getTraceBeans().get(0).getMsgId().equals(now.sendResult().msgId()))
            .findFirst()
            .orElseThrow();
    assertThat(half.getTraceBeans().get(0).getMsgType()).isEqualTo(MessageType.Trans_Msg_Half);

    TraceContext committed = end(records, now.sendResult().msgId(), false);
    TraceBean c = committed.getTraceBeans().get(0);
    assertThat(committed.getGroupName()).isEqualTo(group);
    assertThat(committed.getTimeStamp()).isPositive();
    assertThat(c.getTopic()).isEqualTo(topic);
    assertThat(c.getTags()).isEqualTo("TagX");
    assertThat(c.getKeys()).isEqualTo(nowKey);
    assertThat(c.getStoreHost()).contains(":");
    assertThat(c.getMsgType()).isEqualTo(MessageType.Trans_msg_Commit);
    assertThat(c.getTransactionId()).isEqualTo(now.transactionId());
    assertThat(c.getTransactionState())
        .isEqualTo(org.apache.rocketmq.client.producer.LocalTransactionState.COMMIT_MESSAGE);

    TraceBean unknown = end(records, later.sendResult().msgId(), false).getTraceBeans().get(0);
    assertThat(unknown.getTransactionState())
        .isEqualTo(org.apache.rocketmq.client.producer.LocalTransactionState.UNKNOW);
    TraceContext checked = end(records, later.sendResult().msgId(), true);
    TraceBean k = checked.getTraceBeans().get(0);
    assertThat(k.getTransactionState())
        .isEqualTo(org.apache.rocketmq.client.producer.LocalTransactionState.ROLLBACK_MESSAGE);
    assertThat(k.getTransactionId()).isEqualTo(later.transactionId());
    assertThat(k.getTopic()).isEqualTo(topic);
    assertThat(k.getKeys()).isEqualTo(laterKey);
    // The checked message carries the region its broker stored (both brokers' default); the
    // caller's message carries none, recorded as the official client's default.
    assertThat(checked.getRegionId()).isEqualTo("DefaultRegion");
    assertThat(committed.getRegionId()).isEqualTo("DefaultRegion");
  }

  private static TraceContext end(List<TraceContext> records, String msgId, boolean fromCheck) {
    return records.stream()
        .filter(r -> r.getTraceType() == TraceType.EndTransaction)
        .filter(r -> r.getTraceBeans().get(0).getMsgId().equals(msgId))
        .filter(r -> r.getTraceBeans().get(0).isFromTransactionCheck() == fromCheck)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no EndTransaction of " + msgId + " " + fromCheck));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A decoded trace record and the keys of the trace message that held it. */
  private record Traced(TraceContext record, String keys) {}

  /**
   * Reads the trace topic from its start with a fresh group, decoding each message with the
   * official decoder, until the records about {@code msgIds} satisfy {@code done} (60 s at most).
   */
  private static List<Traced> readTraces(
      TestCluster cluster, Set<String> msgIds, Predicate<List<Traced>> done) throws Exception {
    List<Traced> found = new CopyOnWriteArrayList<>();
    try (PushConsumer reader =
        Clients.consumer(cluster, Clients.unique("tracereader"))
            .subscribe(SystemTopics.TRACE_TOPIC, "*")
            .listener(
                (msgs, q) -> {
                  for (MessageExt m : msgs) {
                    for (TraceContext c :
                        TraceDataEncoder.decoderFromTraceDataString(
                            new String(m.getBody(), StandardCharsets.UTF_8))) {
                      if (msgIds.contains(c.getTraceBeans().get(0).getMsgId())) {
                        found.add(new Traced(c, m.getKeys()));
                      }
                    }
                  }
                  return ConsumeStatus.CONSUME_SUCCESS;
                })
            .build()) {
      await().atMost(Duration.ofSeconds(60)).until(() -> done.test(found));
    }
    return List.copyOf(found);
  }

  private static TraceContext only(List<TraceContext> records, TraceType type) {
    List<TraceContext> of = records.stream().filter(c -> c.getTraceType() == type).toList();
    assertThat(of).as(type.name()).hasSize(1);
    return of.get(0);
  }
}
