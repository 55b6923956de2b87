package io.kitemq.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class MappedFileQueueTest {

  @TempDir Path dir;

  private static void append(MappedFileQueue q, byte[] data) {
    MappedFile f = q.lastFileForAppend(0);
    ByteBuffer b = f.writeBuffer();
    b.put(data);
    f.setWrotePosition(b.position());
  }

  @Test
  void filesAreNamedByTheirTwentyDigitStartOffsetAndRollWhenFull() {
    MappedFileQueue q = new MappedFileQueue(dir, 4096);
    for (int i = 0; i < 10; i++) {
      append(q, new byte[2048]);
    }
    assertThat(q.files()).hasSize(5);
    assertThat(dir.resolve("00000000000000000000")).exists();
    assertThat(dir.resolve("00000000000000016384")).exists();
    assertThat(q.maxOffset()).isEqualTo(10 * 2048);
    assertThat(q.findByOffset(5000).fileFromOffset()).isEqualTo(4096);
    assertThat(q.findByOffset(20480)).isNull();
    q.close();
  }

  @Test
  void flushAdvancesTheFlushedOffsetAndHonoursLeastPages() {
    MappedFileQueue q = new MappedFileQueue(dir, 64 * 1024);
    append(q, new byte[100]);
    assertThat(q.flush(4)).isZero();
    assertThat(q.flush(0)).isEqualTo(100);
    append(q, new byte[5 * 4096]);
    assertThat(q.flush(4)).isEqualTo(100 + 5 * 4096);
    q.close();
  }

  @Test
  void truncateZeroesTheTailAndDeletesLaterFiles() throws Exception {
    MappedFileQueue q = new MappedFileQueue(dir, 4096);
    byte[] ones = new byte[1024];
    java.util.Arrays.fill(ones, (byte) 1);
    for (int i = 0; i < 10; i++) {
      append(q, ones);
    }
    q.truncateFrom(4096 + 100);
    assertThat(q.files()).hasSize(2);
    assertThat(q.maxOffset()).isEqualTo(4196);
    MappedFile f = q.last();
    assertThat(f.buffer().get(99)).isEqualTo((byte) 1);
    assertThat(f.buffer().get(100)).isZero();
    assertThat(f.buffer().get(4095)).isZero();
    assertThat(Files.exists(dir.resolve(MappedFile.fileName(8192)))).isFalse();
    q.close();
  }

  @Test
  void reloadedFilesKeepTheirBytes() {
    MappedFileQueue q = new MappedFileQueue(dir, 4096);
    append(q, new byte[] {7, 8, 9});
    q.close();
    MappedFileQueue again = new MappedFileQueue(dir, 4096);
    again.load();
    assertThat(again.files()).hasSize(1);
    assertThat(again.first().buffer().get(2)).isEqualTo((byte) 9);
    again.close();
  }

  @Test
  void aHeldFileSurvivesDeletionUntilReleased() {
    MappedFileQueue q = new MappedFileQueue(dir, 4096);
    append(q, new byte[4096]);
    append(q, new byte[] {42});
    MappedFile head = q.first();
    assertThat(head.hold()).isTrue();
    ByteBuffer slice = head.slice(0, 16);
    assertThat(q.deleteHead(f -> true, 10)).isEqualTo(1);
    assertThat(head.path()).doesNotExist();
    assertThat(head.hold()).isFalse();
    assertThat(slice.get(0)).isZero();
    head.release();
    assertThat(q.files()).hasSize(1);
    q.close();
  }

  @Test
  void theLastFileIsNeverDeleted() {
    MappedFileQueue q = new MappedFileQueue(dir, 4096);
    append(q, new byte[10]);
    assertThat(q.deleteHead(f -> true, 10)).isZero();
    q.close();
  }

  @Test
  void preallocatedNextFileIsTakenOnRoll() {
    MappedFileQueue q = new MappedFileQueue(dir, 4096);
    append(q, new byte[3000]);
    q.preallocateNext();
    assertThat(dir.resolve(MappedFile.fileName(4096))).exists();
    append(q, new byte[1096]);
    append(q, new byte[10]);
    assertThat(q.files()).hasSize(2);
    assertThat(q.maxOffset()).isEqualTo(4106);
    q.close();
  }
}
