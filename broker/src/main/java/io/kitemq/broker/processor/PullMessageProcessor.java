package io.kitemq.broker.processor;

import io.kitemq.broker.client.ConsumerGroupInfo;
import io.kitemq.broker.filter.ExpressionTypes;
import io.kitemq.broker.filter.SqlFilter;
import io.kitemq.broker.filter.SqlFilterCache;
import io.kitemq.broker.filter.TagFilter;
import io.kitemq.broker.longpolling.HeldPull;
import io.kitemq.common.topic.SystemTopics;
import io.kitemq.common.topic.TopicConfig;
import io.kitemq.remoting.netty.RequestProcessor;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.body.SubscriptionData;
import io.kitemq.remoting.protocol.body.SubscriptionGroupConfig;
import io.kitemq.remoting.protocol.header.PullMessageRequestHeader;
import io.kitemq.remoting.protocol.header.PullMessageResponseHeader;
import io.kitemq.store.GetMessageResult;
import io.kitemq.store.MessageFilter;
import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * PULL_MESSAGE (11) and LITE_PULL_MESSAGE (361) with long polling. Checks topic, queue and group,
 * builds the tag or SQL92 filter (from the header when its subscription bit is set, else from the
 * group's heartbeat; SQL92 only with enablePropertyFilter, compiled once per group, topic and
 * expression), stores the piggy-backed commit offset, reads from the store and answers:
 *
 * <ul>
 *   <li>FOUND: SUCCESS, body = the stored records as zero-copy slices ({@link StoreSlicesByteBuf});
 *   <li>nothing new and the suspend bit set: the pull is parked in the hold service until a
 *       matching message arrives or {@code suspendTimeoutMillis} passes, then answered (found
 *       messages or PULL_NOT_FOUND);
 *   <li>otherwise PULL_NOT_FOUND / PULL_RETRY_IMMEDIATELY / PULL_OFFSET_MOVED with the next offset
 *       and the queue's bounds.
 * </ul>
 *
 * Thread-safe. Runs where the pull was dispatched (the I/O thread by default); resumed pulls and
 * SQL92 pulls caught on an I/O thread continue on the pull executor.
 */
public final class PullMessageProcessor implements RequestProcessor {

  static final int FLAG_COMMIT_OFFSET = 0x1;
  static final int FLAG_SUSPEND = 0x2;
  static final int FLAG_SUBSCRIPTION = 0x4;
  static final int FLAG_CLASS_FILTER = 0x8;

  private final BrokerContext ctx;

  public PullMessageProcessor(BrokerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request)
      throws Exception {
    PullMessageRequestHeader h = PullMessageRequestHeader.fromExtFields(request.extFieldsOrEmpty());
    long hold =
        ctx.config().longPollingEnable()
            ? Math.max(0, h.suspendTimeoutMillis())
            : ctx.config().shortPollingTimeMills();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(hold);
    CompletableFuture<RemotingCommand> out = new CompletableFuture<>();
    execute(channel, h, true, true, deadline, out);
    return out;
  }

  private void execute(
      Channel channel,
      PullMessageRequestHeader h,
      boolean first,
      boolean allowSuspend,
      long deadlineNanos,
      CompletableFuture<RemotingCommand> out) {
    RemotingCommand check = checkRequest(h);
    if (check != null) {
      out.complete(check);
      return;
    }
    Object f = filterOf(h);
    if (f instanceof RemotingCommand error) {
      out.complete(error);
      return;
    }
    MessageFilter filter = (MessageFilter) f;
    if (filter instanceof SqlFilter && channel.eventLoop().inEventLoop()) {
      // A SQL92 pull may decode the properties of up to 800 records it skips: that goes to the
      // pool rather than hold up every other request on this I/O thread.
      onPool(() -> execute(channel, h, first, allowSuspend, deadlineNanos, out), out);
      return;
    }
    if (first && (h.sysFlag() & FLAG_COMMIT_OFFSET) != 0 && h.commitOffset() >= 0) {
      ctx.offsets().commit(h.consumerGroup(), h.topic(), h.queueId(), h.commitOffset());
    }
    int maxBytes = h.maxMsgBytes() == null ? Integer.MAX_VALUE : h.maxMsgBytes();
    GetMessageResult r =
        ctx.store()
            .getMessages(
                h.consumerGroup(),
                h.topic(),
                h.queueId(),
                h.queueOffset(),
                Math.max(1, h.maxMsgNums()),
                maxBytes,
                filter);
    ResponseCode code = codeOf(r, h.queueOffset());
    if (code == ResponseCode.PULL_NOT_FOUND
        && allowSuspend
        && (h.sysFlag() & FLAG_SUSPEND) != 0
        && deadlineNanos - System.nanoTime() > 0) {
      r.release();
      park(channel, h, filter, deadlineNanos, out);
      return;
    }
    RemotingCommand response = Responses.of(code, r.status().name());
    response.writeHeader(
        new PullMessageResponseHeader(
            0, r.nextBeginOffset(), r.minOffset(), r.maxOffset(), null, null, null, null));
    if (code == ResponseCode.SUCCESS) {
      if (!SystemTopics.isRetryTopic(h.topic()) && !SystemTopics.isDlqTopic(h.topic())) {
        ctx.metrics()
            .messagesOut(
                h.topic(),
                h.consumerGroup(),
                h.queueId(),
                r.nextBeginOffset(),
                r.messageCount(),
                r.totalBytes());
      }
      response.setBody(new StoreSlicesByteBuf(r.messages(), r::release));
    } else {
      r.release();
    }
    out.complete(response);
  }

  private void park(
      Channel channel,
      PullMessageRequestHeader h,
      MessageFilter filter,
      long deadlineNanos,
      CompletableFuture<RemotingCommand> out) {
    HeldPull held =
        new HeldPull(
            h.topic(),
            h.queueId(),
            h.queueOffset(),
            filter,
            deadlineNanos,
            () -> resume(channel, h, true, deadlineNanos, out),
            () -> resume(channel, h, false, deadlineNanos, out));
    ctx.holdService().hold(held);
    if (ctx.store().getMaxOffset(h.topic(), h.queueId()) > h.queueOffset()) {
      ctx.holdService().wakeIfClaimable(held);
    }
  }

  private void resume(
      Channel channel,
      PullMessageRequestHeader h,
      boolean mayWaitAgain,
      long deadlineNanos,
      CompletableFuture<RemotingCommand> out) {
    if (!channel.isActive()) {
      out.complete(null);
      return;
    }
    onPool(() -> execute(channel, h, false, mayWaitAgain, deadlineNanos, out), out);
  }

  /** Runs {@code step} on the pull pool; a failure or a full pool completes {@code out}. */
  private void onPool(Runnable step, CompletableFuture<RemotingCommand> out) {
    try {
      ctx.pullExecutor()
          .execute(
              () -> {
                try {
                  step.run();
                } catch (RuntimeException e) {
                  out.completeExceptionally(e);
                }
              });
    } catch (RejectedExecutionException e) {
      out.complete(
          Responses.of(ResponseCode.SYSTEM_BUSY, "[OVERLOAD] the pull executor is full, retry"));
    }
  }

  private RemotingCommand checkRequest(PullMessageRequestHeader h) {
    TopicConfig topic = ctx.topics().get(h.topic());
    if (topic == null) {
      return Responses.of(
          ResponseCode.TOPIC_NOT_EXIST, "topic[" + h.topic() + "] not exist, apply first please!");
    }
    if (!topic.isReadable()) {
      return Responses.of(
          ResponseCode.NO_PERMISSION, "the topic[" + h.topic() + "] pulling message is forbidden");
    }
    if (h.queueId() < 0 || h.queueId() >= topic.readQueueNums()) {
      return Responses.of(
          ResponseCode.SYSTEM_ERROR,
          String.format(
              "queueId[%d] is illegal, topic:[%s] topicConfig.readQueueNums:[%d] consumer:[%s]",
              h.queueId(), h.topic(), topic.readQueueNums(), h.consumerGroup()));
    }
    SubscriptionGroupConfig group = ctx.groups().findOrCreate(h.consumerGroup());
    if (group == null) {
      return Responses.of(
          ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST,
          "subscription group [" + h.consumerGroup() + "] does not exist");
    }
    if (!group.consumeEnable()) {
      return Responses.of(
          ResponseCode.NO_PERMISSION,
          "subscription group [" + h.consumerGroup() + "] is not allowed to consume");
    }
    ConsumerGroupInfo members = ctx.consumers().group(h.consumerGroup());
    if (!group.consumeBroadcastEnable()
        && members != null
        && "BROADCASTING".equals(members.messageModel())) {
      return Responses.of(
          ResponseCode.NO_PERMISSION,
          "subscription group [" + h.consumerGroup() + "] may not consume in broadcasting mode");
    }
    return null;
  }

  /** The tag or SQL92 filter, or an error response. */
  private Object filterOf(PullMessageRequestHeader h) {
    if ((h.sysFlag() & FLAG_SUBSCRIPTION) != 0) {
      if (ExpressionTypes.isTag(h.expressionType())) {
        return TagFilter.parse(h.subscription());
      }
      return sqlFilterOf(h, h.expressionType(), h.subscription(), true);
    }
    ConsumerGroupInfo info = ctx.consumers().group(h.consumerGroup());
    if (info == null) {
      return Responses.of(
          ResponseCode.SUBSCRIPTION_NOT_EXIST,
          "the consumer's group info not exist: " + h.consumerGroup());
    }
    SubscriptionData sub = info.subscription(h.topic());
    if (sub == null) {
      return Responses.of(
          ResponseCode.SUBSCRIPTION_NOT_EXIST,
          "the consumer's subscription not exist: " + h.consumerGroup() + " / " + h.topic());
    }
    if (sub.subVersion() < h.subVersion()) {
      return Responses.of(
          ResponseCode.SUBSCRIPTION_NOT_LATEST,
          "the consumer's subscription not latest: " + h.consumerGroup() + " / " + h.topic());
    }
    if (ExpressionTypes.isTag(sub.expressionType())) {
      return TagFilter.parse(sub.subString());
    }
    return sqlFilterOf(h, sub.expressionType(), sub.subString(), false);
  }

  /**
   * A SQL92 filter from the cache, or RocketMQ's answers: a bad expression is
   * SUBSCRIPTION_PARSE_FAILED when the pull carried it, FILTER_DATA_NOT_EXIST when the heartbeat
   * did; a good one is refused with SYSTEM_ERROR while enablePropertyFilter is off.
   */
  private Object sqlFilterOf(
      PullMessageRequestHeader h, String type, String expression, boolean fromHeader) {
    if (!ExpressionTypes.isSql92(type)) {
      return unsupported(type);
    }
    SqlFilterCache.Compiled c = ctx.sqlFilters().get(h.consumerGroup(), h.topic(), expression);
    if (c.error() != null) {
      return fromHeader
          ? Responses.of(
              ResponseCode.SUBSCRIPTION_PARSE_FAILED,
              "parse the consumer's subscription failed: " + c.error().getMessage())
          : Responses.of(
              ResponseCode.FILTER_DATA_NOT_EXIST,
              "The broker's consumer filter data is not exist!Your expression may be wrong! "
                  + c.error().getMessage());
    }
    if (!ctx.config().enablePropertyFilter()) {
      return unsupported(type);
    }
    return c.filter();
  }

  private static RemotingCommand unsupported(String type) {
    return Responses.of(
        ResponseCode.SYSTEM_ERROR,
        "The broker does not support consumer to filter message by " + type);
  }

  static ResponseCode codeOf(GetMessageResult r, long requestOffset) {
    return switch (r.status()) {
      case FOUND -> ResponseCode.SUCCESS;
      case NO_MATCHED_MESSAGE, MESSAGE_WAS_REMOVING -> ResponseCode.PULL_RETRY_IMMEDIATELY;
      case NO_MESSAGE_IN_QUEUE ->
          requestOffset != 0 ? ResponseCode.PULL_OFFSET_MOVED : ResponseCode.PULL_NOT_FOUND;
      case OFFSET_FOUND_NULL, OFFSET_OVERFLOW_ONE -> ResponseCode.PULL_NOT_FOUND;
      case OFFSET_OVERFLOW_BADLY, OFFSET_TOO_SMALL -> ResponseCode.PULL_OFFSET_MOVED;
    };
  }
}
