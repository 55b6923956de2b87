package io.kitemq.broker.filter;

import io.kitemq.broker.filter.sql.SqlExpression;
import io.kitemq.store.MessageFilter;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A SQL92 subscription as a pull filter: every consume-queue entry passes the first stage (the tag
 * hash says nothing about properties), then the stored record's properties, decoded without the
 * body, are evaluated. Immutable, thread-safe.
 */
public final class SqlFilter implements MessageFilter {

  private final SqlExpression expression;

  public SqlFilter(SqlExpression expression) {
    this.expression = expression;
  }

  public SqlExpression expression() {
    return expression;
  }

  @Override
  public boolean matchesTagsCode(long tagsCode) {
    return true;
  }

  @Override
  public boolean matchesRecord(ByteBuffer record, Supplier<Map<String, String>> properties) {
    return expression.matches(properties.get());
  }
}
