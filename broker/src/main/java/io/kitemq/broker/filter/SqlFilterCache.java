package io.kitemq.broker.filter;

import io.kitemq.broker.filter.sql.SqlExpression;
import io.kitemq.broker.filter.sql.SqlSyntaxException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled SQL92 filters by consumer group, topic and expression text, so a pull does not parse its
 * expression again; a failed compile is cached too (as its error). Bounded: past {@link
 * #MAX_ENTRIES} entries the cache starts over, which only costs recompiling. Thread-safe.
 */
public final class SqlFilterCache {

  static final int MAX_ENTRIES = 4096;

  private record Key(String group, String topic, String expression) {}

  /** A compiled filter, or why it does not compile. Exactly one of the two is set. */
  public record Compiled(SqlFilter filter, SqlSyntaxException error) {}

  private final Map<Key, Compiled> cache = new ConcurrentHashMap<>();

  public Compiled get(String group, String topic, String expression) {
    Key key = new Key(group, topic, expression == null ? "" : expression);
    Compiled c = cache.get(key);
    if (c != null) {
      return c;
    }
    if (cache.size() >= MAX_ENTRIES) {
      cache.clear();
    }
    return cache.computeIfAbsent(key, k -> compile(k.expression()));
  }

  /** Compiles without caching (for a one-off check such as CHECK_CLIENT_CONFIG). */
  public static Compiled compile(String expression) {
    try {
      return new Compiled(new SqlFilter(SqlExpression.compile(expression)), null);
    } catch (SqlSyntaxException e) {
      return new Compiled(null, e);
    }
  }

  int size() {
    return cache.size();
  }
}
