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
   * @param inlineWhenAlone run a request on its connection's I/O thread when no further request of
   *     that connection is already read behind it, instead of handing it to {@code executor}
   */
  public record Entry(RequestProcessor processor, Executor executor, boolean inlineWhenAlone) {
    public Entry {
      Objects.requireNonNull(processor, "processor");
      Objects.requireNonNull(executor, "executor");
    }
  }

  private final Map<Integer, Entry> byCode = new ConcurrentHashMap<>();
  private volatile Entry fallback;

  public void register(int code, RequestProcessor processor, Executor executor) {
    register(code, processor, executor, false);
  }

  /** See {@link Entry#inlineWhenAlone()}. */
  public void register(
      int code, RequestProcessor processor, Executor executor, boolean inlineWhenAlone) {
    byCode.put(code, new Entry(processor, executor, inlineWhenAlone));
  }

  public void registerDefault(RequestProcessor processor, Executor executor) {
    fallback = new Entry(processor, executor, false);
  }

  /** The entry for {@code code}, the default entry, or null. */
  public Entry lookup(int code) {
    Entry entry = byCode.get(code);
    return entry != null ? entry : fallback;
  }
}
