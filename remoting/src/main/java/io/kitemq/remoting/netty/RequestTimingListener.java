package io.kitemq.remoting.netty;

/**
 * Told how long each request took and how it was answered, by a {@link TimedProcessor}; a metrics
 * system implements it (the broker's and the name server's hooks for request latency), so that
 * servers count requests without depending on one. Called on request threads, once per request:
 * implementations must be thread-safe, must not block and should not allocate.
 */
@FunctionalInterface
public interface RequestTimingListener {

  /**
   * A request with {@code requestCode} was answered with {@code responseCode} after {@code nanos}
   * (from the start of processing to the answer being ready); -1 when processing failed.
   */
  void requestDone(int requestCode, int responseCode, long nanos);
}
