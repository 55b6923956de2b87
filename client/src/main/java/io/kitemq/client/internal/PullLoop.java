package io.kitemq.client.internal;

import io.kitemq.common.message.BodyMode;
import io.kitemq.common.message.MessageDecodeException;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.StoredMessageDecoder;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RemotingCommandException;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.header.PullMessageRequestHeader;
import io.kitemq.remoting.protocol.header.PullMessageResponseHeader;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long-polling pulls of every owned queue: one asynchronous PULL_MESSAGE in flight per queue, the
 * broker holding it up to 15 s when there is nothing new. Responses are handled on the consumer's
 * own thread: the next pull goes out at once, then messages are decoded, re-checked against the tag
 * expression, cached and dispatched; flow control and errors delay the next pull instead, and an
 * undecodable batch sends the queue back to its first offset.
 */
final class PullLoop {

  private static final Logger LOG = LoggerFactory.getLogger(PullLoop.class);
  static final long SUSPEND_MILLIS = 15_000;
  private static final long TIMEOUT_MILLIS = 30_000;
  private static final long FLOW_CONTROL_DELAY = 50;
  private static final long ERROR_DELAY = 1_000;
  private static final int FLAG_COMMIT_OFFSET = 1;
  private static final int FLAG_SUSPEND = 1 << 1;
  private static final int FLAG_SUBSCRIPTION = 1 << 2;

  private final ClientInstance instance;
  private final ConsumerConfig config;
  private final OffsetStore offsets;
  private final ScheduledExecutorService thread;
  private final ConsumeDispatcher dispatcher;
  private final Consumer<PullRequest> onOffsetMoved;
  private final long subVersion = System.currentTimeMillis();
  private volatile boolean stopped;

  PullLoop(
      ClientInstance instance,
      ConsumerConfig config,
      OffsetStore offsets,
      ScheduledExecutorService thread,
      ConsumeDispatcher dispatcher,
      Consumer<PullRequest> onOffsetMoved) {
    this.instance = instance;
    this.config = config;
    this.offsets = offsets;
    this.thread = thread;
    this.dispatcher = dispatcher;
    this.onOffsetMoved = onOffsetMoved;
  }

  void stop() {
    stopped = true;
  }

  void pullLater(PullRequest req, long delayMillis) {
    if (!stopped) {
      thread.schedule(() -> pull(req), delayMillis, TimeUnit.MILLISECONDS);
    }
  }

  void pull(PullRequest req) {
    ProcessQueue pq = req.processQueue;
    if (stopped || pq.isDropped()) {
      return;
    }
    long rewind = req.rewindOffset;
    if (rewind >= 0) {
      req.nextOffset = rewind;
      req.rewindOffset = -1;
    }
    if (pq.cachedCount() > config.maxCachedMessagesPerQueue()
        || pq.cachedBytes() > config.maxCachedBytesPerQueue()) {
      pullLater(req, FLOW_CONTROL_DELAY);
      return;
    }
    if (config.isOrderly() && !pq.isLocked()) {
      pullLater(req, ERROR_DELAY);
      return;
    }
    String addr = instance.brokerAddr(req.queue.brokerName(), req.suggestedBrokerId);
    if (addr == null) {
      pullLater(req, ERROR_DELAY);
      return;
    }
    TagExpression expr = expression(req.queue.topic());
    long commit = offsets.inMemory(req.queue);
    int sysFlag = FLAG_SUSPEND | FLAG_SUBSCRIPTION;
    if (commit > 0 && config.model() == io.kitemq.client.consumer.MessageModel.CLUSTERING) {
      sysFlag |= FLAG_COMMIT_OFFSET;
    }
    PullMessageRequestHeader header =
        new PullMessageRequestHeader(
            config.group(),
            req.queue.topic(),
            req.queue.queueId(),
            req.nextOffset,
            config.pullBatchSize(),
            sysFlag,
            Math.max(commit, 0),
            SUSPEND_MILLIS,
            expr.text(),
            subVersion,
            expr.type(),
            null,
            null,
            null);
    long begin = System.currentTimeMillis();
    instance
        .remoting()
        .invokeAsync(
            addr, RemotingCommand.createRequest(RequestCode.PULL_MESSAGE, header), TIMEOUT_MILLIS)
        .whenCompleteAsync(
            (response, error) -> {
              if (req.rewindOffset >= 0) {
                pullLater(req, ERROR_DELAY);
              } else if (error != null) {
                LOG.debug("pull of {} from {} failed: {}", req.queue, addr, error.toString());
                pullLater(req, ERROR_DELAY);
              } else {
                onResponse(req, response, addr, begin);
              }
            },
            thread);
  }

  private TagExpression expression(String topic) {
    TagExpression e = config.subscriptions().get(topic);
    return e != null ? e : TagExpression.parse("*");
  }

  private void onResponse(PullRequest req, RemotingCommand response, String addr, long begin) {
    PullMessageResponseHeader h;
    try {
      h = PullMessageResponseHeader.fromExtFields(response.extFieldsOrEmpty());
    } catch (RemotingCommandException e) {
      LOG.warn("bad pull response from {}: {} {}", addr, response.code(), e.getMessage());
      pullLater(req, ERROR_DELAY);
      return;
    }
    switch (response.code()) {
      case 0 -> onFound(req, response, h, addr, begin);
      case 19, 20 -> {
        req.nextOffset = h.nextBeginOffset();
        if (req.processQueue.cachedCount() == 0) {
          offsets.update(req.queue, h.nextBeginOffset());
        }
        req.suggestedBrokerId = h.suggestWhichBrokerId();
        pull(req);
      }
      case 21 -> {
        req.nextOffset = h.nextBeginOffset();
        onOffsetMoved.accept(req);
      }
      default -> {
        LOG.debug("pull of {} answered {}: {}", req.queue, response.code(), response.remark());
        pullLater(req, ERROR_DELAY);
      }
    }
  }

  private void onFound(
      PullRequest req,
      RemotingCommand response,
      PullMessageResponseHeader h,
      String addr,
      long begin) {
    // The next pull goes out before this batch is decoded, so the broker reads it meanwhile. Flow
    // control then looks at the cache without this batch: at most one batch over the limit.
    long from = req.nextOffset;
    req.nextOffset = h.nextBeginOffset();
    req.suggestedBrokerId = h.suggestWhichBrokerId();
    pull(req);
    List<MessageExt> messages;
    try {
      byte[] body = response.body();
      messages =
          body == null ? List.of() : StoredMessageDecoder.decodeAll(body, BodyMode.DECOMPRESS);
    } catch (MessageDecodeException e) {
      LOG.warn("undecodable pull body from {} for {}: {}", addr, req.queue, e.getMessage());
      req.rewindOffset = from;
      return;
    }
    TagExpression expr = expression(req.queue.topic());
    List<MessageExt> matched =
        expr.matchesAll()
            ? messages
            : messages.stream().filter(m -> expr.matches(m.getTags())).toList();
    req.stats.pulled(System.currentTimeMillis() - begin, matched.size());
    if (matched.isEmpty()) {
      if (req.processQueue.cachedCount() == 0) {
        offsets.update(req.queue, h.nextBeginOffset());
      }
    } else {
      req.processQueue.add(matched);
      dispatcher.dispatch(req, matched);
    }
  }
}
