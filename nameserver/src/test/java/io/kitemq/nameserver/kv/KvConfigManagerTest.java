package io.kitemq.nameserver.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kitemq.remoting.protocol.body.KvTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class KvConfigManagerTest {

  @TempDir Path dir;

  @Test
  void readsTheFileRocketMqWrites() throws IOException {
    Path file = dir.resolve("kvConfig.json");
    // RocketMQ's KVConfigManager writes pretty-printed fastjson.
    Files.writeString(
        file,
        "{\n\t\"configTable\":{\n\t\t\"ORDER_TOPIC_CONFIG\":{\n\t\t\t\"T\":\"broker-a:4\"\n\t\t}\n\t}\n}");
    KvConfigManager kv = new KvConfigManager(file);
    kv.load();
    assertThat(kv.get("ORDER_TOPIC_CONFIG", "T")).isEqualTo("broker-a:4");
    assertThat(kv.namespace("ORDER_TOPIC_CONFIG"))
        .isEqualTo(new KvTable(Map.of("T", "broker-a:4")));
    assertThat(kv.namespace("NONE")).isNull();
  }

  @Test
  void missingFileIsAnEmptyTableAndCorruptFileIsAnError() throws IOException {
    KvConfigManager empty = new KvConfigManager(dir.resolve("absent.json"));
    empty.load();
    assertThat(empty.get("ns", "k")).isNull();

    Path corrupt = dir.resolve("corrupt.json");
    Files.writeString(corrupt, "{\"configTable\":{\"ns\":");
    assertThatThrownBy(() -> new KvConfigManager(corrupt).load())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("corrupt.json");
  }

  @Test
  void everyChangeIsOnDiskAtOnce() throws IOException {
    Path file = dir.resolve("sub").resolve("kv.json");
    KvConfigManager kv = new KvConfigManager(file);
    kv.put("ns", "b", "2");
    kv.put("ns", "a", "1");
    kv.delete("ns", "b");
    kv.delete("other", "x");
    KvConfigManager reloaded = new KvConfigManager(file);
    reloaded.load();
    assertThat(reloaded.namespace("ns")).isEqualTo(new KvTable(Map.of("a", "1")));
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }
}
