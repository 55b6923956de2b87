package io.kitemq.broker.filter;

/** The subscription expression types RocketMQ defines. Stateless. */
public final class ExpressionTypes {

  public static final String TAG = "TAG";
  public static final String SQL92 = "SQL92";

  private ExpressionTypes() {}

  /** RocketMQ treats a missing or empty type as TAG. */
  public static boolean isTag(String type) {
    return type == null || type.isEmpty() || TAG.equals(type);
  }

  public static boolean isSql92(String type) {
    return SQL92.equals(type);
  }
}
