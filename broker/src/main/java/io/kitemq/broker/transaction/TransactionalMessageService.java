package io.kitemq.broker.transaction;

import io.kitemq.broker.config.TopicConfigManager;
import io.kitemq.common.message.BodyMode;
import io.kitemq.common.message.MessageConst;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.MessageProperties;
import io.kitemq.common.message.RecordDraft;
import io.kitemq.common.message.StoredMessageDecoder;
import io.kitemq.common.message.UniqueIdGenerator;
import io.kitemq.common.topic.SystemTopics;
import io.kitemq.common.topic.TopicPermission;
import io.kitemq.store.AppendRequest;
import io.kitemq.store.AppendResult;
import io.kitemq.store.MessageSlice;
import io.kitemq.store.MessageStore;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The store side of transactions: appends half messages, finds a half by its commit-log offset,
 * stores the committed message, writes op records, puts a checked half back at the end of the half
 * queue and moves a half checked too often to {@value SystemTopics#TRANS_CHECK_MAX_TIME_TOPIC}.
 * Record shapes are described in {@link HalfMessages}. Creates the three system topics (one queue,
 * read-write) on first use. Thread-safe.
 */
public final class TransactionalMessageService {

  /** The half and op topics' only queue. */
  static final int QUEUE_ID = 0;

  private final MessageStore store;
  private final TopicConfigManager topics;
  private final Supplier<InetSocketAddress> storeHost;
  private final LongSupplier clock;
  private final UniqueIdGenerator ids = UniqueIdGenerator.getDefault();

  public TransactionalMessageService(
      MessageStore store,
      TopicConfigManager topics,
      Supplier<InetSocketAddress> storeHost,
      LongSupplier clock) {
    this.store = store;
    this.topics = topics;
    this.storeHost = storeHost;
    this.clock = clock;
  }

  /**
   * Turns a prepared send into its half record and appends it; the result's queue offset and
   * commit-log offset are those the producer names in END_TRANSACTION.
   *
   * @param draft the message as sent, to its real topic and queue
   */
  public CompletableFuture<AppendResult> prepare(
      RecordDraft.Builder draft, String realTopic, int realQueueId, byte[] props, int sysFlag) {
    ensureTopic(SystemTopics.TRANS_HALF_TOPIC);
    RecordDraft half =
        draft
            .topic(SystemTopics.TRANS_HALF_TOPIC)
            .queueId(QUEUE_ID)
            .sysFlag(HalfMessages.halfSysFlag(sysFlag))
            .propertiesBytes(HalfMessages.halfProperties(props, realTopic, realQueueId))
            .build();
    return store.append(AppendRequest.of(half));
  }

  /** The half message stored at {@code commitLogOffset}, or null if none is there. */
  public MessageExt findHalf(long commitLogOffset) {
    MessageSlice slice = store.lookMessageByOffset(commitLogOffset);
    if (slice == null) {
      return null;
    }
    try {
      MessageExt m = StoredMessageDecoder.decode(slice.buffer(), 0, BodyMode.RAW);
      return m != null && SystemTopics.TRANS_HALF_TOPIC.equals(m.getTopic()) ? m : null;
    } finally {
      slice.release();
    }
  }

  /** Stores the committed form of {@code half} in its real topic and queue. */
  public CompletableFuture<AppendResult> commit(MessageExt half) {
    return store.append(AppendRequest.of(HalfMessages.committed(half)));
  }

  /** Records that the half at {@code halfQueueOffset} is settled, so it is never checked again. */
  public CompletableFuture<AppendResult> writeOp(long halfQueueOffset) {
    ensureTopic(SystemTopics.TRANS_OP_HALF_TOPIC);
    Map<String, String> props = new LinkedHashMap<>();
    props.put(MessageConst.PROPERTY_TAGS, HalfMessages.REMOVE_TAG);
    props.put(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, ids.next());
    RecordDraft op =
        RecordDraft.builder()
            .topic(SystemTopics.TRANS_OP_HALF_TOPIC)
            .queueId(QUEUE_ID)
            .sysFlag(0)
            .bornTimestamp(clock.getAsLong())
            .bornHost(storeHost.get())
            .storeHost(storeHost.get())
            .body(HalfMessages.opBody(halfQueueOffset))
            .propertiesBytes(MessageProperties.encodeToBytes(props))
            .build();
    return store.append(AppendRequest.of(op));
  }

  /** Sets the check count on {@code half} and appends it again at the end of the half queue. */
  CompletableFuture<AppendResult> putBack(MessageExt half, int checkTimes) {
    half.putProperty(MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES, Integer.toString(checkTimes));
    return store.append(AppendRequest.of(RecordDraft.builderFrom(half).build()));
  }

  /** Moves a half checked too often to TRANS_CHECK_MAX_TIME_TOPIC queue 0. */
  CompletableFuture<AppendResult> discard(MessageExt half) {
    ensureTopic(SystemTopics.TRANS_CHECK_MAX_TIME_TOPIC);
    RecordDraft moved =
        RecordDraft.builderFrom(half)
            .topic(SystemTopics.TRANS_CHECK_MAX_TIME_TOPIC)
            .queueId(QUEUE_ID)
            .build();
    return store.append(AppendRequest.of(moved));
  }

  private void ensureTopic(String topic) {
    if (topics.get(topic) == null) {
      topics.createIfAbsent(topic, 1, TopicPermission.READ_WRITE);
    }
  }
}
