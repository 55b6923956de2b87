package io.kitemq.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitemq.common.message.MessageConst;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.StoredMessageDecoder;
import io.kitemq.common.util.Crc;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a SYNC_FLUSH store with SIGKILL at random moments, over and over, and checks that every
 * acknowledged message survives byte for byte, that consume queues agree with the commit log, that
 * keys stay findable and that appending goes on. The store is reopened by the child itself
 * (abnormal start in the child) on odd cycles and by this JVM (abnormal start here, verified, then
 * a clean stop) on even ones.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class CrashRecoveryTest {

  private static final int MAX_CYCLES = 30;
  private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(75);

  @TempDir Path root;

  private record Ack(int queueId, long queueOffset, long phy, int crc, String key) {}

  @Test
  void everyAcknowledgedMessageSurvivesRepeatedKills() throws Exception {
    List<Ack> acked = new CopyOnWriteArrayList<>();
    Random rnd = new Random(7);
    long start = System.nanoTime();
    int cycles = 0;
    while (cycles < MAX_CYCLES && System.nanoTime() - start < BUDGET_NANOS) {
      runAndKill(cycles, acked, 20 + rnd.nextInt(300));
      cycles++;
      if (cycles % 2 == 0) {
        verify(acked, rnd);
      }
    }
    verify(acked, rnd);
    assertThat(cycles).isGreaterThanOrEqualTo(4);
    assertThat(acked.size()).isGreaterThan(cycles * 20);
  }

  private void runAndKill(int cycle, List<Ack> acked, int moreAcks) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-Xmx128m",
            "-XX:+UseSerialGC",
            "-cp",
            System.getProperty("java.class.path"),
            CrashChild.class.getName(),
            root.toString(),
            Integer.toString(cycle));
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process child = pb.start();
    List<String> ready = new CopyOnWriteArrayList<>();
    int before = acked.size();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  if (line.equals("READY")) {
                    ready.add(line);
                  } else if (line.startsWith("ACK ")) {
                    String[] p = line.split(" ");
                    acked.add(
                        new Ack(
                            Integer.parseInt(p[1]),
                            Long.parseLong(p[2]),
                            Long.parseLong(p[3]),
                            Integer.parseInt(p[4]),
                            p[5]));
                  }
                }
              } catch (IOException e) {
                // the pipe breaks when the child dies
              }
            },
            "crash-child-reader");
    reader.start();
    try {
      Awaitility.await()
          .atMost(30, TimeUnit.SECONDS)
          .until(() -> acked.size() >= before + moreAcks || !child.isAlive());
      assertThat(child.isAlive()).as("child died on its own").isTrue();
    } finally {
      child.destroyForcibly();
      child.waitFor(20, TimeUnit.SECONDS);
      reader.join(TimeUnit.SECONDS.toMillis(20));
    }
    assertThat(ready).hasSize(1);
  }

  private void verify(List<Ack> acked, Random rnd) {
    DefaultMessageStore store = new DefaultMessageStore(CrashChild.config(root));
    store.start();
    try {
      for (Ack a : acked) {
        try (MessageSlice m = store.lookMessageByOffset(a.phy())) {
          assertThat(m).as("acknowledged %s", a).isNotNull();
          MessageExt e = StoredMessageDecoder.decode(m.buffer(), 0);
          assertThat(e.getQueueId()).isEqualTo(a.queueId());
          assertThat(e.getQueueOffset()).isEqualTo(a.queueOffset());
          assertThat(Crc.crc32(e.getBody())).isEqualTo(a.crc());
          assertThat(e.getProperties()).containsEntry(MessageConst.PROPERTY_KEYS, a.key());
        }
      }
      for (int q = 0; q < CrashChild.QUEUES; q++) {
        checkQueueAgreesWithLog(store, q, acked);
      }
      for (int i = 0; i < 20 && !acked.isEmpty(); i++) {
        Ack a = acked.get(i < 10 ? acked.size() - 1 - i : rnd.nextInt(acked.size()));
        try (QueryMessageResult r =
            store.queryMessage(CrashChild.TOPIC, a.key(), 4, 0, Long.MAX_VALUE)) {
          assertThat(r.messages()).as("index lookup of %s", a.key()).hasSize(1);
          assertThat(r.messages().get(0).commitLogOffset()).isEqualTo(a.phy());
        }
      }
      long max = store.getMaxOffset(CrashChild.TOPIC, 0);
      AppendResult next =
          store.append(StoreFixture.message(CrashChild.TOPIC, 0, "after-recovery")).join();
      assertThat(next.status()).isEqualTo(AppendStatus.PUT_OK);
      assertThat(next.queueOffset()).isEqualTo(max);
    } finally {
      store.shutdown();
    }
  }

  private static void checkQueueAgreesWithLog(MessageStore store, int q, List<Ack> acked) {
    long maxAcked = -1;
    for (Ack a : acked) {
      if (a.queueId() == q) {
        maxAcked = Math.max(maxAcked, a.queueOffset());
      }
    }
    long max = store.getMaxOffset(CrashChild.TOPIC, q);
    assertThat(max).isGreaterThan(maxAcked);
    long next = store.getMinOffset(CrashChild.TOPIC, q);
    List<Long> seen = new ArrayList<>();
    while (next < max) {
      try (GetMessageResult r =
          store.getMessages(null, CrashChild.TOPIC, q, next, 32, 1 << 20, MessageFilter.ALL)) {
        assertThat(r.status()).isEqualTo(GetMessageStatus.FOUND);
        for (MessageSlice m : r.messages()) {
          MessageExt e = StoredMessageDecoder.decode(m.buffer(), 0);
          assertThat(e.getQueueId()).isEqualTo(q);
          assertThat(e.getQueueOffset()).isEqualTo(m.queueOffset()).isEqualTo(next + seen.size());
          assertThat(e.getCommitLogOffset()).isEqualTo(m.commitLogOffset());
          seen.add(e.getQueueOffset());
        }
        next += r.messageCount();
        seen.clear();
      }
    }
  }
}
