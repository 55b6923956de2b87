package io.kitemq.it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kitemq.client.consumer.PullConsumer;
import io.kitemq.client.consumer.PullResult;
import io.kitemq.client.consumer.PullStatus;
import io.kitemq.client.producer.Producer;
import io.kitemq.client.producer.SendResult;
import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.MessageQueue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The pull consumer against both brokers. */
@ExtendWith(SharedClusters.class)
@Timeout(90)
class PullConsumerTest {

  static Stream<TestCluster> clusters() {
    return SharedClusters.all().stream();
  }

  private static PullConsumer pullConsumer(TestCluster cluster, String group) {
    return PullConsumer.builder().clientOptions(Clients.options(cluster)).group(group).build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void pullsWhatWasSentFilteredByTagAndStoresOffsets(TestCluster cluster) throws Exception {
    String topic = Clients.unique("Pull");
    String group = Clients.unique("pull");
    MessageQueue queue;
    try (Producer producer = Clients.producer(cluster, Clients.unique("pg"))) {
      queue = producer.send(new Message(topic, "A", "k0", bytes("m0"))).queue();
      for (int i = 1; i < 10; i++) {
        producer.send(
            new Message(topic, i % 2 == 0 ? "A" : "B", "k" + i, bytes("m" + i)),
            (qs, m, a) -> qs.get(queue.queueId() % qs.size()),
            null);
      }
    }
    try (PullConsumer consumer = pullConsumer(cluster, group)) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> consumer.fetchSubscribeMessageQueues(topic).contains(queue));
      assertThat(consumer.fetchConsumeOffset(queue)).isLessThanOrEqualTo(0);
      List<String> got = new ArrayList<>();
      long offset = 0;
      PullResult r;
      do {
        r = consumer.pull(queue, "A", offset, 4);
        r.messages().forEach(m -> got.add(text(m)));
        offset = r.nextBeginOffset();
      } while (r.status() == PullStatus.FOUND || r.status() == PullStatus.NO_MATCHED_MSG);
      assertThat(r.status()).isEqualTo(PullStatus.NO_NEW_MSG);
      assertThat(got).containsExactly("m0", "m2", "m4", "m6", "m8");
      assertThat(r.maxOffset()).isEqualTo(10);
      consumer.updateConsumeOffset(queue, 7);
      await().atMost(Duration.ofSeconds(10)).until(() -> consumer.fetchConsumeOffset(queue) == 7);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void blockingPullReturnsAsSoonAsAMessageArrives(TestCluster cluster) throws Exception {
    String topic = Clients.unique("Block");
    try (Producer producer = Clients.producer(cluster, Clients.unique("pg"));
        PullConsumer consumer = pullConsumer(cluster, Clients.unique("pull"))) {
      SendResult first = producer.send(new Message(topic, bytes("first")));
      MessageQueue q = first.queue();
      long next = first.queueOffset() + 1;
      CompletableFuture<PullResult> waiting =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return consumer.pullBlockIfNotFound(q, "*", next, 8);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      long sentAt = System.nanoTime();
      producer.send(new Message(topic, bytes("second")), (qs, m, a) -> q, null);
      PullResult r = waiting.get();
      assertThat(Duration.ofNanos(System.nanoTime() - sentAt)).isLessThan(Duration.ofSeconds(10));
      assertThat(r.status()).isEqualTo(PullStatus.FOUND);
      assertThat(r.messages()).extracting(PullConsumerTest::text).containsExactly("second");
      assertThat(Set.of(r.messages().get(0).getQueueOffset())).containsExactly(next);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(MessageExt m) {
    return new String(m.getBody(), StandardCharsets.UTF_8);
  }
}
