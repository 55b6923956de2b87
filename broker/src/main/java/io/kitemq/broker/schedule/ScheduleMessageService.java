package io.kitemq.broker.schedule;

import io.kitemq.broker.config.JsonConfigFile;
import io.kitemq.common.message.BodyMode;
import io.kitemq.common.message.MessageConst;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.RecordDraft;
import io.kitemq.common.message.StoredMessageDecoder;
import io.kitemq.common.topic.SystemTopics;
import io.kitemq.remoting.protocol.body.BodyCodec;
import io.kitemq.remoting.protocol.body.BodyCodecException;
import io.kitemq.store.AppendRequest;
import io.kitemq.store.AppendResult;
import io.kitemq.store.GetMessageResult;
import io.kitemq.store.GetMessageStatus;
import io.kitemq.store.MessageFilter;
import io.kitemq.store.MessageSlice;
import io.kitemq.store.MessageStore;
import io.kitemq.store.TagsCodeResolver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delay levels: a message sent with {@code DELAY}=L is stored in {@code SCHEDULE_TOPIC_XXXX} queue
 * L-1 (its real topic and queue in REAL_TOPIC / REAL_QID, the deliver time as its consume-queue tag
 * code); this service moves each due message back to its real topic and queue, in queue order per
 * level, and records its progress per level in {@code config/delayOffset.json} ({@code
 * {"offsetTable":{"1":12,...}}}).
 *
 * <p>One scheduler thread: each level's task delivers what is due, then runs again at the next
 * message's deliver time, or after {@value #IDLE_MILLIS} ms when the level is empty. Since all
 * messages of a level have the same delay, the head of a level's queue is always the first due.
 * Thread-safe.
 */
public final class ScheduleMessageService {

  private static final Logger LOG = LoggerFactory.getLogger(ScheduleMessageService.class);
  private static final long IDLE_MILLIS = 100;
  private static final int BATCH = 32;

  /** The on-disk shape of delayOffset.json. */
  public record DelayOffsetFile(Map<Integer, Long> offsetTable) {}

  private final DelayLevels levels;
  private final MessageStore store;
  private volatile InetSocketAddress storeHost;
  private final LongSupplier clock;
  private final JsonConfigFile file;
  private final Map<Integer, Long> offsets = new ConcurrentHashMap<>();
  private ScheduledExecutorService scheduler;

  public ScheduleMessageService(
      DelayLevels levels,
      MessageStore store,
      InetSocketAddress storeHost,
      Path configDir,
      LongSupplier clock) {
    this.levels = levels;
    this.store = store;
    this.storeHost = storeHost;
    this.clock = clock;
    this.file = new JsonConfigFile(configDir.resolve("delayOffset.json"));
  }

  /** The STOREHOST of re-put messages, once the port is bound. */
  public void setStoreHost(InetSocketAddress storeHost) {
    this.storeHost = storeHost;
  }

  public int maxLevel() {
    return levels.maxLevel();
  }

  public long delayMillis(int level) {
    return levels.delayMillis(level);
  }

  /** The store's rule for rebuilding schedule-topic tag codes: store time + the level's delay. */
  public TagsCodeResolver tagsCodeResolver() {
    return (topic, props, storeTimestamp) -> {
      if (SystemTopics.SCHEDULE_TOPIC.equals(topic)) {
        String level = props.get(MessageConst.PROPERTY_DELAY_TIME_LEVEL);
        int l = level == null ? 1 : Integer.parseInt(level.trim());
        return storeTimestamp + levels.delayMillis(l);
      }
      return TagsCodeResolver.TAGS_HASH.tagsCode(topic, props, storeTimestamp);
    };
  }

  /** Loads the progress and starts one task per level. */
  public synchronized void start() {
    try {
      Optional<byte[]> bytes = file.read();
      if (bytes.isEmpty()) {
        bytes = file.readBackup();
      }
      if (bytes.isPresent()) {
        DelayOffsetFile f = BodyCodec.decode(bytes.get(), DelayOffsetFile.class);
        if (f.offsetTable() != null) {
          offsets.putAll(f.offsetTable());
        }
      }
    } catch (IOException | BodyCodecException e) {
      LOG.warn("cannot read {}, delivering delayed messages from the start", file.path(), e);
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "schedule-delivery");
              t.setDaemon(true);
              return t;
            });
    for (int level = 1; level <= levels.maxLevel(); level++) {
      int l = level;
      scheduler.schedule(() -> runLevel(l), 0, TimeUnit.MILLISECONDS);
    }
    scheduler.scheduleWithFixedDelay(this::persistQuietly, 5, 5, TimeUnit.SECONDS);
  }

  /** Progress of a level: the next schedule-queue offset to deliver. */
  public long offset(int level) {
    return offsets.getOrDefault(level, 0L);
  }

  private void runLevel(int level) {
    long next;
    try {
      next = deliverDue(level);
    } catch (RuntimeException e) {
      LOG.error("delivering delay level {} failed, retrying in 1 s", level, e);
      next = 1000;
    }
    ScheduledExecutorService s = scheduler;
    if (s != null && !s.isShutdown()) {
      s.schedule(() -> runLevel(level), next, TimeUnit.MILLISECONDS);
    }
  }

  /** Delivers the due head of a level; returns the milliseconds until the next run. */
  private long deliverDue(int level) {
    int queueId = level - 1;
    long offset = offset(level);
    try (GetMessageResult r =
        store.getMessages(
            SystemTopics.SCHEDULE_CONSUMER_GROUP,
            SystemTopics.SCHEDULE_TOPIC,
            queueId,
            offset,
            BATCH,
            Integer.MAX_VALUE,
            MessageFilter.ALL)) {
      if (r.status() != GetMessageStatus.FOUND) {
        if (r.nextBeginOffset() != offset
            && (r.status() == GetMessageStatus.OFFSET_TOO_SMALL
                || r.status() == GetMessageStatus.OFFSET_OVERFLOW_BADLY
                || r.status() == GetMessageStatus.OFFSET_FOUND_NULL)) {
          offsets.put(level, r.nextBeginOffset());
        }
        return IDLE_MILLIS;
      }
      for (MessageSlice slice : r.messages()) {
        MessageExt msg = StoredMessageDecoder.decode(slice.buffer(), 0, BodyMode.RAW);
        long due = msg.getStoreTimestamp() + levels.delayMillis(level);
        long now = clock.getAsLong();
        if (due > now) {
          return Math.max(1, due - now);
        }
        if (!redeliver(msg)) {
          return 1000;
        }
        offsets.put(level, slice.queueOffset() + 1);
      }
      return 0;
    }
  }

  private boolean redeliver(MessageExt msg) {
    String realTopic = msg.getProperty(MessageConst.PROPERTY_REAL_TOPIC);
    String realQid = msg.getProperty(MessageConst.PROPERTY_REAL_QUEUE_ID);
    if (realTopic == null || realQid == null) {
      LOG.warn("dropping a schedule-topic message without REAL_TOPIC/REAL_QID: {}", msg);
      return true;
    }
    msg.removeProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL);
    msg.removeProperty(MessageConst.PROPERTY_REAL_TOPIC);
    msg.removeProperty(MessageConst.PROPERTY_REAL_QUEUE_ID);
    RecordDraft draft =
        RecordDraft.builderFrom(msg)
            .topic(realTopic)
            .queueId(Integer.parseInt(realQid.trim()))
            .storeHost(storeHost)
            .build();
    try {
      AppendResult result = store.append(AppendRequest.of(draft)).get(10, TimeUnit.SECONDS);
      return result.isStored();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("re-putting a delayed message failed", e);
      return false;
    }
  }

  private void persistQuietly() {
    try {
      persist();
    } catch (IOException e) {
      LOG.warn("cannot write {}", file.path(), e);
    }
  }

  /** Writes the per-level progress. */
  public void persist() throws IOException {
    file.write(BodyCodec.encode(new DelayOffsetFile(new TreeMap<>(offsets))));
  }

  /** Stops delivering and persists the progress. */
  public synchronized void shutdown() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      try {
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      scheduler = null;
    }
    persistQuietly();
  }
}
