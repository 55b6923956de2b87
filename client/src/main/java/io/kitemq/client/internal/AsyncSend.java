package io.kitemq.client.internal;

import io.kitemq.client.BrokerException;
import io.kitemq.client.ClientException;
import io.kitemq.client.producer.SendResult;
import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageQueue;
import io.kitemq.remoting.protocol.RemotingCommand;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One asynchronous send and its retries, with the rules of the synchronous path: an attempt that
 * fails on the transport or with a retryable broker code ({@link ProducerCore#RETRYABLE}) is tried
 * again on another broker, up to {@code retries} extra attempts, each with what is left of the one
 * send timeout. No thread waits: each next attempt is started by the callback of the previous one,
 * which runs on the client's callbacks pool (never the I/O thread), so route lookups and user
 * callbacks never stall I/O.
 *
 * <p>Thread-safety: attempts run one after another, each started from the completion of the one
 * before; the mutable fields are handed from attempt to attempt through those completions (which
 * order them), never touched by two threads at once.
 */
final class AsyncSend {

  private final ProducerCore core;
  private final OutgoingMessage out;
  private final List<Message> traced;
  private final long deadline;
  private final int maxAttempts;
  private final Executor callbacks;
  private final CompletableFuture<SendResult> result = new CompletableFuture<>();
  private int attempts;
  private String lastFailedBroker;
  private ClientException lastError;

  /**
   * @param traced the message(s) whose Pub records a successful attempt writes
   * @param timeoutMillis the budget of the whole send, retries included
   */
  AsyncSend(
      ProducerCore core,
      OutgoingMessage out,
      List<Message> traced,
      long timeoutMillis,
      int retries) {
    this.core = core;
    this.out = out;
    this.traced = traced;
    this.deadline = System.currentTimeMillis() + timeoutMillis;
    this.maxAttempts = retries + 1;
    this.callbacks = core.instance().callbacks();
  }

  /** Starts the first attempt; the future completes on the callbacks pool. */
  CompletableFuture<SendResult> start() {
    if (core.queuesCached(out.topic())) {
      attempt();
    } else {
      // Fetching a route blocks on a name server: not on the caller's thread.
      onCallbacks(this::attempt);
    }
    return result;
  }

  private void attempt() {
    long remaining = deadline - System.currentTimeMillis();
    if (remaining <= 0) {
      result.completeExceptionally(lastError != null ? lastError : core.timedOut());
      return;
    }
    MessageQueue queue;
    String addr;
    try {
      queue = core.choose(out.topic(), lastFailedBroker);
      addr = core.address(queue);
    } catch (ClientException e) {
      result.completeExceptionally(e);
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result.completeExceptionally(e);
      return;
    }
    attempts++;
    long begin = System.currentTimeMillis();
    core.instance()
        .remoting()
        .invokeAsync(addr, out.request(queue), remaining)
        // handle, not whenComplete: the stage after it must fail only when the continuation did.
        .handleAsync(
            (response, error) -> {
              onAnswer(queue, addr, begin, response, error);
              return null;
            },
            callbacks)
        .exceptionally(
            failure -> {
              // The callbacks pool refused the continuation (the client is closing), or it threw:
              // the caller's future must still complete.
              result.completeExceptionally(failure);
              return null;
            });
  }

  private void onAnswer(
      MessageQueue queue, String addr, long begin, RemotingCommand response, Throwable error) {
    if (error != null) {
      Throwable cause =
          error instanceof CompletionException && error.getCause() != null
              ? error.getCause()
              : error;
      lastError = new ClientException("send to " + addr + " failed", cause);
    } else {
      try {
        result.complete(core.answered(response, out, traced, queue, addr, begin));
        return;
      } catch (BrokerException e) {
        if (!ProducerCore.RETRYABLE.contains(e.code())) {
          result.completeExceptionally(e);
          return;
        }
        lastError = e;
      } catch (ClientException e) {
        result.completeExceptionally(e);
        return;
      }
    }
    core.attemptFailed(out.topic(), queue, lastError);
    lastFailedBroker = queue.brokerName();
    if (attempts >= maxAttempts) {
      result.completeExceptionally(lastError);
    } else {
      attempt();
    }
  }

  private void onCallbacks(Runnable task) {
    try {
      callbacks.execute(task);
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(new ClientException("the client is closed", e));
    }
  }
}
