package io.kitemq.store;

import io.kitemq.common.message.MessageConst;
import io.kitemq.common.message.MessageProperties;
import io.kitemq.common.message.MessageSysFlag;
import io.kitemq.common.message.RecordDraft;
import io.kitemq.common.message.TagHash;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One message to append: the {@link RecordDraft} (every stored field in wire form, built by the
 * broker from the decoded send request, outside the writer lock) plus what the store needs to index
 * it without re-parsing the properties: the topic as a string, the tag hash code for the consume
 * queue, the KEYS and UNIQ_KEY values.
 *
 * <p>{@link #of(RecordDraft)} derives these from the draft (tag hash = {@code TAGS.hashCode()}, 0
 * without tag); the full constructor lets the broker supply its own tag code (e.g. the deliver time
 * for SCHEDULE_TOPIC_XXXX). Immutable; the draft's arrays must not be modified.
 */
public final class AppendRequest {

  private final RecordDraft draft;
  private final String topic;
  private final long tagsCode;
  private final String keys;
  private final String uniqKey;
  private final boolean waitForFlush;

  public AppendRequest(
      RecordDraft draft, String topic, long tagsCode, String keys, String uniqKey) {
    this(draft, topic, tagsCode, keys, uniqKey, true);
  }

  private AppendRequest(
      RecordDraft draft,
      String topic,
      long tagsCode,
      String keys,
      String uniqKey,
      boolean waitForFlush) {
    this.draft = Objects.requireNonNull(draft, "draft");
    this.topic = Objects.requireNonNull(topic, "topic");
    this.tagsCode = tagsCode;
    this.keys = keys;
    this.uniqKey = uniqKey;
    this.waitForFlush = waitForFlush;
  }

  /**
   * This request answered as soon as it is written, whatever the flush rule (a producer's {@code
   * WAIT=false}); under SYNC_FLUSH the flush thread still forces it right away, nobody waits.
   */
  public AppendRequest withoutFlushWait() {
    return new AppendRequest(draft, topic, tagsCode, keys, uniqKey, false);
  }

  /** False when the append's future completes without waiting for SYNC_FLUSH's fsync. */
  public boolean waitsForFlush() {
    return waitForFlush;
  }

  /** Derives topic, tag hash code, KEYS and UNIQ_KEY from the draft's bytes. */
  public static AppendRequest of(RecordDraft draft) {
    byte[] props = draft.propertiesBytes();
    String tags = MessageProperties.find(props, 0, props.length, MessageConst.PROPERTY_TAGS);
    String keys = MessageProperties.find(props, 0, props.length, MessageConst.PROPERTY_KEYS);
    String uniq =
        MessageProperties.find(
            props, 0, props.length, MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
    return new AppendRequest(
        draft, new String(draft.topicBytes(), StandardCharsets.UTF_8), tagsCode(tags), keys, uniq);
  }

  /** The consume-queue tag code of a TAGS value: its Java hash code, 0 for none. */
  public static long tagsCode(String tags) {
    return TagHash.of(tags);
  }

  public RecordDraft draft() {
    return draft;
  }

  public String topic() {
    return topic;
  }

  public int queueId() {
    return draft.queueId();
  }

  public long tagsCode() {
    return tagsCode;
  }

  public String keys() {
    return keys;
  }

  public String uniqKey() {
    return uniqKey;
  }

  /**
   * Prepared (half) and rollback transaction records take no queue offset and get no consume-queue
   * entry.
   */
  public boolean takesQueueOffset() {
    int tx = MessageSysFlag.transactionType(draft.sysFlag());
    return tx == MessageSysFlag.TRANSACTION_NOT_TYPE
        || tx == MessageSysFlag.TRANSACTION_COMMIT_TYPE;
  }
}
