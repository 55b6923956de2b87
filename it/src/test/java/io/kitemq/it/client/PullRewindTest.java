package io.kitemq.it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kitemq.broker.BrokerController;
import io.kitemq.client.consumer.ConsumeStatus;
import io.kitemq.client.consumer.PushConsumer;
import io.kitemq.client.producer.Producer;
import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.StoredMessageLayout;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * KiteMQ's push consumer sends the next pull of a queue before it decodes the batch just received.
 * A batch it cannot decode must then be pulled again, not skipped for the one pulled meanwhile:
 * here the first record of the commit log gets a bad magic code on disk (the broker serves it as
 * stored), and nothing of its queue may be delivered until the record is mended, then all of it.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PullRewindTest {

  private static final int PER_QUEUE = 40;
  private static final int BAD_MAGIC = 0x0BADC0DE;

  @TempDir Path dir;
  private KiteTestCluster cluster;

  @BeforeEach
  void start() {
    cluster = new KiteTestCluster(dir);
  }

  @AfterEach
  void stop() {
    cluster.stop();
  }

  @Test
  void anUndecodableBatchIsPulledAgainNotSkipped() throws Exception {
    String topic = Clients.unique("Rewind");
    AtomicInteger queueCount = new AtomicInteger();
    try (Producer producer = Clients.producer(cluster, Clients.unique("pg"))) {
      // The first message lands at commit-log offset 0 in queue 0.
      producer.send(
          message(topic, 0),
          (mqs, m, arg) -> {
            queueCount.set(mqs.size());
            return mqs.get(0);
          },
          null);
      int queues = queueCount.get();
      for (int i = 1; i < queues * PER_QUEUE; i++) {
        int queue = i % queues;
        producer.send(message(topic, i), (mqs, m, arg) -> mqs.get(queue), null);
      }
    }
    int total = queueCount.get() * PER_QUEUE;
    Path segment = dir.resolve("store/commitlog/00000000000000000000");
    ByteBuffer head = read(segment, 0, StoredMessageLayout.QUEUE_ID_POSITION + 4);
    assertThat(head.getInt(StoredMessageLayout.QUEUE_ID_POSITION)).isZero();
    int magic = head.getInt(StoredMessageLayout.MAGIC_CODE_POSITION);
    write(segment, StoredMessageLayout.MAGIC_CODE_POSITION, BAD_MAGIC);

    BrokerController broker = cluster.broker();
    long pulledBefore = broker.stats().getTotal();
    Set<String> got = ConcurrentHashMap.newKeySet();
    Set<Integer> queuesSeen = ConcurrentHashMap.newKeySet();
    try (PushConsumer consumer =
        Clients.consumer(cluster, Clients.unique("cg"))
            .subscribe(topic, "*")
            .listener(
                (msgs, q) -> {
                  for (MessageExt m : msgs) {
                    got.add(new String(m.getBody(), StandardCharsets.UTF_8));
                    queuesSeen.add(m.getQueueId());
                  }
                  return ConsumeStatus.CONSUME_SUCCESS;
                })
            .build()) {
      // Every other queue drained, and queue 0 served its bad batch, the batch after it (the pull
      // sent before decoding) and the bad batch once more (the pull again from the bad batch).
      long badBatch = 32;
      long afterIt = PER_QUEUE - badBatch;
      await("the other queues drained and queue 0's bad batch pulled again")
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  got.size() >= total - PER_QUEUE
                      && broker.stats().getTotal() - pulledBefore
                          >= total - PER_QUEUE + badBatch + afterIt + badBatch);
      assertThat(queuesSeen).doesNotContain(0);

      write(segment, StoredMessageLayout.MAGIC_CODE_POSITION, magic);
      await().atMost(Duration.ofSeconds(30)).until(() -> got.size() == total);
    }
    assertThat(queuesSeen).contains(0);
  }

  private static Message message(String topic, int i) {
    return new Message(topic, ("m" + i).getBytes(StandardCharsets.UTF_8));
  }

  private static ByteBuffer read(Path file, long position, int length) throws Exception {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer b = ByteBuffer.allocate(length);
      while (b.hasRemaining() && ch.read(b, position + b.position()) >= 0) {}
      return b.flip();
    }
  }

  private static void write(Path file, long position, int value) throws Exception {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(4).putInt(0, value);
      while (b.hasRemaining()) {
        ch.write(b, position + b.position());
      }
    }
  }
}
