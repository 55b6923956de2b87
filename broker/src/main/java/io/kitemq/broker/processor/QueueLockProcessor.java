package io.kitemq.broker.processor;

import io.kitemq.common.message.MessageQueue;
import io.kitemq.remoting.netty.RequestProcessor;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.body.BodyCodec;
import io.kitemq.remoting.protocol.body.BodyCodecException;
import io.kitemq.remoting.protocol.body.LockBatchRequestBody;
import io.kitemq.remoting.protocol.body.LockBatchResponseBody;
import io.netty.channel.Channel;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * LOCK_BATCH_MQ (41) and UNLOCK_BATCH_MQ (42) for orderly consumers, on the {@link
 * io.kitemq.broker.client.QueueLockManager}. Thread-safe.
 */
public final class QueueLockProcessor implements RequestProcessor {

  private final BrokerContext ctx;

  public QueueLockProcessor(BrokerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) {
    LockBatchRequestBody body;
    try {
      body = BodyCodec.decode(request.body(), LockBatchRequestBody.class);
    } catch (BodyCodecException e) {
      return Responses.done(ResponseCode.SYSTEM_ERROR, "bad lock body: " + e.getMessage());
    }
    if (body.consumerGroup() == null || body.clientId() == null) {
      return Responses.done(
          ResponseCode.SYSTEM_ERROR, "lock body needs consumerGroup and clientId");
    }
    if (request.code() == RequestCode.UNLOCK_BATCH_MQ) {
      ctx.locks().unlock(body.consumerGroup(), body.mqSet(), body.clientId());
      return Responses.done(Responses.success());
    }
    Set<MessageQueue> locked =
        ctx.locks().tryLock(body.consumerGroup(), body.mqSet(), body.clientId());
    RemotingCommand response = Responses.success();
    response.setBody(BodyCodec.encode(new LockBatchResponseBody(locked)));
    return Responses.done(response);
  }
}
