package io.kitemq.store;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Decides which messages a pull returns, in two stages: first on the consume-queue tag hash code
 * (cheap, no commit-log read), then optionally on the stored record and its properties (for SQL92
 * filters). Implementations must be thread-safe if shared between pulls.
 */
@FunctionalInterface
public interface MessageFilter {

  /** Accepts everything. */
  MessageFilter ALL = tagsCode -> true;

  /** First stage: the 8-byte tag hash code of the consume-queue entry. */
  boolean matchesTagsCode(long tagsCode);

  /**
   * Second stage, after the record was found: {@code record} is the whole stored record (do not
   * modify it); {@code properties} decodes its properties on demand.
   */
  default boolean matchesRecord(ByteBuffer record, Supplier<Map<String, String>> properties) {
    return true;
  }
}
