package io.kitemq.broker.filter.sql;

/**
 * Thrown while evaluating when a value cannot be converted for a comparison (a property {@code
 * "abc"} compared with a number): as with RocketMQ, the whole expression then does not match. One
 * shared instance without a stack trace, so a bad property costs no allocation per message.
 */
final class SqlEvaluationError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  static final SqlEvaluationError INSTANCE = new SqlEvaluationError();

  private SqlEvaluationError() {
    super("value cannot be converted for comparison", null, false, false);
  }
}
