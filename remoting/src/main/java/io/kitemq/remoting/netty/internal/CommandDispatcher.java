package io.kitemq.remoting.netty.internal;

import io.kitemq.remoting.netty.RequestProcessor;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.ResponseCode;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes decoded commands: responses complete the pending call with the same opaque; requests run
 * on their processor's executor (or this I/O thread) and their answer is written back in the
 * request's serialization.
 *
 * <p>Remoting-level answers: no processor -> REQUEST_CODE_NOT_SUPPORTED; executor full ->
 * SYSTEM_BUSY {@code [OVERLOAD]}; processor refusing -> SYSTEM_BUSY {@code [REJECTREQUEST]};
 * processor failure -> SYSTEM_ERROR with the exception's description. A oneway request never gets
 * an answer. Sharable and thread-safe (state is in the processor table and the channels).
 */
@ChannelHandler.Sharable
public final class CommandDispatcher extends SimpleChannelInboundHandler<RemotingCommand> {

  private static final Logger LOG = LoggerFactory.getLogger(CommandDispatcher.class);

  static final String OVERLOAD_REMARK = "[OVERLOAD]system busy, start flow control for a while";
  static final String REJECT_REMARK = "[REJECTREQUEST]system busy, start flow control for a while";

  /** The name under which servers and clients add their {@code FrameDecoder}. */
  public static final String DECODER = "decoder";

  private final ProcessorTable processors;

  public CommandDispatcher(ProcessorTable processors) {
    super(RemotingCommand.class);
    this.processors = processors;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, RemotingCommand cmd) {
    if (cmd.isResponse()) {
      completeCall(ctx.channel(), cmd);
    } else {
      dispatchRequest(ctx, cmd);
    }
  }

  private static void completeCall(Channel channel, RemotingCommand response) {
    PendingCalls calls = PendingCalls.peek(channel);
    CompletableFuture<RemotingCommand> call = calls == null ? null : calls.take(response.opaque());
    if (call == null) {
      LOG.debug(
          "dropping response with unknown opaque {} from {}",
          response.opaque(),
          Addresses.remote(channel));
      return;
    }
    call.complete(response);
  }

  private void dispatchRequest(ChannelHandlerContext ctx, RemotingCommand request) {
    Channel channel = ctx.channel();
    ProcessorTable.Entry entry = processors.lookup(request.code());
    if (entry == null) {
      answer(
          channel,
          request,
          RemotingCommand.createResponse(
              ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
              " request type " + request.code() + " not supported"));
      return;
    }
    if (entry.onIoThread()) {
      process(entry.processor(), channel, request);
      return;
    }
    try {
      entry.executor().execute(() -> process(entry.processor(), channel, request));
    } catch (RejectedExecutionException e) {
      answer(
          channel,
          request,
          RemotingCommand.createResponse(ResponseCode.SYSTEM_BUSY, OVERLOAD_REMARK));
    }
  }

  private static void process(
      RequestProcessor processor, Channel channel, RemotingCommand request) {
    CompletableFuture<RemotingCommand> result;
    try {
      if (processor.rejectRequest()) {
        answer(
            channel,
            request,
            RemotingCommand.createResponse(ResponseCode.SYSTEM_BUSY, REJECT_REMARK));
        return;
      }
      result = processor.process(channel, request);
    } catch (Exception e) {
      result = CompletableFuture.failedFuture(e);
    }
    if (result == null) {
      return;
    }
    result.whenComplete(
        (response, error) -> {
          if (error != null) {
            Throwable cause = error instanceof CompletionException ? error.getCause() : error;
            if (cause == null) {
              cause = error;
            }
            LOG.debug("processor failed on request code {}", request.code(), cause);
            answer(
                channel,
                request,
                RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, describe(cause)));
          } else if (response != null) {
            answer(channel, request, response);
          }
        });
  }

  /** Writes {@code response} for {@code request}, unless the request is oneway. */
  private static void answer(Channel channel, RemotingCommand request, RemotingCommand response) {
    if (request.isOneway()) {
      response.release();
      return;
    }
    response.answer(request);
    channel.writeAndFlush(response);
  }

  static String describe(Throwable error) {
    String message = error.getMessage();
    return message == null
        ? error.getClass().getSimpleName()
        : error.getClass().getSimpleName() + ": " + message;
  }
}
