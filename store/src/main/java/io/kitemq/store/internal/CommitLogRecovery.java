package io.kitemq.store.internal;

import io.kitemq.common.message.MessageConst;
import io.kitemq.common.message.MessageProperties;
import io.kitemq.common.message.MessageSysFlag;
import io.kitemq.common.message.RecordCheck;
import io.kitemq.common.message.StoredMessageDecoder;
import io.kitemq.common.message.StoredMessageLayout;
import io.kitemq.common.message.StoredRecordView;
import io.kitemq.store.TagsCodeResolver;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the commit log, consume queues and index back to one consistent state at start-up.
 *
 * <p>Clean start (no abort file, and the checkpoint recorded the commit-log end at shutdown): trust
 * the files, set the end from the checkpoint; nothing is scanned.
 *
 * <p>Abnormal start: scan from the lowest of the checkpoint's flushed offsets (commit log, consume
 * queues, index): everything below is known durable and indexed. Those offsets are record ends; if
 * the bytes there do not look like a record boundary, the scan starts at the beginning of that
 * segment instead. Each record is validated (magic, sizes, PHYSICALOFFSET = its position, body
 * CRC); the first bad one (or zeros) is the end. Consume-queue entries missing for valid records
 * are written, index keys past the index's last offset are added, the torn tail is zeroed and
 * consume queues pointing past the end are trimmed. Only the tail segment(s) are read, not the
 * whole log.
 *
 * <p>Runs single-threaded before the store accepts requests.
 */
public final class CommitLogRecovery {

  private static final Logger LOG = LoggerFactory.getLogger(CommitLogRecovery.class);

  private final CommitLog commitLog;
  private final ConsumeQueueTable queues;
  private final IndexService index;
  private final StoreCheckpoint checkpoint;
  private final TagsCodeResolver tagsCodes;

  // Last topic seen, to avoid decoding the same topic bytes for every record.
  private byte[] lastTopicBytes = new byte[0];
  private String lastTopic = "";

  public CommitLogRecovery(
      CommitLog commitLog,
      ConsumeQueueTable queues,
      IndexService index,
      StoreCheckpoint cp,
      TagsCodeResolver tagsCodes) {
    this.commitLog = commitLog;
    this.queues = queues;
    this.index = index;
    this.checkpoint = cp;
    this.tagsCodes = tagsCodes;
  }

  /** Recovers; returns the commit-log end offset. */
  public long recover(boolean cleanShutdown) {
    MappedFileQueue log = commitLog.files();
    long end;
    long cleanEnd = checkpoint.cleanEndOffset();
    if (cleanShutdown && checkpoint.hadOffsets() && cleanEnd >= 0 && withinLog(log, cleanEnd)) {
      setEnd(log, cleanEnd);
      end = cleanEnd;
      LOG.info("Clean start, commit log ends at {}", end);
    } else {
      end = scan(log);
    }
    for (ConsumeQueue cq : queues.all()) {
      cq.truncateBeyond(end);
      cq.correctMinOffset(log.minOffset());
    }
    commitLog.restoreQueueOffsets();
    commitLog.setDispatchedOffset(end);
    return end;
  }

  private static boolean withinLog(MappedFileQueue log, long offset) {
    MappedFile first = log.first();
    MappedFile last = log.last();
    if (first == null) {
      return offset == 0;
    }
    return offset >= first.fileFromOffset() && offset <= last.fileFromOffset() + log.fileSize();
  }

  private static void setEnd(MappedFileQueue log, long end) {
    List<MappedFile> files = log.files();
    for (int i = files.size() - 1; i >= 0; i--) {
      MappedFile f = files.get(i);
      if (f.fileFromOffset() > end || (f.fileFromOffset() == end && i > 0)) {
        files.remove(i);
        f.destroy();
      } else {
        int pos = (int) Math.min(log.fileSize(), end - f.fileFromOffset());
        f.setWrotePosition(pos);
        f.setFlushedPosition(pos);
        break;
      }
    }
  }

  private long scan(MappedFileQueue log) {
    List<MappedFile> files = log.files();
    if (files.isEmpty()) {
      return 0;
    }
    long start = 0;
    if (checkpoint.hadOffsets()) {
      start = Math.min(checkpoint.physicFlushedOffset(), checkpoint.logicsFlushedOffset());
      if (index != null) {
        start = Math.min(start, checkpoint.indexFlushedOffset());
      }
    }
    int fi = 0;
    for (int i = files.size() - 1; i >= 0; i--) {
      if (files.get(i).fileFromOffset() <= start) {
        fi = i;
        break;
      }
    }
    int firstPos = trustedStart(files.get(fi), start);
    long indexedUpTo = index == null ? Long.MAX_VALUE : index.lastIndexedOffset();
    long t0 = System.nanoTime();
    long records = 0;
    long end = files.get(fi).fileFromOffset() + firstPos;
    scanning:
    for (int i = fi; i < files.size(); i++) {
      MappedFile f = files.get(i);
      ByteBuffer b = f.buffer();
      int pos = i == fi ? firstPos : 0;
      while (true) {
        RecordCheck c = StoredMessageDecoder.peek(b, pos, true);
        if (c.kind() == RecordCheck.Kind.BLANK && pos + c.totalSize() == f.fileSize()) {
          end = f.fileFromOffset() + f.fileSize();
          continue scanning;
        }
        if (!c.isGoodMessage()
            || b.getLong(pos + StoredMessageLayout.PHYSICAL_OFFSET_POSITION)
                != f.fileFromOffset() + pos) {
          end = f.fileFromOffset() + pos;
          if (c.kind() != RecordCheck.Kind.EMPTY) {
            LOG.warn("Commit log ends at {}: {}", end, describe(c));
          }
          break scanning;
        }
        dispatch(b, pos, f.fileFromOffset() + pos, c.totalSize(), indexedUpTo);
        records++;
        pos += c.totalSize();
      }
    }
    log.truncateFrom(end);
    log.flush(0);
    LOG.info(
        "Abnormal start: scanned {} records from {} in {} ms, commit log ends at {}",
        records,
        files.isEmpty() ? 0 : files.get(Math.min(fi, files.size() - 1)).fileFromOffset() + firstPos,
        (System.nanoTime() - t0) / 1_000_000,
        end);
    return end;
  }

  /**
   * Where in {@code f} to start: at {@code start} itself when the bytes there look like a record
   * boundary (the checkpoint only records record ends), else at the start of the segment.
   */
  private static int trustedStart(MappedFile f, long start) {
    long rel = start - f.fileFromOffset();
    if (rel <= 0 || rel >= f.fileSize()) {
      return 0;
    }
    int pos = (int) rel;
    ByteBuffer b = f.buffer();
    RecordCheck c = StoredMessageDecoder.peek(b, pos, true);
    boolean boundary =
        switch (c.kind()) {
          case MESSAGE ->
              c.isGoodMessage()
                  && b.getLong(pos + StoredMessageLayout.PHYSICAL_OFFSET_POSITION) == start;
          case BLANK -> pos + c.totalSize() == f.fileSize();
          case EMPTY -> true;
          case INVALID -> false;
        };
    return boundary ? pos : 0;
  }

  private static String describe(RecordCheck c) {
    if (c.kind() == RecordCheck.Kind.MESSAGE) {
      return c.bodyCrc() == RecordCheck.BodyCrc.MISMATCH ? "body CRC mismatch" : "stale record";
    }
    return c.problem() != null ? c.problem() : c.kind().toString();
  }

  private void dispatch(ByteBuffer b, int pos, long phy, int size, long indexedUpTo) {
    StoredRecordView record = StoredRecordView.of(b, pos);
    int tx = MessageSysFlag.transactionType(record.sysFlag());
    boolean queued =
        tx == MessageSysFlag.TRANSACTION_NOT_TYPE || tx == MessageSysFlag.TRANSACTION_COMMIT_TYPE;
    boolean indexed = index != null && phy > indexedUpTo;
    if (!queued && !indexed) {
      return;
    }
    String topic = topic(b, record.topicPosition(), record.topicLength());
    if (queued) {
      ConsumeQueue cq = queues.getOrCreate(topic, record.queueId());
      if (!cq.hasEntry(record.queueOffset(), phy, size)) {
        Map<String, String> properties =
            MessageProperties.decode(b, record.propertiesPosition(), record.propertiesLength());
        long code = tagsCodes.tagsCode(topic, properties, record.storeTimestamp());
        cq.putRecovered(record.queueOffset(), phy, size, code);
      }
    }
    if (indexed) {
      index.index(
          topic,
          record.property(MessageConst.PROPERTY_KEYS),
          record.property(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX),
          phy,
          record.storeTimestamp());
    }
  }

  private String topic(ByteBuffer b, int pos, int len) {
    byte[] last = lastTopicBytes;
    if (last.length == len) {
      boolean same = true;
      for (int i = 0; i < len; i++) {
        if (b.get(pos + i) != last[i]) {
          same = false;
          break;
        }
      }
      if (same) {
        return lastTopic;
      }
    }
    byte[] bytes = new byte[len];
    b.get(pos, bytes);
    lastTopicBytes = bytes;
    lastTopic = new String(bytes, StandardCharsets.UTF_8);
    return lastTopic;
  }
}
