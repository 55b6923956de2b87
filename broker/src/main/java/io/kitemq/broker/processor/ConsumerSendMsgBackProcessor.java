package io.kitemq.broker.processor;

import io.kitemq.broker.schedule.ScheduleMessageService;
import io.kitemq.common.message.BodyMode;
import io.kitemq.common.message.MessageConst;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.RecordDraft;
import io.kitemq.common.message.StoredMessageDecoder;
import io.kitemq.common.topic.SystemTopics;
import io.kitemq.common.topic.TopicPermission;
import io.kitemq.remoting.netty.RequestProcessor;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.body.SubscriptionGroupConfig;
import io.kitemq.remoting.protocol.header.ConsumerSendMsgBackRequestHeader;
import io.kitemq.store.AppendRequest;
import io.kitemq.store.MessageSlice;
import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * CONSUMER_SEND_MSG_BACK (36): a message the consumer failed to process is re-stored for a later
 * retry. The original is read by its commit-log offset; the copy gets reconsumeTimes + 1,
 * RETRY_TOPIC (the original topic, kept from the first failure) and ORIGIN_MESSAGE_ID. Within the
 * retry budget it goes to %RETRY%group after delay level {@code 3 + reconsumeTimes} (or the
 * header's level) through SCHEDULE_TOPIC_XXXX; past it (or with a negative level) to %DLQ%group
 * queue 0. Thread-safe.
 */
public final class ConsumerSendMsgBackProcessor implements RequestProcessor {

  private final BrokerContext ctx;
  private final ScheduleMessageService schedule;

  public ConsumerSendMsgBackProcessor(BrokerContext ctx, ScheduleMessageService schedule) {
    this.ctx = ctx;
    this.schedule = schedule;
  }

  @Override
  public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request)
      throws Exception {
    ConsumerSendMsgBackRequestHeader h =
        ConsumerSendMsgBackRequestHeader.fromExtFields(request.extFieldsOrEmpty());
    SubscriptionGroupConfig group = ctx.groups().findOrCreate(h.group());
    if (group == null) {
      return Responses.done(
          ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST,
          "subscription group [" + h.group() + "] does not exist");
    }
    if (group.retryQueueNums() <= 0) {
      return Responses.done(Responses.success());
    }
    MessageExt msg;
    try (MessageSlice slice = ctx.store().lookMessageByOffset(h.offset())) {
      if (slice == null) {
        return Responses.done(
            ResponseCode.SYSTEM_ERROR, "look message by offset failed, " + h.offset());
      }
      msg = StoredMessageDecoder.decode(slice.buffer(), 0, BodyMode.RAW);
    }
    if (msg.getProperty(MessageConst.PROPERTY_RETRY_TOPIC) == null) {
      msg.putProperty(MessageConst.PROPERTY_RETRY_TOPIC, msg.getTopic());
    }
    if (msg.getProperty(MessageConst.PROPERTY_ORIGIN_MESSAGE_ID) == null) {
      String origin =
          h.originMsgId() == null || h.originMsgId().isBlank() ? msg.getMsgId() : h.originMsgId();
      msg.putProperty(MessageConst.PROPERTY_ORIGIN_MESSAGE_ID, origin);
    }
    int max = h.maxReconsumeTimes() != null ? h.maxReconsumeTimes() : group.retryMaxTimes();
    int delayLevel = h.delayLevel();
    String topic;
    int queueId;
    long tagsCode = -1;
    boolean toDlq = msg.getReconsumeTimes() >= max || delayLevel < 0;
    if (toDlq) {
      topic = SystemTopics.dlqTopic(h.group());
      queueId = 0;
      ctx.topics().createIfAbsent(topic, 1, TopicPermission.READ_WRITE);
      msg.removeProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL);
    } else {
      String retry = SystemTopics.retryTopic(h.group());
      int retryQueue = ThreadLocalRandom.current().nextInt(group.retryQueueNums());
      ctx.topics().createIfAbsent(retry, group.retryQueueNums(), TopicPermission.READ_WRITE);
      int level = delayLevel == 0 ? 3 + msg.getReconsumeTimes() : delayLevel;
      level = Math.min(level, schedule.maxLevel());
      msg.putProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL, Integer.toString(level));
      msg.putProperty(MessageConst.PROPERTY_REAL_TOPIC, retry);
      msg.putProperty(MessageConst.PROPERTY_REAL_QUEUE_ID, Integer.toString(retryQueue));
      topic = SystemTopics.SCHEDULE_TOPIC;
      queueId = level - 1;
      tagsCode = ctx.clock().getAsLong() + schedule.delayMillis(level);
    }
    RecordDraft draft =
        RecordDraft.builderFrom(msg)
            .topic(topic)
            .queueId(queueId)
            .reconsumeTimes(msg.getReconsumeTimes() + 1)
            .storeHost(ctx.storeHost())
            .build();
    AppendRequest req = AppendRequest.of(draft);
    if (tagsCode != -1) {
      req = new AppendRequest(draft, topic, tagsCode, req.keys(), req.uniqKey());
    }
    return ctx.store()
        .append(req)
        .thenApply(
            r -> {
              if (r.isStored() && toDlq) {
                ctx.metrics()
                    .sentToDlq(h.group(), msg.getProperty(MessageConst.PROPERTY_RETRY_TOPIC));
              }
              return r.isStored()
                  ? Responses.success()
                  : Responses.of(
                      ResponseCode.SYSTEM_ERROR, "storing the retry message failed: " + r.status());
            });
  }
}
