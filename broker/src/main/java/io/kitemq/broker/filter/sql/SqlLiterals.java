package io.kitemq.broker.filter.sql;

import io.kitemq.broker.filter.sql.SqlNode.Constant;

/**
 * Numeric literals typed as RocketMQ types them: an integer is an {@link Integer} when it fits,
 * else a {@link Long} (beyond a long is an error); a decimal is a {@link Double} that must be
 * finite and at least {@link Double#MIN_VALUE} (so RocketMQ rejects {@code 0.0}, and so do we).
 * Stateless.
 */
final class SqlLiterals {

  private SqlLiterals() {}

  static Constant integer(SqlToken t) throws SqlSyntaxException {
    String text = t.text();
    if (text.endsWith("l") || text.endsWith("L")) {
      text = text.substring(0, text.length() - 1);
    }
    long v;
    try {
      v = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new SqlSyntaxException(t.position(), "integer " + t.text() + " is out of range");
    }
    Object value = v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Object) (int) v : v;
    return new Constant(value, false);
  }

  static Constant decimal(SqlToken t) throws SqlSyntaxException {
    double v = Double.parseDouble(t.text());
    if (v > Double.MAX_VALUE) {
      throw new SqlSyntaxException(t.position(), "decimal " + t.text() + " is out of range");
    }
    if (v < Double.MIN_VALUE) {
      throw new SqlSyntaxException(
          t.position(), "decimal " + t.text() + " is below the smallest accepted value");
    }
    return new Constant(v, false);
  }
}
