package io.kitemq.remoting.netty;

import io.kitemq.remoting.protocol.RemotingCommand;
import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link RequestProcessor} that reports each request's latency and response code to a {@link
 * RequestTimingListener}. An answer that is ready when the processor returns is reported at once;
 * one that completes later is reported from its future (one completion stage per such request). A
 * failed future is reported with response code -1. Thread-safe if the delegate is.
 */
public final class TimedProcessor implements RequestProcessor {

  private final RequestProcessor delegate;
  private final RequestTimingListener listener;

  public TimedProcessor(RequestProcessor delegate, RequestTimingListener listener) {
    this.delegate = delegate;
    this.listener = listener;
  }

  @Override
  public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request)
      throws Exception {
    long t0 = System.nanoTime();
    int code = request.code();
    CompletableFuture<RemotingCommand> result = delegate.process(channel, request);
    if (result == null) {
      return null;
    }
    if (result.isDone() && !result.isCompletedExceptionally()) {
      report(code, result.getNow(null), t0);
      return result;
    }
    return result.whenComplete(
        (response, error) -> {
          if (error != null) {
            listener.requestDone(code, -1, System.nanoTime() - t0);
          } else {
            report(code, response, t0);
          }
        });
  }

  private void report(int requestCode, RemotingCommand response, long t0) {
    if (response != null) {
      listener.requestDone(requestCode, response.code(), System.nanoTime() - t0);
    }
  }

  @Override
  public boolean rejectRequest() {
    return delegate.rejectRequest();
  }
}
