package io.kitemq.broker.filter.sql;

/**
 * RocketMQ's comparison rules for the values an expression handles: property values ({@link
 * String}), literals ({@link Integer} when the integer fits, else {@link Long}; {@link Double};
 * {@link Boolean}). Mixed numbers widen (int to long to double); a string meets a number by being
 * parsed as that number's type (a string that does not parse fails the whole evaluation) and meets
 * a boolean by {@code equalsIgnoreCase("true")}; other mixed pairs order the left one first.
 * Stateless.
 */
final class SqlValues {

  private SqlValues() {}

  /** Three-valued {@code =}: null against a value is unknown (left null) or false (right null). */
  static Boolean equal(Object lv, Object rv) {
    if (lv == null ^ rv == null) {
      return lv == null ? null : Boolean.FALSE;
    }
    if (lv == rv || lv.equals(rv)) {
      return Boolean.TRUE;
    }
    return compare(lv, rv) == 0;
  }

  /** Orders two non-null values; see the class comment for mixed types. */
  static int compare(Object lv, Object rv) {
    if (lv.getClass() == rv.getClass()) {
      return sameClass(lv, rv);
    }
    if (lv instanceof String s) {
      return compareString(s, rv);
    }
    if (rv instanceof String s) {
      if (lv instanceof Boolean) {
        // RocketMQ fails here (it casts the boolean to a string): the expression does not match.
        throw SqlEvaluationError.INSTANCE;
      }
      return -compareString(s, lv);
    }
    if (lv instanceof Boolean || rv instanceof Boolean) {
      return -1;
    }
    // Two numbers of different types: int and long compare as longs, anything with a double as
    // doubles.
    if (lv instanceof Double || rv instanceof Double) {
      return Double.compare(((Number) lv).doubleValue(), ((Number) rv).doubleValue());
    }
    return Long.compare(((Number) lv).longValue(), ((Number) rv).longValue());
  }

  /** A string against a value of another type, parsed as that type. */
  private static int compareString(String s, Object other) {
    if (other instanceof Boolean b) {
      return Boolean.compare(Boolean.parseBoolean(s), b);
    }
    if (other instanceof Integer i) {
      return Integer.compare(parseInt(s), i);
    }
    if (other instanceof Long l) {
      return Long.compare(parseLong(s), l);
    }
    if (other instanceof Double d) {
      return Double.compare(parseDouble(s), d);
    }
    return -1;
  }

  /** {@code <, <=, >, >=} on two strings: both must parse as doubles. */
  static int compareAsDoubles(String l, String r) {
    return Double.compare(parseDouble(l), parseDouble(r));
  }

  @SuppressWarnings("unchecked")
  private static int sameClass(Object lv, Object rv) {
    return ((Comparable<Object>) lv).compareTo(rv);
  }

  private static int parseInt(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw SqlEvaluationError.INSTANCE;
    }
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw SqlEvaluationError.INSTANCE;
    }
  }

  private static double parseDouble(String s) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw SqlEvaluationError.INSTANCE;
    }
  }
}
