package io.kitemq.broker.processor;

import io.kitemq.remoting.netty.RequestProcessor;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.header.QueryMessageRequestHeader;
import io.kitemq.remoting.protocol.header.QueryMessageResponseHeader;
import io.kitemq.remoting.protocol.header.ViewMessageRequestHeader;
import io.kitemq.store.MessageSlice;
import io.kitemq.store.QueryMessageResult;
import io.netty.channel.Channel;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * QUERY_MESSAGE (12, by KEYS word or, with {@code _UNIQUE_KEY_QUERY=true}, by UNIQ_KEY) and
 * VIEW_MESSAGE_BY_ID (33, by commit-log offset). Bodies are the stored records, sent as zero-copy
 * slices released when Netty releases the body. Thread-safe.
 */
public final class QueryMessageProcessor implements RequestProcessor {

  private static final String UNIQUE_KEY_QUERY = "_UNIQUE_KEY_QUERY";

  private final BrokerContext ctx;

  public QueryMessageProcessor(BrokerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request)
      throws Exception {
    if (request.code() == RequestCode.VIEW_MESSAGE_BY_ID) {
      return Responses.done(view(request));
    }
    QueryMessageRequestHeader h =
        QueryMessageRequestHeader.fromExtFields(request.extFieldsOrEmpty());
    boolean unique = "true".equals(request.extFieldsOrEmpty().get(UNIQUE_KEY_QUERY));
    int maxNum = unique ? Math.max(h.maxNum(), 32) : Math.max(1, h.maxNum());
    QueryMessageResult r =
        ctx.store().queryMessage(h.topic(), h.key(), maxNum, h.beginTimestamp(), h.endTimestamp());
    if (r.messages().isEmpty()) {
      r.release();
      return Responses.done(
          ResponseCode.QUERY_NOT_FOUND, "can not find message, maybe time range not correct");
    }
    RemotingCommand response = Responses.success();
    response.writeHeader(
        new QueryMessageResponseHeader(r.indexLastUpdateTimestamp(), r.indexLastUpdatePhyOffset()));
    response.setBody(new StoreSlicesByteBuf(r.messages(), r::release));
    return Responses.done(response);
  }

  private RemotingCommand view(RemotingCommand request) throws Exception {
    ViewMessageRequestHeader h = ViewMessageRequestHeader.fromExtFields(request.extFieldsOrEmpty());
    MessageSlice slice = ctx.store().lookMessageByOffset(h.offset());
    if (slice == null) {
      return Responses.of(
          ResponseCode.SYSTEM_ERROR, "can not find message by the offset, " + h.offset());
    }
    RemotingCommand response = Responses.success();
    response.setBody(new StoreSlicesByteBuf(List.of(slice), slice::release));
    return response;
  }
}
