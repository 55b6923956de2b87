package io.kitemq.remoting.protocol.body;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A string-to-string table (RocketMQ's {@code KVTable}): a KV config namespace, broker runtime
 * statistics. JSON: {@code {"table":{"k":"v"}}}. Immutable; sorted by key.
 */
public record KvTable(Map<String, String> table) {

  public KvTable {
    table =
        table == null
            ? Collections.emptySortedMap()
            : Collections.unmodifiableSortedMap(new TreeMap<>(table));
  }
}
