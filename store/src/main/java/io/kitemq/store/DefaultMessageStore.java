package io.kitemq.store;

import io.kitemq.common.message.BodyMode;
import io.kitemq.common.message.MessageConst;
import io.kitemq.common.message.MessageDecodeException;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.StoredMessageDecoder;
import io.kitemq.store.internal.CommitLog;
import io.kitemq.store.internal.CommitLogFlusher;
import io.kitemq.store.internal.CommitLogRecovery;
import io.kitemq.store.internal.ConsumeQueue;
import io.kitemq.store.internal.ConsumeQueueTable;
import io.kitemq.store.internal.Housekeeping;
import io.kitemq.store.internal.IndexService;
import io.kitemq.store.internal.MappedFileQueue;
import io.kitemq.store.internal.MessageReader;
import io.kitemq.store.internal.StoreCheckpoint;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file-based {@link MessageStore}: {@code commitlog/}, {@code consumequeue/}, {@code index/},
 * {@code checkpoint}, {@code abort} and {@code lock} under storePathRootDir.
 *
 * <p>Threads: appends run on the callers' threads under the commit log's writer lock; one flush
 * thread ({@code kite-store-flush}) and one scheduled thread ({@code kite-store-housekeeping}).
 * Clock and disk-usage probe are injectable for tests. Thread-safe.
 */
public final class DefaultMessageStore implements MessageStore {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultMessageStore.class);

  private final MessageStoreConfig config;
  private final Clock clock;
  private final DiskUsageProbe probe;
  private final MappedFileQueue log;
  private final ConsumeQueueTable queues;
  private final IndexService index;
  private final CommitLog commitLog;
  private final MessageReader reader;
  private StoreCheckpoint checkpoint;
  private CommitLogFlusher flusher;
  private Housekeeping housekeeping;
  private FileChannel lockChannel;
  private FileLock lock;
  private volatile boolean running;
  private volatile MessageArrivalListener listener;
  private volatile TagsCodeResolver tagsCodeResolver = TagsCodeResolver.TAGS_HASH;

  public DefaultMessageStore(MessageStoreConfig config) {
    this(config, Clock.systemDefaultZone(), DiskUsageProbe.fileSystem());
  }

  public DefaultMessageStore(MessageStoreConfig config, Clock clock, DiskUsageProbe probe) {
    this.config = config;
    this.clock = clock;
    this.probe = probe;
    this.log = new MappedFileQueue(config.storePathCommitLog(), config.mappedFileSizeCommitLog());
    this.queues =
        new ConsumeQueueTable(config.storePathConsumeQueue(), config.mappedFileSizeConsumeQueue());
    this.index =
        config.messageIndexEnable()
            ? new IndexService(
                config.storePathIndex(), config.maxHashSlotNum(), config.maxIndexNum(), clock)
            : null;
    this.commitLog = new CommitLog(log, queues, index, clock);
    this.reader = new MessageReader(config, commitLog, queues, physicalMemory());
  }

  private static long physicalMemory() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize();
    }
    return Runtime.getRuntime().maxMemory();
  }

  public MessageStoreConfig config() {
    return config;
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    try {
      Files.createDirectories(config.storePathRootDir());
      Files.createDirectories(config.storePathCommitLog());
      lockChannel =
          FileChannel.open(config.lockPath(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        lock = lockChannel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        lockChannel.close();
        throw new StoreException("store " + config.storePathRootDir() + " is in use");
      }
    } catch (IOException e) {
      throw new StoreException("cannot prepare " + config.storePathRootDir(), e);
    }
    boolean clean = !Files.exists(config.abortPath());
    checkpoint = new StoreCheckpoint(config.checkpointPath());
    log.load();
    queues.load();
    if (index != null) {
      index.load();
    }
    long t0 = System.nanoTime();
    long end =
        new CommitLogRecovery(commitLog, queues, index, checkpoint, tagsCodeResolver)
            .recover(clean);
    flusher = new CommitLogFlusher(commitLog, config, checkpoint);
    housekeeping =
        new Housekeeping(config, commitLog, queues, index, checkpoint, flusher, clock, probe);
    checkpoint.physicFlushed(log.flushedOffset(), commitLog.lastStoreTimestamp());
    housekeeping.flushLogicsFully();
    checkpoint.cleanEnd(-1);
    checkpoint.flush();
    try {
      Files.write(config.abortPath(), new byte[0]);
    } catch (IOException e) {
      throw new StoreException("cannot create " + config.abortPath(), e);
    }
    LOG.info(
        "Store {} started ({} start, commit log [{}, {}), {} ms)",
        config.storePathRootDir(),
        clean ? "clean" : "abnormal",
        log.minOffset(),
        end,
        (System.nanoTime() - t0) / 1_000_000);
    flusher.start();
    housekeeping.start();
    running = true;
  }

  @Override
  public synchronized void shutdown() {
    if (!running) {
      return;
    }
    running = false;
    commitLog.closeForWrites();
    housekeeping.shutdown();
    flusher.shutdown();
    housekeeping.flushLogicsFully();
    checkpoint.physicFlushed(log.flushedOffset(), commitLog.lastStoreTimestamp());
    checkpoint.cleanEnd(log.maxOffset());
    checkpoint.flush();
    log.close();
    queues.close();
    if (index != null) {
      index.close();
    }
    checkpoint.close();
    try {
      Files.deleteIfExists(config.abortPath());
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      throw new StoreException("cannot finish shutdown of " + config.storePathRootDir(), e);
    }
    LOG.info("Store {} shut down cleanly", config.storePathRootDir());
  }

  @Override
  public CompletableFuture<AppendResult> append(AppendRequest request) {
    return appendBatch(List.of(request));
  }

  @Override
  public CompletableFuture<AppendResult> appendBatch(List<AppendRequest> batch) {
    AppendStatus refusal = check(batch);
    if (refusal != null) {
      return CompletableFuture.completedFuture(AppendResult.refused(refusal));
    }
    AppendResult result = commitLog.append(batch);
    if (!result.isStored()) {
      return CompletableFuture.completedFuture(result);
    }
    notifyArrivals(batch, result);
    if (!batch.get(0).waitsForFlush()) {
      flusher.wakeUp();
      return CompletableFuture.completedFuture(result);
    }
    return flusher.await(result);
  }

  private AppendStatus check(List<AppendRequest> batch) {
    if (!running) {
      return AppendStatus.SERVICE_NOT_AVAILABLE;
    }
    if (housekeeping.isDiskFull()) {
      return AppendStatus.DISK_FULL;
    }
    if (batch.isEmpty()) {
      return AppendStatus.MESSAGE_ILLEGAL;
    }
    AppendRequest head = batch.get(0);
    int room = config.mappedFileSizeCommitLog() - 8;
    for (AppendRequest r : batch) {
      if (!r.topic().equals(head.topic()) || r.queueId() != head.queueId()) {
        return AppendStatus.MESSAGE_ILLEGAL;
      }
      if (r.draft().bodyLength() > config.maxMessageSize() || r.draft().encodedSize() > room) {
        return AppendStatus.MESSAGE_ILLEGAL;
      }
    }
    return null;
  }

  private void notifyArrivals(List<AppendRequest> batch, AppendResult result) {
    MessageArrivalListener l = listener;
    if (l == null) {
      return;
    }
    long q = result.queueOffset();
    for (AppendRequest r : batch) {
      if (r.takesQueueOffset()) {
        try {
          l.onArrival(r.topic(), r.queueId(), q++, r.tagsCode(), result.storeTimestamp());
        } catch (RuntimeException e) {
          LOG.warn("Arrival listener failed", e);
        }
      }
    }
  }

  @Override
  public GetMessageResult getMessages(
      String group,
      String topic,
      int queueId,
      long offset,
      int maxMsgNums,
      int maxBytes,
      MessageFilter filter) {
    return reader.getMessages(topic, queueId, offset, maxMsgNums, maxBytes, filter);
  }

  @Override
  public long getMaxOffset(String topic, int queueId) {
    ConsumeQueue cq = queues.find(topic, queueId);
    return cq == null ? 0 : cq.maxOffset();
  }

  @Override
  public long getMinOffset(String topic, int queueId) {
    ConsumeQueue cq = queues.find(topic, queueId);
    return cq == null ? 0 : cq.minOffset();
  }

  @Override
  public long getOffsetByTime(String topic, int queueId, long timestamp) {
    return reader.offsetByTime(topic, queueId, timestamp);
  }

  @Override
  public long getEarliestMessageTime(String topic, int queueId) {
    return reader.earliestMessageTime(topic, queueId);
  }

  @Override
  public long getMessageStoreTimestamp(String topic, int queueId, long queueOffset) {
    return reader.storeTimestamp(topic, queueId, queueOffset);
  }

  @Override
  public MessageSlice lookMessageByOffset(long commitLogOffset) {
    return commitLog.readRecord(commitLogOffset);
  }

  @Override
  public QueryMessageResult queryMessage(
      String topic, String key, int maxNum, long begin, long end) {
    if (index == null) {
      return new QueryMessageResult(List.of(), 0, 0);
    }
    List<MessageSlice> found = new ArrayList<>();
    for (long phy : index.query(topic, key, maxNum, begin, end)) {
      MessageSlice m = commitLog.readRecord(phy);
      if (m == null) {
        continue;
      }
      if (carriesKey(m, topic, key)) {
        found.add(m);
      } else {
        m.release();
      }
    }
    return new QueryMessageResult(found, index.lastUpdateTimestamp(), index.lastUpdatePhyOffset());
  }

  /** Index entries are hash hits and may be stale after a torn tail: check the record itself. */
  private static boolean carriesKey(MessageSlice m, String topic, String key) {
    MessageExt msg;
    try {
      msg = StoredMessageDecoder.decode(m.buffer(), 0, BodyMode.SKIP);
    } catch (MessageDecodeException e) {
      return false;
    }
    if (!topic.equals(msg.getTopic())) {
      return false;
    }
    if (key.equals(msg.getProperties().get(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX))) {
      return true;
    }
    String keys = msg.getProperties().get(MessageConst.PROPERTY_KEYS);
    if (keys != null) {
      for (String k : keys.split(" ")) {
        if (k.equals(key)) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public void deleteTopics(Set<String> topics) {
    for (String t : topics) {
      commitLog.deleteTopic(t);
      LOG.info("Deleted consume queues of topic {}", t);
    }
  }

  @Override
  public long getMinPhyOffset() {
    return commitLog.minOffset();
  }

  @Override
  public long getMaxPhyOffset() {
    return commitLog.maxOffset();
  }

  @Override
  public void setArrivalListener(MessageArrivalListener listener) {
    this.listener = listener;
  }

  /**
   * Sets how recovery computes the tag code of consume-queue entries it rebuilds (default: the TAGS
   * hash). Call before {@link #start()}.
   */
  public void setTagsCodeResolver(TagsCodeResolver resolver) {
    this.tagsCodeResolver = resolver;
  }

  /** Runs one retention pass now (also runs every cleanResourceInterval ms). */
  public int runRetention() {
    return housekeeping.clean();
  }

  /**
   * Runs one round of taking cold mapped pages out of the resident set now (it also runs every
   * {@code residentTrimInterval} ms); returns the ranges given back.
   */
  public int trimResidentPages() {
    return housekeeping.trimResident();
  }

  /** Samples disk usage now; returns the used ratio. */
  public double checkDiskSpace() {
    return housekeeping.checkDisk();
  }

  /** Commit-log bytes written but not yet flushed to disk. */
  public long flushBehindBytes() {
    return log.unflushedBytes();
  }

  /** Number of commit-log segment files currently kept. */
  public int commitLogSegmentCount() {
    return log.files().size();
  }
}
