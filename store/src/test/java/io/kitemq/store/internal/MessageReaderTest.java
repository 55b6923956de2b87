package io.kitemq.store.internal;

import static io.kitemq.store.StoreFixture.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.kitemq.store.GetMessageResult;
import io.kitemq.store.GetMessageStatus;
import io.kitemq.store.MessageFilter;
import io.kitemq.store.MessageStoreConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The windows between deleting a commit-log segment (or consume-queue file) and correcting the
 * queue's minimum, which the store facade closes quickly: reads must say what happened.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MessageReaderTest {

  @TempDir Path root;
  private MappedFileQueue log;
  private ConsumeQueueTable queues;
  private CommitLog commitLog;
  private MessageReader reader;

  @BeforeEach
  void setUp() {
    MessageStoreConfig config =
        MessageStoreConfig.builder()
            .storePathRootDir(root)
            .mappedFileSizeCommitLog(8192)
            .maxMessageSize(2048)
            .mappedFileSizeConsumeQueue(20 * 10)
            .build();
    log = new MappedFileQueue(root.resolve("commitlog"), 8192);
    queues = new ConsumeQueueTable(root.resolve("consumequeue"), 20 * 10);
    commitLog = new CommitLog(log, queues, null, Clock.systemUTC());
    reader = new MessageReader(config, commitLog, queues, 1L << 30);
    for (int i = 0; i < 60; i++) {
      commitLog.append(List.of(message("W", 0, "y".repeat(400))));
    }
  }

  @AfterEach
  void tearDown() {
    queues.close();
    log.close();
  }

  @Test
  void entriesWhoseSegmentIsGoneReportMessageWasRemoving() {
    assertThat(log.deleteHead(f -> true, 1)).isEqualTo(1);
    try (GetMessageResult r = reader.getMessages("W", 0, 0, 5, 1 << 20, MessageFilter.ALL)) {
      assertThat(r.status()).isEqualTo(GetMessageStatus.MESSAGE_WAS_REMOVING);
      assertThat(r.nextBeginOffset()).isEqualTo(10);
    }
  }

  @Test
  void aMissingConsumeQueueFileReportsFoundNullAndPointsAtTheNextFile() {
    ConsumeQueue cq = queues.find("W", 0);
    assertThat(cq.files().deleteHead(f -> true, 1)).isEqualTo(1);
    try (GetMessageResult r = reader.getMessages("W", 0, 3, 5, 1 << 20, MessageFilter.ALL)) {
      assertThat(r.status()).isEqualTo(GetMessageStatus.OFFSET_FOUND_NULL);
      assertThat(r.nextBeginOffset()).isEqualTo(10);
    }
  }
}
