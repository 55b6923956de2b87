package io.kitemq.remoting.netty.internal;

import io.kitemq.remoting.netty.RequestProcessor;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Request code -> (processor, executor), plus an optional default for unregistered codes.
 * Thread-safe: registrations may happen while requests are dispatched.
 */
public final class ProcessorTable {

  /**
   * One registration.
   *
   * @param executor where the processor runs; null: on the I/O thread of the request's connection
   */
  public record Entry(RequestProcessor processor, Executor executor) {
    public Entry {
      Objects.requireNonNull(processor, "processor");
    }

    /** Whether requests run on their connection's I/O thread rather than on an executor. */
    public boolean onIoThread() {
      return executor == null;
    }
  }

  private final Map<Integer, Entry> byCode = new ConcurrentHashMap<>();
  private volatile Entry fallback;

  public void register(int code, RequestProcessor processor, Executor executor) {
    byCode.put(code, new Entry(processor, Objects.requireNonNull(executor, "executor")));
  }

  /** Requests with {@code code} run on their connection's I/O thread. */
  public void registerOnIoThread(int code, RequestProcessor processor) {
    byCode.put(code, new Entry(processor, null));
  }

  public void registerDefault(RequestProcessor processor, Executor executor) {
    fallback = new Entry(processor, Objects.requireNonNull(executor, "executor"));
  }

  /** The entry for {@code code}, the default entry, or null. */
  public Entry lookup(int code) {
    Entry entry = byCode.get(code);
    return entry != null ? entry : fallback;
  }
}
