package io.kitemq.it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kitemq.client.ClientException;
import io.kitemq.client.consumer.ConsumeStatus;
import io.kitemq.client.consumer.MessageModel;
import io.kitemq.client.consumer.PushConsumer;
import io.kitemq.client.producer.Producer;
import io.kitemq.client.producer.SendResult;
import io.kitemq.client.producer.SendStatus;
import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageExt;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Sends of every kind and push consumption, against our broker and the official one. */
@ExtendWith(SharedClusters.class)
@Timeout(120)
class ProducerConsumerTest {

  static Stream<TestCluster> clusters() {
    return SharedClusters.all().stream();
  }

  private static Message message(String topic, int i, int size) {
    byte[] body = new byte[size];
    new Random(i).nextBytes(body);
    Message m = new Message(topic, "Tag" + (i % 3), "key-" + i, body);
    m.putUserProperty("seq", Integer.toString(i));
    m.putUserProperty("ünïcode", "välue " + i);
    return m;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void everyKindOfSendIsConsumedExactlyOnceWithBodyAndPropertiesIntact(TestCluster cluster)
      throws Exception {
    String topic = Clients.unique("SendAll");
    Map<String, Message> sent = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    Map<String, MessageExt> received = new ConcurrentHashMap<>();
    try (Producer producer = Clients.producer(cluster, Clients.unique("pg"))) {
      assertThatThrownBy(() -> producer.send(new Message(topic, new byte[0])))
          .isInstanceOf(ClientException.class)
          .hasMessageContaining("empty");
      int[] sizes = {1, 100, 4095, 4096, 64 * 1024, 1024 * 1024};
      int i = 0;
      for (int size : sizes) {
        Message m = message(topic, i++, size);
        SendResult r = producer.send(m);
        assertThat(r.status()).isEqualTo(SendStatus.SEND_OK);
        assertThat(r.msgId()).isEqualTo(m.getUniqueId());
        assertThat(r.offsetMsgId()).isNotBlank();
        assertThat(r.queue().topic()).isEqualTo(topic);
        sent.put(m.getUniqueId(), m);
      }
      List<CompletableFuture<SendResult>> futures = new ArrayList<>();
      for (int k = 0; k < 20; k++) {
        Message m = message(topic, i++, 200);
        futures.add(producer.sendAsync(m));
        sent.put(m.getUniqueId(), m);
      }
      for (CompletableFuture<SendResult> f : futures) {
        assertThat(f.get().status()).isEqualTo(SendStatus.SEND_OK);
      }
      for (int k = 0; k < 10; k++) {
        Message m = message(topic, i++, 50);
        producer.sendOneway(m);
        sent.put(m.getUniqueId(), m);
      }
      List<Message> batch = new ArrayList<>();
      for (int k = 0; k < 10; k++) {
        batch.add(message(topic, i++, 300));
      }
      SendResult br = producer.sendBatch(batch);
      assertThat(br.status()).isEqualTo(SendStatus.SEND_OK);
      batch.forEach(m -> sent.put(m.getUniqueId(), m));
      assertThat(br.msgId().split(",")).hasSize(10);
    }
    try (PushConsumer consumer =
        Clients.consumer(cluster, Clients.unique("cg"))
            .subscribe(topic, "*")
            .listener(
                (msgs, q) -> {
                  for (MessageExt m : msgs) {
                    String id = m.getProperty("UNIQ_KEY");
                    seen.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                    received.put(id, m);
                  }
                  return ConsumeStatus.CONSUME_SUCCESS;
                })
            .build()) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> received.keySet().containsAll(sent.keySet()));
    }
    assertThat(received.keySet()).isEqualTo(sent.keySet());
    assertThat(seen.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    for (Map.Entry<String, Message> e : sent.entrySet()) {
      MessageExt got = received.get(e.getKey());
      Message want = e.getValue();
      assertThat(got.getTopic()).isEqualTo(topic);
      assertThat(got.getBody()).isEqualTo(want.getBody());
      assertThat(got.getTags()).isEqualTo(want.getTags());
      assertThat(got.getKeys()).isEqualTo(want.getKeys());
      assertThat(got.getUserProperty("seq")).isEqualTo(want.getUserProperty("seq"));
      assertThat(got.getUserProperty("ünïcode")).isEqualTo(want.getUserProperty("ünïcode"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void tagExpressionDeliversOnlyMatchingTags(TestCluster cluster) throws Exception {
    String topic = Clients.unique("Tags");
    Set<String> wanted = ConcurrentHashMap.newKeySet();
    try (Producer producer = Clients.producer(cluster, Clients.unique("pg"))) {
      for (int i = 0; i < 30; i++) {
        Message m = message(topic, i, 10);
        producer.send(m);
        if (!m.getTags().equals("Tag1")) {
          wanted.add(m.getUniqueId());
        }
      }
    }
    ConcurrentLinkedQueue<MessageExt> got = new ConcurrentLinkedQueue<>();
    try (PushConsumer consumer =
        Clients.consumer(cluster, Clients.unique("cg"))
            .subscribe(topic, "Tag0 || Tag2")
            .listener(
                (msgs, q) -> {
                  got.addAll(msgs);
                  return ConsumeStatus.CONSUME_SUCCESS;
                })
            .build()) {
      await().atMost(Duration.ofSeconds(60)).until(() -> got.size() >= wanted.size());
    }
    assertThat(got).extracting(MessageExt::getTags).containsOnly("Tag0", "Tag2");
    assertThat(got)
        .extracting(m -> m.getProperty("UNIQ_KEY"))
        .containsExactlyInAnyOrderElementsOf(wanted);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void broadcastingMembersEachReceiveEveryMessage(TestCluster cluster, @TempDir Path offsets)
      throws Exception {
    String topic = Clients.unique("Broadcast");
    String group = Clients.unique("cg");
    Set<String> sent = ConcurrentHashMap.newKeySet();
    try (Producer producer = Clients.producer(cluster, Clients.unique("pg"))) {
      for (int i = 0; i < 20; i++) {
        Message m = message(topic, i, 10);
        producer.send(m);
        sent.add(m.getUniqueId());
      }
    }
    Set<String> a = ConcurrentHashMap.newKeySet();
    Set<String> b = ConcurrentHashMap.newKeySet();
    try (PushConsumer ca = broadcaster(cluster, group, topic, offsets, a);
        PushConsumer cb = broadcaster(cluster, group, topic, offsets, b)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> a.containsAll(sent) && b.containsAll(sent));
    }
    assertThat(a).isEqualTo(sent);
    assertThat(b).isEqualTo(sent);
  }

  private static PushConsumer broadcaster(
      TestCluster cluster, String group, String topic, Path offsets, Set<String> into)
      throws Exception {
    return Clients.consumer(cluster, group)
        .messageModel(MessageModel.BROADCASTING)
        .offsetDir(offsets)
        .subscribe(topic, "*")
        .listener(
            (msgs, q) -> {
              msgs.forEach(m -> into.add(m.getProperty("UNIQ_KEY")));
              return ConsumeStatus.CONSUME_SUCCESS;
            })
        .build();
  }
}
