package io.kitemq.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kitemq.common.message.MessageQueue;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class LocalOffsetStoreTest {

  @TempDir Path dir;

  @Test
  void persistedOffsetsAreReadBackByANewStore() throws Exception {
    Path file = dir.resolve("g").resolve("offsets");
    MessageQueue a = new MessageQueue("T", "broker-a", 0);
    MessageQueue b = new MessageQueue("%RETRY%g", "broker-b", 3);
    LocalOffsetStore store = new LocalOffsetStore(file);
    assertThat(store.readStored(a)).isEqualTo(-1);
    store.update(a, 42);
    store.update(a, 7);
    store.update(b, 1L << 40);
    store.persist(List.of(a, b));

    LocalOffsetStore reloaded = new LocalOffsetStore(file);
    assertThat(reloaded.readStored(a)).isEqualTo(42);
    assertThat(reloaded.readStored(b)).isEqualTo(1L << 40);
    assertThat(reloaded.readStored(new MessageQueue("T", "broker-a", 1))).isEqualTo(-1);
  }

  @Test
  void overwriteMayLowerAnOffset() throws Exception {
    LocalOffsetStore store = new LocalOffsetStore(dir.resolve("o"));
    MessageQueue q = new MessageQueue("T", "b", 0);
    store.update(q, 10);
    store.overwrite(q, 3);
    assertThat(store.inMemory(q)).isEqualTo(3);
  }

  @Test
  void corruptFileIsReportedWithItsName() throws Exception {
    Path file = dir.resolve("bad");
    Files.writeString(file, "T\tb\tnot-a-number\t5\n");
    assertThatThrownBy(() -> new LocalOffsetStore(file)).isInstanceOf(UncheckedIOException.class);
  }
}
