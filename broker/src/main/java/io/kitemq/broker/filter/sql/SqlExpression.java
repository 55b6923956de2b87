package io.kitemq.broker.filter.sql;

import java.util.Map;
import java.util.Objects;

/**
 * A compiled SQL92 filter expression (RocketMQ's {@code MessageSelector.bySql}) over message
 * properties. A message matches only when the expression is TRUE: unknown (an absent property in a
 * comparison) and evaluation failures (a property that does not parse as the number it is compared
 * with) do not match, as with RocketMQ.
 *
 * <p>One deliberate difference: RocketMQ stops parsing at the first token that cannot continue the
 * expression and ignores the rest ({@code a = 1 b} is {@code a = 1}); here trailing input is a
 * syntax error.
 *
 * <p>Immutable and thread-safe; {@link #matches} allocates nothing unless a property has to be
 * parsed as a number it does not fit.
 */
public final class SqlExpression {

  private final String text;
  private final SqlNode root;

  private SqlExpression(String text, SqlNode root) {
    this.text = text;
    this.root = root;
  }

  /**
   * Compiles an expression.
   *
   * @throws SqlSyntaxException naming the column of the first problem
   */
  public static SqlExpression compile(String expression) throws SqlSyntaxException {
    Objects.requireNonNull(expression, "expression");
    if (expression.isBlank()) {
      throw new SqlSyntaxException(0, "the expression is empty");
    }
    return new SqlExpression(expression, SqlParser.parse(expression));
  }

  /** Whether a message with these properties matches. */
  public boolean matches(Map<String, String> properties) {
    try {
      return Boolean.TRUE.equals(root.eval(properties));
    } catch (SqlEvaluationError e) {
      return false;
    }
  }

  /** The source text. */
  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }
}
