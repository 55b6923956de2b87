package io.kitemq.broker.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitemq.remoting.protocol.body.SubscriptionData;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ConsumerManagerTest {

  private final AtomicLong clock = new AtomicLong(0);
  private final List<String> changes = new ArrayList<>();
  private final ConsumerManager consumers =
      new ConsumerManager(
          clock::get, 120_000, (group, remaining) -> changes.add(group + ":" + remaining.size()));
  private final EmbeddedChannel c1 = new EmbeddedChannel();
  private final EmbeddedChannel c2 = new EmbeddedChannel();

  @AfterEach
  void close() {
    c1.close();
    c2.close();
  }

  private static SubscriptionData sub(String topic, String expr, long version) {
    return new SubscriptionData(topic, expr, List.of(), List.of(), version, "TAG", false);
  }

  private void heartbeat(EmbeddedChannel ch, String id, long subVersion) {
    consumers.register(
        "G",
        ch,
        id,
        "JAVA",
        479,
        "CONSUME_PASSIVELY",
        "CLUSTERING",
        "CONSUME_FROM_LAST_OFFSET",
        List.of(sub("T", "TagA", subVersion)));
  }

  @Test
  void membershipChangesAreReportedButRefreshesAreNot() {
    heartbeat(c1, "cid-1", 1);
    heartbeat(c2, "cid-2", 1);
    heartbeat(c1, "cid-1", 1);
    assertThat(changes).containsExactly("G:1", "G:2");
    assertThat(consumers.clientIds("G")).containsExactlyInAnyOrder("cid-1", "cid-2");
    assertThat(consumers.subscription("G", "T").subString()).isEqualTo("TagA");
  }

  @Test
  void silentClientsExpireOnTheClock() {
    heartbeat(c1, "cid-1", 1);
    clock.set(100_000);
    heartbeat(c2, "cid-2", 1);
    clock.set(120_001);
    assertThat(consumers.scanExpired()).containsExactly(c1);
    assertThat(consumers.clientIds("G")).containsExactly("cid-2");
    assertThat(changes).endsWith("G:1");
    clock.set(220_001);
    assertThat(consumers.scanExpired()).containsExactly(c2);
    assertThat(consumers.group("G")).isNull();
  }

  @Test
  void closingAConnectionRemovesItsMember() {
    heartbeat(c1, "cid-1", 1);
    heartbeat(c2, "cid-2", 1);
    consumers.channelClosed(c2);
    assertThat(consumers.clientIds("G")).containsExactly("cid-1");
    assertThat(changes).containsExactly("G:1", "G:2", "G:1");
  }

  @Test
  void aNewerSubscriptionReplacesTheOlderOne() {
    heartbeat(c1, "cid-1", 5);
    consumers.register(
        "G",
        c1,
        "cid-1",
        "JAVA",
        479,
        "CONSUME_PASSIVELY",
        "CLUSTERING",
        "x",
        List.of(sub("T", "TagB", 4)));
    assertThat(consumers.subscription("G", "T").subString()).isEqualTo("TagA");
    consumers.register(
        "G",
        c1,
        "cid-1",
        "JAVA",
        479,
        "CONSUME_PASSIVELY",
        "CLUSTERING",
        "x",
        List.of(sub("T", "TagB", 6)));
    assertThat(consumers.subscription("G", "T").subString()).isEqualTo("TagB");
  }
}
