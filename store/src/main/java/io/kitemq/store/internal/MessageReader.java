package io.kitemq.store.internal;

import static io.kitemq.store.MessageStoreConfig.CQ_UNIT_SIZE;

import io.kitemq.common.message.MessageProperties;
import io.kitemq.common.message.MessageVersion;
import io.kitemq.common.message.StoredMessageLayout;
import io.kitemq.store.GetMessageResult;
import io.kitemq.store.GetMessageStatus;
import io.kitemq.store.MessageFilter;
import io.kitemq.store.MessageSlice;
import io.kitemq.store.MessageStoreConfig;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Pull reads: from a queue offset, walk consume-queue entries, filter, and slice the matching
 * records out of the commit log without copying. Also the offset-by-time search. Stateless apart
 * from its collaborators; thread-safe.
 *
 * <p>Limits per pull follow RocketMQ: at most {@code maxMsgNums} messages and {@code maxBytes}
 * bytes, further capped by maxTransferCount/BytesOnMessageInMemory, or ...InDisk when the data lies
 * further behind the end of the commit log than accessMessageInMemoryMaxRatio percent of physical
 * memory; the first message is always taken whatever its size; at most max(16000 bytes, 20 *
 * maxMsgNums) of consume-queue entries are scanned.
 */
public final class MessageReader {

  private final MessageStoreConfig config;
  private final CommitLog commitLog;
  private final ConsumeQueueTable queues;
  private final long memoryBytes;

  public MessageReader(
      MessageStoreConfig config, CommitLog commitLog, ConsumeQueueTable queues, long memoryBytes) {
    this.config = config;
    this.commitLog = commitLog;
    this.queues = queues;
    this.memoryBytes = memoryBytes;
  }

  public GetMessageResult getMessages(
      String topic, int queueId, long offset, int maxMsgNums, int maxBytes, MessageFilter filter) {
    ConsumeQueue cq = queues.find(topic, queueId);
    long min = cq == null ? 0 : cq.minOffset();
    long max = cq == null ? 0 : cq.maxOffset();
    if (max == 0) {
      return empty(GetMessageStatus.NO_MESSAGE_IN_QUEUE, 0, min, max);
    }
    if (offset < min) {
      return empty(GetMessageStatus.OFFSET_TOO_SMALL, min, min, max);
    }
    if (offset == max) {
      return empty(GetMessageStatus.OFFSET_OVERFLOW_ONE, offset, min, max);
    }
    if (offset > max) {
      return empty(GetMessageStatus.OFFSET_OVERFLOW_BADLY, max, min, max);
    }
    ConsumeQueue.EntrySlice entries = cq.entries(offset);
    if (entries == null) {
      return empty(GetMessageStatus.OFFSET_FOUND_NULL, cq.nextFileOffset(offset), min, max);
    }
    try {
      return collect(entries, offset, maxMsgNums, maxBytes, filter, min, max);
    } finally {
      entries.release();
    }
  }

  private GetMessageResult collect(
      ConsumeQueue.EntrySlice entries,
      long offset,
      int maxMsgNums,
      int maxBytes,
      MessageFilter filter,
      long min,
      long max) {
    List<MessageSlice> found = new ArrayList<>(Math.min(maxMsgNums, 32));
    GetMessageStatus status = GetMessageStatus.NO_MATCHED_MESSAGE;
    long logMin = commitLog.minOffset();
    long logMax = commitLog.maxOffset();
    int scanLimit = Math.max(16_000 / CQ_UNIT_SIZE, maxMsgNums);
    int count = Math.min(entries.count(), scanLimit);
    ByteBuffer b = entries.buffer();
    int bytes = 0;
    int i = 0;
    for (; i < count; i++) {
      int at = i * CQ_UNIT_SIZE;
      long phy = b.getLong(at);
      int size = b.getInt(at + 8);
      long tagsCode = b.getLong(at + 12);
      if (!found.isEmpty()
          && isBatchFull(found.size(), bytes, size, maxMsgNums, maxBytes, phy, logMax)) {
        break;
      }
      if (size == 0 || phy < logMin) {
        status = found.isEmpty() ? GetMessageStatus.MESSAGE_WAS_REMOVING : status;
        continue;
      }
      if (!filter.matchesTagsCode(tagsCode)) {
        continue;
      }
      MessageSlice m = commitLog.read(phy, size, offset + i);
      if (m == null) {
        status = found.isEmpty() ? GetMessageStatus.MESSAGE_WAS_REMOVING : status;
        continue;
      }
      if (!filter.matchesRecord(m.buffer(), propertiesOf(m.buffer()))) {
        m.release();
        continue;
      }
      found.add(m);
      bytes += size;
    }
    if (!found.isEmpty()) {
      status = GetMessageStatus.FOUND;
    }
    return new GetMessageResult(status, found, offset + i, min, max);
  }

  private boolean isBatchFull(
      int msgs, int bytes, int nextSize, int maxMsgNums, int maxBytes, long phy, long logMax) {
    if (msgs >= maxMsgNums || bytes + nextSize > maxBytes) {
      return true;
    }
    boolean inDisk = logMax - phy > memoryBytes * config.accessMessageInMemoryMaxRatio() / 100;
    if (inDisk) {
      return msgs >= config.maxTransferCountOnMessageInDisk()
          || bytes + nextSize > config.maxTransferBytesOnMessageInDisk();
    }
    return msgs >= config.maxTransferCountOnMessageInMemory()
        || bytes + nextSize > config.maxTransferBytesOnMessageInMemory();
  }

  /** Decodes the properties of a record on demand. */
  static Supplier<Map<String, String>> propertiesOf(ByteBuffer record) {
    return () -> {
      int sysFlag = record.getInt(StoredMessageLayout.SYS_FLAG_POSITION);
      boolean v1 =
          record.getInt(StoredMessageLayout.MAGIC_CODE_POSITION) == MessageVersion.V1.magicCode();
      int p = StoredMessageLayout.bodyLengthPosition(sysFlag);
      p += 4 + record.getInt(p);
      int topicLen = v1 ? record.get(p) : record.getShort(p);
      p += (v1 ? 1 : 2) + topicLen;
      int propsLen = record.getShort(p);
      return MessageProperties.decode(record, p + 2, propsLen);
    };
  }

  private static GetMessageResult empty(GetMessageStatus s, long next, long min, long max) {
    return new GetMessageResult(s, List.of(), next, min, max);
  }

  /**
   * The first queue offset whose message was stored at or after {@code timestamp}; the max offset
   * if none was; 0 for an unknown queue. Binary search over the entries, reading store times from
   * the commit log.
   */
  public long offsetByTime(String topic, int queueId, long timestamp) {
    ConsumeQueue cq = queues.find(topic, queueId);
    if (cq == null) {
      return 0;
    }
    long lo = Math.max(cq.minOffset(), firstLiveOffset(cq));
    long hi = cq.maxOffset();
    while (lo < hi) {
      long mid = (lo + hi) >>> 1;
      long t = storeTimeAt(cq, mid);
      if (t < timestamp) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private long firstLiveOffset(ConsumeQueue cq) {
    long min = cq.minOffset();
    long phy = cq.phyOffsetAt(min);
    long logMin = commitLog.minOffset();
    if (phy >= logMin) {
      return min;
    }
    long lo = min;
    long hi = cq.maxOffset();
    while (lo < hi) {
      long mid = (lo + hi) >>> 1;
      if (cq.phyOffsetAt(mid) < logMin) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private long storeTimeAt(ConsumeQueue cq, long queueOffset) {
    long phy = cq.phyOffsetAt(queueOffset);
    if (phy < 0) {
      return Long.MIN_VALUE;
    }
    long t = commitLog.storeTimestampAt(phy);
    return t < 0 ? Long.MIN_VALUE : t;
  }

  /** Store time of the message at {@code queueOffset}, or -1 if it is not stored. */
  public long storeTimestamp(String topic, int queueId, long queueOffset) {
    ConsumeQueue cq = queues.find(topic, queueId);
    if (cq == null || queueOffset < cq.minOffset() || queueOffset >= cq.maxOffset()) {
      return -1;
    }
    long phy = cq.phyOffsetAt(queueOffset);
    return phy < 0 ? -1 : commitLog.storeTimestampAt(phy);
  }

  /** Store time of the first message still in the queue, or -1. */
  public long earliestMessageTime(String topic, int queueId) {
    ConsumeQueue cq = queues.find(topic, queueId);
    if (cq == null || cq.maxOffset() <= cq.minOffset()) {
      return -1;
    }
    long phy = cq.phyOffsetAt(Math.max(cq.minOffset(), firstLiveOffset(cq)));
    return phy < 0 ? -1 : commitLog.storeTimestampAt(phy);
  }
}
