package io.kitemq.store;

import io.kitemq.common.message.MessageConst;
import io.kitemq.common.message.MessageProperties;
import io.kitemq.common.message.RecordDraft;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Shared builders for store tests: small-file configs, messages, a steppable clock and disk. */
public final class StoreFixture {

  public static final InetSocketAddress BORN = new InetSocketAddress("127.0.0.1", 54321);
  public static final InetSocketAddress STORE = new InetSocketAddress("127.0.0.1", 10911);

  private StoreFixture() {}

  /** Segments of 64 KiB, consume-queue files of 100 entries, index files of 50 entries. */
  public static MessageStoreConfig.Builder smallConfig(Path root) {
    return MessageStoreConfig.builder()
        .storePathRootDir(root)
        .mappedFileSizeCommitLog(64 * 1024)
        .mappedFileSizeConsumeQueue(100 * MessageStoreConfig.CQ_UNIT_SIZE)
        .maxMessageSize(16 * 1024)
        .maxHashSlotNum(31)
        .maxIndexNum(50)
        .flushIntervalCommitLog(20)
        .flushIntervalConsumeQueue(50);
  }

  public static AppendRequest message(String topic, int queueId, String body) {
    return message(topic, queueId, body.getBytes(StandardCharsets.UTF_8), null, null, null, 0);
  }

  public static AppendRequest message(
      String topic, int queueId, byte[] body, String tags, String keys, String uniq, int sysFlag) {
    Map<String, String> props = new LinkedHashMap<>();
    if (tags != null) {
      props.put(MessageConst.PROPERTY_TAGS, tags);
    }
    if (keys != null) {
      props.put(MessageConst.PROPERTY_KEYS, keys);
    }
    if (uniq != null) {
      props.put(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, uniq);
    }
    RecordDraft d =
        RecordDraft.builder()
            .topic(topic)
            .queueId(queueId)
            .flag(7)
            .sysFlag(sysFlag)
            .bornTimestamp(1_700_000_000_000L)
            .bornHost(BORN)
            .storeHost(STORE)
            .body(body)
            .propertiesBytes(MessageProperties.encodeToBytes(props))
            .build();
    return AppendRequest.of(d);
  }

  /** A clock tests move by hand. */
  public static final class MutableClock extends Clock {
    private final AtomicLong millis;
    private final ZoneId zone;

    public MutableClock(Instant start) {
      this(new AtomicLong(start.toEpochMilli()), ZoneOffset.UTC);
    }

    private MutableClock(AtomicLong millis, ZoneId zone) {
      this.millis = millis;
      this.zone = zone;
    }

    public void advanceHours(long hours) {
      millis.addAndGet(hours * 3_600_000L);
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
      return new MutableClock(millis, z);
    }

    @Override
    public long millis() {
      return millis.get();
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }
  }

  /** A disk whose fullness tests set. */
  public static final class FakeDisk implements DiskUsageProbe {
    private volatile double used;

    public FakeDisk(double used) {
      this.used = used;
    }

    public void set(double ratio) {
      used = ratio;
    }

    @Override
    public double usedRatio(Path path) {
      return used;
    }
  }
}
