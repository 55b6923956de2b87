package io.kitemq.broker.pop;

import io.kitemq.broker.filter.TagFilter;
import io.kitemq.broker.longpolling.HeldPull;
import io.kitemq.broker.processor.BrokerContext;
import io.kitemq.common.message.MessageConst;
import io.kitemq.common.topic.TopicConfig;
import io.kitemq.remoting.netty.RequestProcessor;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.body.SubscriptionGroupConfig;
import io.kitemq.remoting.protocol.header.PopMessageRequestHeader;
import io.kitemq.remoting.protocol.header.PopMessageResponseHeader;
import io.kitemq.store.MessageFilter;
import io.netty.channel.Channel;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * POP_MESSAGE (200050): checks the request, pops the asked queue (or every readable queue of the
 * topic, starting at a rotating one, for {@code queueId} -1) with {@link QueuePopper}, and answers
 * SUCCESS with the records and the offset info strings. When nothing is available and {@code
 * pollTime} is positive the pop waits in the broker's long-polling service, one parked entry per
 * queue sharing one resume guard, until a message arrives on one of them, the earliest lease of
 * those queues expires, or {@code pollTime} ends (then POLLING_TIMEOUT); with {@code pollTime} 0 it
 * answers PULL_NOT_FOUND at once. Every answer carries the response header. Thread-safe; resumed
 * pops run on the pull executor.
 */
public final class PopMessageProcessor implements RequestProcessor {

  /** Pops that may wait in long polling at once; more are answered POLLING_FULL. */
  public static final int MAX_PARKED = 10_000;

  /** The most messages one pop may ask for (as Apache's broker). */
  static final int MAX_MSG_NUMS = 32;

  /** The revive queue id written into handles; 999 would mean an orderly pop. */
  static final int REVIVE_QID = 0;

  private final BrokerContext ctx;
  private final QueuePopper popper;
  private final AtomicInteger parked = new AtomicInteger();
  private final AtomicInteger rotation = new AtomicInteger();

  PopMessageProcessor(BrokerContext ctx, QueuePopper popper) {
    this.ctx = ctx;
    this.popper = popper;
  }

  @Override
  public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request)
      throws Exception {
    PopMessageRequestHeader h = PopMessageRequestHeader.fromExtFields(request.extFieldsOrEmpty());
    long now = ctx.clock().getAsLong();
    CompletableFuture<RemotingCommand> out = new CompletableFuture<>();
    Object checked = check(h, now);
    if (checked instanceof RemotingCommand error) {
      out.complete(error);
      return out;
    }
    Pop pop = (Pop) checked;
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, h.pollTime()));
    attempt(channel, pop, deadline, out);
    return out;
  }

  /** A checked request: the header plus what was looked up for it. */
  private record Pop(
      PopMessageRequestHeader header, MessageFilter filter, int retryMaxTimes, int[] queues) {}

  /** A {@link Pop} or an error response. */
  private Object check(PopMessageRequestHeader h, long now) {
    if (h.order()) {
      return error(
          ResponseCode.INVALID_PARAMETER,
          "orderly pop (order=true) is not supported by this broker; pop with order=false");
    }
    if (h.maxMsgNums() < 1 || h.maxMsgNums() > MAX_MSG_NUMS) {
      return error(
          ResponseCode.INVALID_PARAMETER,
          "maxMsgNums [" + h.maxMsgNums() + "] must be between 1 and " + MAX_MSG_NUMS);
    }
    if (h.invisibleTime() <= 0) {
      return error(
          ResponseCode.INVALID_PARAMETER,
          "invisibleTime [" + h.invisibleTime() + "] must be positive");
    }
    if (h.pollTime() > 0 && now - h.bornTime() > h.pollTime()) {
      return error(
          ResponseCode.POLLING_TIMEOUT,
          "the pop was born " + (now - h.bornTime()) + " ms ago, more than its pollTime");
    }
    TopicConfig topic = ctx.topics().get(h.topic());
    if (topic == null) {
      return error(
          ResponseCode.TOPIC_NOT_EXIST, "topic[" + h.topic() + "] not exist, apply first please!");
    }
    if (!topic.isReadable()) {
      return error(
          ResponseCode.NO_PERMISSION, "the topic[" + h.topic() + "] peeking message is forbidden");
    }
    if (h.queueId() < -1 || h.queueId() >= topic.readQueueNums()) {
      return error(
          ResponseCode.INVALID_PARAMETER,
          String.format(
              "queueId[%d] is illegal, topic:[%s] topicConfig.readQueueNums:[%d] consumer:[%s]",
              h.queueId(), h.topic(), topic.readQueueNums(), h.consumerGroup()));
    }
    SubscriptionGroupConfig group = ctx.groups().findOrCreate(h.consumerGroup());
    if (group == null) {
      return error(
          ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST,
          "subscription group [" + h.consumerGroup() + "] does not exist");
    }
    if (!group.consumeEnable()) {
      return error(
          ResponseCode.NO_PERMISSION,
          "subscription group [" + h.consumerGroup() + "] is not allowed to consume");
    }
    String type = h.expType();
    if (type != null && !type.isEmpty() && !"TAG".equals(type)) {
      return error(
          ResponseCode.SYSTEM_ERROR,
          "The broker does not support consumer to filter message by " + type);
    }
    return new Pop(h, tagFilter(h.exp()), group.retryMaxTimes(), queues(h, topic));
  }

  private int[] queues(PopMessageRequestHeader h, TopicConfig topic) {
    if (h.queueId() >= 0) {
      return new int[] {h.queueId()};
    }
    int n = topic.readQueueNums();
    int start = Math.floorMod(rotation.getAndIncrement(), Math.max(1, n));
    int[] q = new int[n];
    for (int i = 0; i < n; i++) {
      q[i] = (start + i) % n;
    }
    return q;
  }

  /** The tag-code filter, with the tag string checked on the record against hash collisions. */
  private static MessageFilter tagFilter(String exp) {
    TagFilter tags = TagFilter.parse(exp);
    if (tags.acceptsAll()) {
      return tags;
    }
    return new MessageFilter() {
      @Override
      public boolean matchesTagsCode(long tagsCode) {
        return tags.matchesTagsCode(tagsCode);
      }

      @Override
      public boolean matchesRecord(ByteBuffer record, Supplier<Map<String, String>> properties) {
        return tags.tags().contains(properties.get().get(MessageConst.PROPERTY_TAGS));
      }
    };
  }

  private void attempt(
      Channel channel, Pop pop, long deadlineNanos, CompletableFuture<RemotingCommand> out) {
    PopMessageRequestHeader h = pop.header();
    long now = ctx.clock().getAsLong();
    QueuePopper.Request req =
        new QueuePopper.Request(
            h.consumerGroup(),
            h.topic(),
            h.initMode(),
            pop.filter(),
            h.maxMsgNums(),
            h.invisibleTime(),
            pop.retryMaxTimes(),
            now);
    PopBatch batch = new PopBatch();
    for (int q : pop.queues()) {
      if (batch.count() >= h.maxMsgNums() || batch.bytes() >= QueuePopper.MAX_BATCH_BYTES) {
        break;
      }
      popper.pop(req, q, batch);
    }
    if (batch.count() > 0) {
      RemotingCommand response = RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
      response.writeHeader(
          new PopMessageResponseHeader(
              now,
              h.invisibleTime(),
              REVIVE_QID,
              batch.restNum(),
              batch.startOffsetInfo(),
              batch.msgOffsetInfo(),
              null));
      response.setBody(batch.body());
      out.complete(response);
      return;
    }
    if (h.pollTime() <= 0) {
      out.complete(empty(ResponseCode.PULL_NOT_FOUND, "no new message", now, h, batch));
      return;
    }
    if (deadlineNanos - System.nanoTime() <= 0) {
      out.complete(empty(ResponseCode.POLLING_TIMEOUT, "no new message", now, h, batch));
      return;
    }
    if (parked.incrementAndGet() > MAX_PARKED) {
      parked.decrementAndGet();
      out.complete(
          empty(ResponseCode.POLLING_FULL, "too many pops waiting, retry later", now, h, batch));
      return;
    }
    park(channel, pop, deadlineNanos, now, out);
  }

  private void park(
      Channel channel,
      Pop pop,
      long deadlineNanos,
      long now,
      CompletableFuture<RemotingCommand> out) {
    PopMessageRequestHeader h = pop.header();
    PopLeaseTable table = popper.table();
    long wake = deadlineNanos;
    List<QueueLeases> leases = new ArrayList<>(pop.queues().length);
    for (int q : pop.queues()) {
      QueueLeases l = table.get(h.consumerGroup(), h.topic(), q, h.initMode());
      leases.add(l);
      long earliest = l.earliestDeadline();
      if (earliest != Long.MAX_VALUE) {
        long inNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(0, earliest - now));
        wake = Math.min(wake, System.nanoTime() + inNanos);
      }
    }
    AtomicBoolean resumed = new AtomicBoolean();
    List<HeldPull> siblings = new ArrayList<>(pop.queues().length);
    Runnable resume =
        () -> {
          if (!resumed.compareAndSet(false, true)) {
            return;
          }
          parked.decrementAndGet();
          for (HeldPull s : siblings) {
            ctx.holdService().wakeIfClaimable(s);
          }
          resume(channel, pop, deadlineNanos, out);
        };
    for (int i = 0; i < pop.queues().length; i++) {
      siblings.add(
          new HeldPull(
              h.topic(),
              pop.queues()[i],
              leases.get(i).nextOffset(),
              pop.filter(),
              wake,
              resume,
              resume));
    }
    for (HeldPull s : siblings) {
      ctx.holdService().hold(s);
    }
    for (int i = 0; i < pop.queues().length; i++) {
      if (ctx.store().getMaxOffset(h.topic(), pop.queues()[i]) > leases.get(i).nextOffset()) {
        ctx.holdService().wakeIfClaimable(siblings.get(i));
        return;
      }
    }
  }

  private void resume(
      Channel channel, Pop pop, long deadlineNanos, CompletableFuture<RemotingCommand> out) {
    if (!channel.isActive()) {
      out.complete(null);
      return;
    }
    try {
      ctx.pullExecutor()
          .execute(
              () -> {
                try {
                  attempt(channel, pop, deadlineNanos, out);
                } catch (RuntimeException e) {
                  out.completeExceptionally(e);
                }
              });
    } catch (RejectedExecutionException e) {
      out.complete(error(ResponseCode.SYSTEM_BUSY, "[OVERLOAD] the pull executor is full, retry"));
    }
  }

  private static RemotingCommand empty(
      ResponseCode code, String remark, long now, PopMessageRequestHeader h, PopBatch batch) {
    RemotingCommand response = RemotingCommand.createResponse(code, remark);
    response.writeHeader(
        new PopMessageResponseHeader(
            now, h.invisibleTime(), REVIVE_QID, batch.restNum(), null, null, null));
    return response;
  }

  static RemotingCommand error(ResponseCode code, String remark) {
    return RemotingCommand.createResponse(code, remark);
  }
}
