package io.kitemq.client.consumer;

import java.util.Objects;

/**
 * How a subscription selects messages, sent to the broker as the subscription's expression type:
 * {@link #byTag} (TAG: {@code *} or {@code TagA || TagB}) or {@link #bySql} (SQL92 over message
 * properties, such as {@code a > 5 AND TAGS IN ('TagA')}). SQL92 is evaluated by the broker only,
 * which must run with {@code enablePropertyFilter=true}; the client does not re-check it.
 * Immutable.
 */
public final class MessageSelector {

  /** RocketMQ's expression type names. */
  public static final String TAG = "TAG";

  public static final String SQL92 = "SQL92";

  private final String type;
  private final String expression;

  private MessageSelector(String type, String expression) {
    this.type = type;
    this.expression = expression;
  }

  /** A tag expression; null or blank means every message. */
  public static MessageSelector byTag(String expression) {
    return new MessageSelector(TAG, expression == null || expression.isBlank() ? "*" : expression);
  }

  /**
   * A SQL92 expression over message properties.
   *
   * @throws IllegalArgumentException if it is blank
   */
  public static MessageSelector bySql(String expression) {
    Objects.requireNonNull(expression, "expression");
    if (expression.isBlank()) {
      throw new IllegalArgumentException("bySql: the expression must not be blank");
    }
    return new MessageSelector(SQL92, expression);
  }

  /** {@link #TAG} or {@link #SQL92}. */
  public String type() {
    return type;
  }

  public String expression() {
    return expression;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MessageSelector s && s.type.equals(type) && s.expression.equals(expression);
  }

  @Override
  public int hashCode() {
    return type.hashCode() * 31 + expression.hashCode();
  }

  @Override
  public String toString() {
    return type + "(" + expression + ")";
  }
}
