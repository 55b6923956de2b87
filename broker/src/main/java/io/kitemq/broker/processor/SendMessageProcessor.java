package io.kitemq.broker.processor;

import io.kitemq.broker.metrics.BrokerMetricsListener;
import io.kitemq.broker.schedule.ScheduleMessageService;
import io.kitemq.broker.transaction.TransactionalMessageService;
import io.kitemq.common.message.BatchMessageCodec;
import io.kitemq.common.message.MessageConst;
import io.kitemq.common.message.MessageDecodeException;
import io.kitemq.common.message.MessageProperties;
import io.kitemq.common.message.MessageSysFlag;
import io.kitemq.common.message.RecordDraft;
import io.kitemq.common.message.UniqueIdGenerator;
import io.kitemq.common.topic.SystemTopics;
import io.kitemq.common.topic.TopicConfig;
import io.kitemq.common.topic.TopicPermission;
import io.kitemq.common.topic.TopicValidator;
import io.kitemq.remoting.netty.RequestProcessor;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.body.SubscriptionGroupConfig;
import io.kitemq.remoting.protocol.header.SendMessageRequestHeader;
import io.kitemq.remoting.protocol.header.SendMessageRequestHeaderV2;
import io.kitemq.remoting.protocol.header.SendMessageResponseHeader;
import io.kitemq.store.AppendRequest;
import io.kitemq.store.AppendResult;
import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * SEND_MESSAGE (10), SEND_MESSAGE_V2 (310) and SEND_BATCH_MESSAGE (320): checks the topic (exists
 * or may be auto-created from the header's template topic), the permissions, the queue id and the
 * sizes; routes retry-topic messages past their retry budget to the group's %DLQ% topic and
 * delay-level messages to SCHEDULE_TOPIC_XXXX and prepared transactional messages (TRAN_MSG=true or
 * the PREPARED sysflag) to the half topic; adds CLUSTER and UNIQ_KEY when missing; builds the
 * record draft (born host = the connection's peer) and appends it. The response is written when the
 * store's future completes; no thread waits for the flush. Thread-safe.
 */
public final class SendMessageProcessor implements RequestProcessor {

  /** The official broker's default regionId, written into messages and send answers. */
  static final String REGION_ID = "DefaultRegion";

  private final BrokerContext ctx;
  private final ScheduleMessageService schedule;
  private final TransactionalMessageService transactions;
  private final UniqueIdGenerator ids = UniqueIdGenerator.getDefault();

  /** The stamps {@link #completed} adds, the same for every message: encoded once. */
  private static final byte[] REGION_PAIR =
      MessageProperties.pair(MessageConst.PROPERTY_MSG_REGION, REGION_ID);

  private static final byte[] TRACE_PAIR =
      MessageProperties.pair(MessageConst.PROPERTY_TRACE_SWITCH, "true");
  private final byte[] clusterPair;

  public SendMessageProcessor(
      BrokerContext ctx,
      ScheduleMessageService schedule,
      TransactionalMessageService transactions) {
    this.ctx = ctx;
    this.schedule = schedule;
    this.transactions = transactions;
    this.clusterPair =
        MessageProperties.pair(MessageConst.PROPERTY_CLUSTER, ctx.config().brokerClusterName());
  }

  @Override
  public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request)
      throws Exception {
    SendMessageRequestHeader h =
        request.code() == RequestCode.SEND_MESSAGE
            ? SendMessageRequestHeader.fromExtFields(request.extFieldsOrEmpty())
            : SendMessageRequestHeaderV2.fromExtFields(request.extFieldsOrEmpty()).toV1();
    boolean batch =
        request.code() == RequestCode.SEND_BATCH_MESSAGE || Boolean.TRUE.equals(h.batch());
    byte[] body = request.body() == null ? new byte[0] : request.body();

    if (!TopicPermission.isWriteable(ctx.config().brokerPermission())) {
      return Responses.done(
          ResponseCode.NO_PERMISSION,
          "the broker[" + ctx.config().brokerName() + "] sending message is forbidden");
    }
    var invalid = TopicValidator.validateTopic(h.topic());
    if (invalid.isPresent()) {
      return Responses.done(ResponseCode.SYSTEM_ERROR, invalid.get());
    }
    if (SystemTopics.isNotAllowedSendTopic(h.topic())) {
      return Responses.done(
          ResponseCode.NO_PERMISSION, "Sending message to topic[" + h.topic() + "] is forbidden.");
    }
    if (body.length > ctx.config().storeConfig().maxMessageSize()) {
      return Responses.done(
          ResponseCode.MESSAGE_ILLEGAL,
          "message body of "
              + body.length
              + " bytes exceeds maxMessageSize "
              + ctx.config().storeConfig().maxMessageSize());
    }
    if (batch
        && MessageSysFlag.transactionType(h.sysFlag()) != MessageSysFlag.TRANSACTION_NOT_TYPE) {
      return Responses.done(
          ResponseCode.MESSAGE_ILLEGAL, "batch sending does not support transactional messages");
    }

    Target target = resolveTarget(h, batch);
    if (target.error != null) {
      return Responses.done(target.error);
    }
    if (batch) {
      return sendBatch(channel, h, target, body);
    }
    return sendOne(channel, h, target, body);
  }

  /** Where the message goes: the topic config and queue, or an error answer. */
  private static final class Target {
    String topic;
    int queueId;
    boolean toDlq;
    RemotingCommand error;
  }

  private Target resolveTarget(SendMessageRequestHeader h, boolean batch) {
    Target t = new Target();
    t.topic = h.topic();
    TopicConfig config = ctx.topics().get(h.topic());
    if (SystemTopics.isRetryTopic(h.topic())) {
      if (batch) {
        t.error =
            Responses.of(
                ResponseCode.MESSAGE_ILLEGAL,
                "batch sending does not support the retry topic " + h.topic());
        return t;
      }
      String group = h.topic().substring(SystemTopics.RETRY_GROUP_TOPIC_PREFIX.length());
      SubscriptionGroupConfig gc = ctx.groups().findOrCreate(group);
      if (gc == null) {
        t.error =
            Responses.of(
                ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST,
                "subscription group [" + group + "] does not exist");
        return t;
      }
      int max = h.maxReconsumeTimes() != null ? h.maxReconsumeTimes() : gc.retryMaxTimes();
      int times = h.reconsumeTimes() == null ? 0 : h.reconsumeTimes();
      if (times > max) {
        t.topic = SystemTopics.dlqTopic(group);
        t.queueId = 0;
        t.toDlq = true;
        ctx.topics().createIfAbsent(t.topic, 1, TopicPermission.READ_WRITE);
        return t;
      }
      if (config == null) {
        config =
            ctx.topics()
                .createIfAbsent(
                    h.topic(), Math.max(1, gc.retryQueueNums()), TopicPermission.READ_WRITE);
      }
    }
    if (config == null) {
      config = ctx.topics().createFromSend(h.topic(), h.defaultTopic(), h.defaultTopicQueueNums());
    }
    if (config == null) {
      t.error =
          Responses.of(
              ResponseCode.TOPIC_NOT_EXIST,
              "topic["
                  + h.topic()
                  + "] not exist, apply first please! (auto-creation is off or the default"
                  + " topic ["
                  + h.defaultTopic()
                  + "] cannot be inherited; create the topic with the admin tool)");
      return t;
    }
    if (!config.isWriteable()) {
      t.error =
          Responses.of(
              ResponseCode.NO_PERMISSION,
              "the topic[" + h.topic() + "] sending message is forbidden");
      return t;
    }
    int valid = Math.max(config.readQueueNums(), config.writeQueueNums());
    if (h.queueId() >= valid) {
      t.error =
          Responses.of(
              ResponseCode.SYSTEM_ERROR,
              String.format(
                  "request queueId[%d] is illegal, topic[%s] has %d queues, producer group: %s",
                  h.queueId(), h.topic(), valid, h.producerGroup()));
      return t;
    }
    t.queueId =
        h.queueId() < 0
            ? ThreadLocalRandom.current().nextInt(Math.max(1, config.writeQueueNums()))
            : h.queueId();
    return t;
  }

  private CompletableFuture<RemotingCommand> sendOne(
      Channel channel, SendMessageRequestHeader h, Target t, byte[] body) {
    byte[] props =
        h.properties() == null ? new byte[0] : h.properties().getBytes(StandardCharsets.UTF_8);
    if (props.length > Short.MAX_VALUE) {
      return Responses.done(
          ResponseCode.MESSAGE_ILLEGAL,
          "message properties of " + props.length + " bytes exceed 32767");
    }
    String topic = t.topic;
    int queueId = t.queueId;
    SendProperties found = SendProperties.scan(props);
    String uniq = found.hasUniqKey() ? found.uniqKey() : ids.next();
    props = completed(props, found, uniq);
    if (!t.toDlq && isPrepared(found, h.sysFlag())) {
      return prepare(channel, h, t, body, props, uniq);
    }
    String delay = found.delayLevel();
    long tagsCode;
    if (t.toDlq) {
      tagsCode = -1;
      if (delay != null) {
        // A dead letter is stored at once: its delay level no longer applies.
        var map = MessageProperties.decode(props, 0, props.length);
        map.remove(MessageConst.PROPERTY_DELAY_TIME_LEVEL);
        props = MessageProperties.encodeToBytes(map);
      }
    } else if (delay != null && parseLevel(delay) > 0) {
      if (schedule == null) {
        return Responses.done(
            ResponseCode.MESSAGE_ILLEGAL, "delay levels are not enabled on this broker");
      }
      int level = Math.min(parseLevel(delay), schedule.maxLevel());
      props = MessageProperties.append(props, MessageConst.PROPERTY_REAL_TOPIC, topic);
      props =
          MessageProperties.append(
              props, MessageConst.PROPERTY_REAL_QUEUE_ID, Integer.toString(queueId));
      topic = SystemTopics.SCHEDULE_TOPIC;
      queueId = level - 1;
      tagsCode = ctx.clock().getAsLong() + schedule.delayMillis(level);
    } else {
      tagsCode = -1;
    }
    RecordDraft draft;
    try {
      draft =
          RecordDraft.builder()
              .topic(topic)
              .queueId(queueId)
              .flag(h.flag())
              .sysFlag(h.sysFlag())
              .bornTimestamp(h.bornTimestamp())
              .bornHost(bornHost(channel))
              .storeHost(ctx.storeHost())
              .reconsumeTimes(h.reconsumeTimes() == null ? 0 : h.reconsumeTimes())
              .body(body)
              .propertiesBytes(props)
              .build();
    } catch (IllegalArgumentException e) {
      return Responses.done(ResponseCode.MESSAGE_ILLEGAL, e.getMessage());
    }
    boolean delayed = tagsCode != -1;
    if (tagsCode == -1) {
      tagsCode = AppendRequest.tagsCode(found.tags());
    }
    AppendRequest req = new AppendRequest(draft, topic, tagsCode, found.keys(), uniq);
    if (found.noFlushWait()) {
      req = req.withoutFlushWait();
    }
    return ctx.store()
        .append(req)
        .thenApply(
            r -> {
              countStored(r, h, t, body.length, delayed);
              return answer(r, uniq, t.queueId);
            });
  }

  private static boolean isPrepared(SendProperties found, int sysFlag) {
    return Boolean.parseBoolean(found.transactionPrepared())
        || MessageSysFlag.transactionType(sysFlag) == MessageSysFlag.TRANSACTION_PREPARED_TYPE;
  }

  /** Stores a prepared message as a half; the answer names the half's offsets. */
  private CompletableFuture<RemotingCommand> prepare(
      Channel channel,
      SendMessageRequestHeader h,
      Target t,
      byte[] body,
      byte[] props,
      String uniq) {
    RecordDraft.Builder draft =
        RecordDraft.builder()
            .flag(h.flag())
            .bornTimestamp(h.bornTimestamp())
            .bornHost(bornHost(channel))
            .storeHost(ctx.storeHost())
            .reconsumeTimes(h.reconsumeTimes() == null ? 0 : h.reconsumeTimes())
            .body(body);
    CompletableFuture<AppendResult> stored;
    try {
      stored = transactions.prepare(draft, t.topic, t.queueId, props, h.sysFlag());
    } catch (IllegalArgumentException e) {
      return Responses.done(ResponseCode.MESSAGE_ILLEGAL, e.getMessage());
    }
    return stored.thenApply(r -> answer(r, uniq, t.queueId));
  }

  /**
   * Each inner message is stored from the request's own bytes: body and properties are ranges of
   * the batch body, followed by the pairs the broker adds when missing (MSG_REGION, TRACE_ON,
   * CLUSTER, UNIQ_KEY), so nothing is decoded into a map or copied before the store writes it. The
   * properties are scanned once for the values the store indexes.
   */
  private CompletableFuture<RemotingCommand> sendBatch(
      Channel channel, SendMessageRequestHeader h, Target t, byte[] body) {
    List<BatchMessageCodec.Entry> entries;
    try {
      entries = BatchMessageCodec.scan(ByteBuffer.wrap(body));
    } catch (MessageDecodeException e) {
      return Responses.done(ResponseCode.MESSAGE_ILLEGAL, "bad batch body: " + e.getMessage());
    }
    if (entries.isEmpty()) {
      return Responses.done(ResponseCode.MESSAGE_ILLEGAL, "the batch holds no message");
    }
    InetSocketAddress born = bornHost(channel);
    int reconsumeTimes = h.reconsumeTimes() == null ? 0 : h.reconsumeTimes();
    boolean noFlushWait =
        h.properties() != null
            && SendProperties.scan(h.properties().getBytes(StandardCharsets.UTF_8)).noFlushWait();
    List<AppendRequest> requests = new ArrayList<>(entries.size());
    byte[] topicBytes = t.topic.getBytes(StandardCharsets.UTF_8);
    long bodyBytes = 0;
    try {
      for (BatchMessageCodec.Entry e : entries) {
        int propsFrom = e.propertiesPosition();
        int propsTo = propsFrom + e.propertiesLength();
        SendProperties found = SendProperties.scan(body, propsFrom, propsTo);
        if (parseLevel(found.delayLevel()) > 0) {
          return Responses.done(
              ResponseCode.MESSAGE_ILLEGAL, "a batch message cannot have a delay level");
        }
        boolean ownId = found.hasUniqKey();
        String uniq = ownId ? found.uniqKey() : ids.next();
        RecordDraft draft =
            RecordDraft.builder()
                .topicBytes(topicBytes)
                .queueId(t.queueId)
                .flag(e.flag())
                .sysFlag(h.sysFlag())
                .bornTimestamp(h.bornTimestamp())
                .bornHost(born)
                .storeHost(ctx.storeHost())
                .reconsumeTimes(reconsumeTimes)
                .body(body, e.bodyPosition(), e.bodyLength())
                .propertiesBytes(
                    body,
                    propsFrom,
                    e.propertiesLength(),
                    ownId ? null : uniqKeySuffix(body, propsFrom, propsTo, uniq))
                .build();
        AppendRequest req =
            new AppendRequest(
                draft, t.topic, AppendRequest.tagsCode(found.tags()), found.keys(), uniq);
        requests.add(noFlushWait ? req.withoutFlushWait() : req);
        bodyBytes += e.bodyLength();
      }
    } catch (IllegalArgumentException e) {
      return Responses.done(ResponseCode.MESSAGE_ILLEGAL, e.getMessage());
    }
    long batchBytes = bodyBytes;
    return ctx.store()
        .appendBatch(requests)
        .thenApply(
            r -> {
              countStored(r, h, t, batchBytes, false);
              return answer(r, null, t.queueId);
            });
  }

  /** Reports a stored send to the metrics listener (the dead-letter case too). */
  private void countStored(
      AppendResult r, SendMessageRequestHeader h, Target t, long bytes, boolean delayed) {
    if (!r.isStored()) {
      return;
    }
    BrokerMetricsListener metrics = ctx.metrics();
    metrics.messagesIn(t.topic, Math.max(1, r.messageCount()), bytes, delayed);
    if (t.toDlq) {
      metrics.sentToDlq(
          h.topic().substring(SystemTopics.RETRY_GROUP_TOPIC_PREFIX.length()), h.topic());
    }
  }

  /**
   * {@code props} plus, when {@code found} has none of them, MSG_REGION, TRACE_ON, CLUSTER and
   * UNIQ_KEY ({@code uniq}) — the official broker's set; a new array when something was added.
   */
  private byte[] completed(byte[] props, SendProperties found, String uniq) {
    return MessageProperties.appendPairs(props, addedPairs(found, uniq));
  }

  /**
   * A batch entry is stored with the properties its producer gave it, as the official broker does
   * (no CLUSTER, MSG_REGION or TRACE_ON stamps: those go on single messages only); only an entry
   * without a UNIQ_KEY gets one, so that every stored message has an id.
   */
  private static byte[] uniqKeySuffix(byte[] props, int from, int to, String uniq) {
    return MessageProperties.suffixPairs(
        props,
        from,
        to,
        MessageProperties.pair(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, uniq));
  }

  private byte[][] addedPairs(SendProperties found, String uniq) {
    return new byte[][] {
      found.hasRegion() ? null : REGION_PAIR,
      found.hasTraceOn() ? null : TRACE_PAIR,
      found.hasCluster() ? null : clusterPair,
      found.hasUniqKey()
          ? null
          : MessageProperties.pair(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, uniq)
    };
  }

  private static int parseLevel(String value) {
    if (value == null) {
      return 0;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static InetSocketAddress bornHost(Channel channel) {
    if (channel.remoteAddress() instanceof InetSocketAddress a && a.getAddress() != null) {
      return a;
    }
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }

  private RemotingCommand answer(AppendResult r, String uniqKey, int queueId) {
    ResponseCode code =
        switch (r.status()) {
          case PUT_OK -> ResponseCode.SUCCESS;
          case FLUSH_DISK_TIMEOUT -> ResponseCode.FLUSH_DISK_TIMEOUT;
          case MESSAGE_ILLEGAL, PROPERTIES_SIZE_EXCEEDED -> ResponseCode.MESSAGE_ILLEGAL;
          case DISK_FULL, SERVICE_NOT_AVAILABLE -> ResponseCode.SERVICE_NOT_AVAILABLE;
          case CREATE_MAPPED_FILE_FAILED, UNKNOWN_ERROR -> ResponseCode.SYSTEM_ERROR;
        };
    String remark =
        switch (r.status()) {
          case PUT_OK -> null;
          case DISK_FULL -> "service not available now: the broker's disk is full";
          default -> "store refused the message: " + r.status();
        };
    RemotingCommand response = Responses.of(code, remark);
    if (r.isStored()) {
      response.writeHeader(
          new SendMessageResponseHeader(
              r.offsetMsgId(), queueId, r.queueOffset(), uniqKey, null, null));
    }
    response.addExtField(MessageConst.PROPERTY_MSG_REGION, REGION_ID);
    response.addExtField(MessageConst.PROPERTY_TRACE_SWITCH, "true");
    return response;
  }
}
