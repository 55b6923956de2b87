package io.kitemq.broker.processor;

import io.kitemq.remoting.netty.RequestProcessor;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.ResponseCode;
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
 * (29) and GET_EARLIEST_MSG_STORETIME (32), answered from the store. Thread-safe.
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
        response.writeHeader(
            new SearchOffsetResponseHeader(
                ctx.store().getOffsetByTime(h.topic(), h.queueId(), h.timestamp())));
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
}
