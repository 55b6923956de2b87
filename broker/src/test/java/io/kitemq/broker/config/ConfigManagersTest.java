package io.kitemq.broker.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitemq.broker.BrokerConfig;
import io.kitemq.common.topic.TopicConfig;
import io.kitemq.common.topic.TopicPermission;
import io.kitemq.remoting.protocol.body.SubscriptionGroupConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConfigManagersTest {

  @TempDir Path dir;
  private final AtomicLong clock = new AtomicLong(1_000);

  private BrokerConfig config(boolean autoCreate) {
    Properties p = new Properties();
    p.setProperty("storePathRootDir", dir.resolve("store").toString());
    p.setProperty("brokerClusterName", "C1");
    p.setProperty("brokerName", "b1");
    p.setProperty("autoCreateTopicEnable", Boolean.toString(autoCreate));
    return BrokerConfig.fromProperties(p);
  }

  @Test
  void topicsSurviveARestartWithTheirDataVersion() {
    TopicConfigManager first = new TopicConfigManager(config(true), dir, clock::get);
    first.load();
    first.update(TopicConfig.of("Orders", 3, 5, TopicPermission.READ));
    long version = first.dataVersion().counter();

    TopicConfigManager second = new TopicConfigManager(config(true), dir, clock::get);
    second.load();
    assertThat(second.get("Orders"))
        .isEqualTo(TopicConfig.of("Orders", 3, 5, TopicPermission.READ));
    assertThat(second.dataVersion().counter()).isEqualTo(version);
    assertThat(second.get("TBW102").perm()).isEqualTo(7);
    assertThat(second.get("TBW102").writeQueueNums()).isEqualTo(8);
    assertThat(second.get("SCHEDULE_TOPIC_XXXX").readQueueNums()).isEqualTo(18);
    assertThat(second.contains("C1")).isTrue();
    assertThat(second.contains("b1")).isTrue();
    assertThat(second.contains("RMQ_SYS_TRANS_HALF_TOPIC")).isTrue();
  }

  @Test
  void everyWriteKeepsThePreviousContentInTheBackup() throws Exception {
    TopicConfigManager topics = new TopicConfigManager(config(true), dir, clock::get);
    topics.load();
    topics.update(TopicConfig.of("A", 1, 1, 6));
    String before = Files.readString(dir.resolve("topics.json"));
    topics.update(TopicConfig.of("B", 1, 1, 6));
    assertThat(Files.readString(dir.resolve("topics.json.bak"))).isEqualTo(before);
    assertThat(Files.readString(dir.resolve("topics.json"))).contains("\"B\"");
    assertThat(Files.exists(dir.resolve("topics.json.tmp"))).isFalse();
  }

  @Test
  void aDamagedFileIsReadFromItsBackup() throws Exception {
    TopicConfigManager topics = new TopicConfigManager(config(true), dir, clock::get);
    topics.load();
    topics.update(TopicConfig.of("Kept", 2, 2, 6));
    topics.update(TopicConfig.of("Later", 2, 2, 6));
    Files.writeString(
        dir.resolve("topics.json"), "{\"topicConfigTable\":{tor", StandardCharsets.UTF_8);
    TopicConfigManager reloaded = new TopicConfigManager(config(true), dir, clock::get);
    reloaded.load();
    assertThat(reloaded.contains("Kept")).isTrue();
  }

  @Test
  void autoCreationInheritsFromTheTemplateAndTellsTheHook() {
    TopicConfigManager topics = new TopicConfigManager(config(true), dir, clock::get);
    topics.load();
    AtomicInteger changes = new AtomicInteger();
    topics.setOnChange(changes::incrementAndGet);
    TopicConfig created = topics.createFromSend("NewTopic", "TBW102", 4);
    assertThat(created.writeQueueNums()).isEqualTo(4);
    assertThat(created.perm()).isEqualTo(TopicPermission.READ_WRITE);
    assertThat(topics.createFromSend("Big", "TBW102", 100).writeQueueNums()).isEqualTo(8);
    assertThat(topics.createFromSend("X", "NoSuchTemplate", 4)).isNull();
    assertThat(changes.get()).isEqualTo(2);
  }

  @Test
  void withoutAutoCreationNoTemplateExists() {
    TopicConfigManager topics = new TopicConfigManager(config(false), dir, clock::get);
    topics.load();
    assertThat(topics.contains("TBW102")).isFalse();
    assertThat(topics.createFromSend("NewTopic", "TBW102", 4)).isNull();
  }

  @Test
  void offsetsRoundTripThroughTheFile() throws Exception {
    ConsumerOffsetManager offsets = new ConsumerOffsetManager(dir, clock::get);
    offsets.commit("G", "T", 0, 10);
    offsets.commit("G", "T", 3, 42);
    offsets.commit("H", "T", 0, 7);
    offsets.persist();
    assertThat(Files.readString(dir.resolve("consumerOffset.json"))).contains("\"T@G\"");

    ConsumerOffsetManager loaded = new ConsumerOffsetManager(dir, clock::get);
    loaded.load();
    assertThat(loaded.query("G", "T", 0)).isEqualTo(10);
    assertThat(loaded.query("G", "T", 3)).isEqualTo(42);
    assertThat(loaded.query("H", "T", 0)).isEqualTo(7);
    assertThat(loaded.query("G", "T", 1)).isEqualTo(-1);
    assertThat(loaded.queryAll("G", "T")).isEqualTo(Map.of(0, 10L, 3, 42L));
    assertThat(loaded.groupsOf("T")).containsExactlyInAnyOrder("G", "H");
  }

  @Test
  void groupsAreAutoCreatedAndPersisted() {
    SubscriptionGroupManager groups = new SubscriptionGroupManager(config(true), dir, clock::get);
    groups.load();
    SubscriptionGroupConfig g = groups.findOrCreate("CG");
    assertThat(g.retryMaxTimes()).isEqualTo(16);
    assertThat(g.retryQueueNums()).isEqualTo(1);
    groups.update(
        new SubscriptionGroupConfig(
            "Custom", true, true, false, true, 2, 3, 0, 1, true, 0, 15, null));

    SubscriptionGroupManager loaded = new SubscriptionGroupManager(config(true), dir, clock::get);
    loaded.load();
    assertThat(loaded.get("CG")).isEqualTo(g);
    assertThat(loaded.get("Custom").retryMaxTimes()).isEqualTo(3);
    assertThat(loaded.get("Custom").consumeMessageOrderly()).isTrue();
    assertThat(loaded.get("TOOLS_CONSUMER")).isNotNull();
  }
}
