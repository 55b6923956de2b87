package io.kitemq.common.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MappedFileRecordTest {

  @TempDir Path dir;

  /** Records written into a memory-mapped segment, then a blank marker, read back after remap. */
  @Test
  void recordsWrittenToAMappedFileReadBackAfterRemapping() throws IOException {
    Path file = dir.resolve("00000000000000000000");
    int fileSize = 1024;
    RecordDraft draft = GoldenRecord.draft();
    int written = 0;
    try (FileChannel ch =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_WRITE, 0, fileSize);
      long queueOffset = 0;
      while (map.remaining() >= draft.encodedSize() + StoredMessageLayout.BLANK_MARKER_SIZE) {
        StoredMessageEncoder.encode(map, draft, queueOffset++, map.position(), 1000 + queueOffset);
        written++;
      }
      StoredMessageEncoder.writeBlank(map, map.remaining());
      map.force();
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, fileSize);
      int pos = 0;
      int messages = 0;
      RecordCheck check;
      while ((check = StoredMessageDecoder.peek(map, pos, true)).isGoodMessage()) {
        MessageExt m = StoredMessageDecoder.decode(map, pos);
        assertThat(m.getCommitLogOffset()).isEqualTo(pos);
        assertThat(m.getQueueOffset()).isEqualTo(messages);
        pos += check.totalSize();
        messages++;
      }
      // 10 x 98 bytes fit, with room left for the 8-byte marker but not for an 11th record
      assertThat(messages).isEqualTo(written).isEqualTo(10);
      assertThat(check.kind()).isEqualTo(RecordCheck.Kind.BLANK);
      assertThat(pos + check.totalSize()).isEqualTo(fileSize);
      map.limit(pos).position(0);
      List<MessageExt> all = StoredMessageDecoder.decodeAll(map, BodyMode.SKIP);
      assertThat(all).hasSize(written);
    }
  }
}
