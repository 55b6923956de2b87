package io.kitemq.broker.processor;

import io.kitemq.remoting.netty.RequestProcessor;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.header.BoundaryType;
import io.kitemq.remoting.protocol.header.GetEarliestMsgStoretimeRequestHeader;
import io.kitemq.remoting.protocol.header.GetEarliestMsgStoretimeResponseHeader;
import io.kitemq.remoting.protocol.header.GetMaxOffsetRequestHeader;
import io.kitemq.remoting.protocol.header.GetMaxOffsetResponseHeader;
import io.kitemq.remoting.protocol.header.GetMinOffsetRequestHeader;
import io.kitemq.remoting.protocol.header.GetMinOffsetResponseHeader;
import io.kitemq.remoting.protocol.header.SearchOffsetRequestHeader;
import io.kitemq.remoting.protocol.header.SearchOffsetResponseHeader;
import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;

/**
 * Queue bounds and lookups: GET_MAX_OFFSET (30), GET_MIN_OFFSET (31), SEARCH_OFFSET_BY_TIMESTAMP
 * (29, LOWER or UPPER boundary) and GET_EARLIEST_MSG_STORETIME (32), answered from the store.
 * Thread-safe.
 */
public final class QueueOffsetProcessor implements RequestProcessor {

  private final BrokerContext ctx;

  public QueueOffsetProcessor(BrokerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request)
      throws Exception {
    var ext = request.extFieldsOrEmpty();
    RemotingCommand response = Responses.success();
    switch (request.code()) {
      case RequestCode.GET_MAX_OFFSET -> {
        GetMaxOffsetRequestHeader h = GetMaxOffsetRequestHeader.fromExtFields(ext);
        response.writeHeader(
            new GetMaxOffsetResponseHeader(ctx.store().getMaxOffset(h.topic(), h.queueId())));
      }
      case RequestCode.GET_MIN_OFFSET -> {
        GetMinOffsetRequestHeader h = GetMinOffsetRequestHeader.fromExtFields(ext);
        response.writeHeader(
            new GetMinOffsetResponseHeader(ctx.store().getMinOffset(h.topic(), h.queueId())));
      }
      case RequestCode.SEARCH_OFFSET_BY_TIMESTAMP -> {
        SearchOffsetRequestHeader h = SearchOffsetRequestHeader.fromExtFields(ext);
        long offset =
            h.boundaryType() == BoundaryType.UPPER
                ? lastOffsetAtOrBefore(h.topic(), h.queueId(), h.timestamp())
                : ctx.store().getOffsetByTime(h.topic(), h.queueId(), h.timestamp());
        response.writeHeader(new SearchOffsetResponseHeader(offset));
      }
      case RequestCode.GET_EARLIEST_MSG_STORETIME -> {
        GetEarliestMsgStoretimeRequestHeader h =
            GetEarliestMsgStoretimeRequestHeader.fromExtFields(ext);
        response.writeHeader(
            new GetEarliestMsgStoretimeResponseHeader(
                ctx.store().getEarliestMessageTime(h.topic(), h.queueId())));
      }
      default ->
          response =
              Responses.of(
                  ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                  "request code " + request.code() + " not supported");
    }
    return Responses.done(response);
  }

  /**
   * The UPPER boundary: the last queue offset whose store time is at or before {@code timestamp}
   * (the end of a run of equal times), or the min offset when every message is later. Store times
   * never decrease along a queue, so a binary search over the queue's offsets finds it.
   */
  private long lastOffsetAtOrBefore(String topic, int queueId, long timestamp) {
    long lo = ctx.store().getMinOffset(topic, queueId);
    long hi = ctx.store().getMaxOffset(topic, queueId) - 1;
    long found = -1;
    while (lo <= hi) {
      long mid = (lo + hi) >>> 1;
      long t = ctx.store().getMessageStoreTimestamp(topic, queueId, mid);
      if (t >= 0 && t <= timestamp) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found >= 0 ? found : ctx.store().getMinOffset(topic, queueId);
  }
}
