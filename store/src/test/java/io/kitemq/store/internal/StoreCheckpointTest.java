package io.kitemq.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class StoreCheckpointTest {

  @TempDir Path dir;

  @Test
  void keepsRocketMqTimestampsAtTheirOffsetsAndOwnOffsetsBehind() throws Exception {
    Path p = dir.resolve("checkpoint");
    StoreCheckpoint cp = new StoreCheckpoint(p);
    assertThat(cp.hadOffsets()).isFalse();
    cp.physicFlushed(4096, 1111);
    cp.logicsFlushed(2048, 2222);
    cp.indexFlushed(1024, 3333);
    cp.cleanEnd(5000);
    cp.close();
    ByteBuffer raw = ByteBuffer.wrap(Files.readAllBytes(p));
    assertThat(raw.capacity()).isEqualTo(4096);
    assertThat(raw.getLong(0)).isEqualTo(1111);
    assertThat(raw.getLong(8)).isEqualTo(2222);
    assertThat(raw.getLong(16)).isEqualTo(3333);
    StoreCheckpoint again = new StoreCheckpoint(p);
    assertThat(again.hadOffsets()).isTrue();
    assertThat(again.physicFlushedOffset()).isEqualTo(4096);
    assertThat(again.logicsFlushedOffset()).isEqualTo(2048);
    assertThat(again.indexFlushedOffset()).isEqualTo(1024);
    assertThat(again.cleanEndOffset()).isEqualTo(5000);
    again.close();
  }
}
