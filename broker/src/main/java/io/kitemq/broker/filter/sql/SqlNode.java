package io.kitemq.broker.filter.sql;

import java.util.Map;
import java.util.Set;

/**
 * A node of a compiled filter expression. {@link #eval} returns a value ({@link String}, {@link
 * Integer}, {@link Long}, {@link Double}, {@link Boolean}) or null for unknown, following
 * RocketMQ's three-valued logic; it throws {@link SqlEvaluationError} when a comparison cannot
 * convert its operands. Boolean results are the shared {@link Boolean#TRUE}/{@link Boolean#FALSE},
 * so evaluating allocates nothing in the common case. Immutable, thread-safe.
 */
sealed interface SqlNode {

  Object eval(Map<String, String> properties);

  /** Whether RocketMQ types this node as a boolean expression (it matters to operand checks). */
  default boolean isBoolean() {
    return true;
  }

  /** A literal; TRUE, FALSE and NULL count as boolean expressions, numbers and strings do not. */
  record Constant(Object value, boolean isBoolean) implements SqlNode {
    static final Constant TRUE = new Constant(Boolean.TRUE, true);
    static final Constant FALSE = new Constant(Boolean.FALSE, true);
    static final Constant NULL = new Constant(null, true);

    @Override
    public Object eval(Map<String, String> properties) {
      return value;
    }
  }

  /** A message property, by exact (case-sensitive) name. */
  record Property(String name) implements SqlNode {
    @Override
    public Object eval(Map<String, String> properties) {
      return properties.get(name);
    }

    @Override
    public boolean isBoolean() {
      return false;
    }
  }

  /** Unary minus: numbers are negated, anything else is unknown. */
  record Negate(SqlNode operand) implements SqlNode {
    @Override
    public Object eval(Map<String, String> properties) {
      Object v = operand.eval(properties);
      if (v instanceof Integer i) {
        return -i;
      }
      if (v instanceof Long l) {
        return -l;
      }
      if (v instanceof Double d) {
        return -d;
      }
      return null;
    }

    @Override
    public boolean isBoolean() {
      return false;
    }
  }

  /** A property used as a condition: only a boolean value could be true, so a string is false. */
  record BooleanCast(SqlNode operand) implements SqlNode {
    @Override
    public Object eval(Map<String, String> properties) {
      Object v = operand.eval(properties);
      if (v == null) {
        return null;
      }
      return v instanceof Boolean ? v : Boolean.FALSE;
    }
  }

  record Not(SqlNode operand) implements SqlNode {
    @Override
    public Object eval(Map<String, String> properties) {
      Boolean v = bool(operand.eval(properties));
      return v == null ? null : !v;
    }
  }

  record And(SqlNode left, SqlNode right) implements SqlNode {
    @Override
    public Object eval(Map<String, String> properties) {
      Boolean l = bool(left.eval(properties));
      if (l != null && !l) {
        return Boolean.FALSE;
      }
      Boolean r = bool(right.eval(properties));
      if (r != null && !r) {
        return Boolean.FALSE;
      }
      return l == null || r == null ? null : Boolean.TRUE;
    }
  }

  record Or(SqlNode left, SqlNode right) implements SqlNode {
    @Override
    public Object eval(Map<String, String> properties) {
      Boolean l = bool(left.eval(properties));
      if (l != null && l) {
        return Boolean.TRUE;
      }
      Boolean r = bool(right.eval(properties));
      if (r != null && r) {
        return Boolean.TRUE;
      }
      return l == null || r == null ? null : Boolean.FALSE;
    }
  }

  /** {@code =}, and {@code IS NULL} as equality with NULL. */
  record Equal(SqlNode left, SqlNode right) implements SqlNode {
    @Override
    public Object eval(Map<String, String> properties) {
      return SqlValues.equal(left.eval(properties), right.eval(properties));
    }
  }

  enum Relation {
    GT,
    GE,
    LT,
    LE;

    boolean holds(int order) {
      return switch (this) {
        case GT -> order > 0;
        case GE -> order >= 0;
        case LT -> order < 0;
        case LE -> order <= 0;
      };
    }
  }

  /** {@code <, <=, >, >=}; two strings compare as doubles. */
  record Compare(Relation relation, SqlNode left, SqlNode right) implements SqlNode {
    @Override
    public Object eval(Map<String, String> properties) {
      Object l = left.eval(properties);
      if (l == null) {
        return null;
      }
      Object r = right.eval(properties);
      if (r == null) {
        return null;
      }
      int order =
          l instanceof String ls && r instanceof String rs
              ? SqlValues.compareAsDoubles(ls, rs)
              : SqlValues.compare(l, r);
      return relation.holds(order);
    }
  }

  /** {@code [NOT] IN ('a', 'b')}: only a string value can be in the list. */
  record In(Property property, Set<String> values, boolean negated) implements SqlNode {
    @Override
    public Object eval(Map<String, String> properties) {
      Object v = property.eval(properties);
      if (!(v instanceof String s)) {
        return null;
      }
      return values.contains(s) ^ negated;
    }
  }

  enum TextOp {
    CONTAINS,
    STARTSWITH,
    ENDSWITH
  }

  /**
   * {@code [NOT] CONTAINS / STARTSWITH / ENDSWITH 'text'}: false (never unknown) when the value is
   * absent or not a string, or the search text is empty, whether negated or not.
   */
  record Text(TextOp op, SqlNode operand, String search, boolean negated) implements SqlNode {
    @Override
    public Object eval(Map<String, String> properties) {
      if (search.isEmpty()) {
        return Boolean.FALSE;
      }
      if (!(operand.eval(properties) instanceof String s)) {
        return Boolean.FALSE;
      }
      boolean found =
          switch (op) {
            case CONTAINS -> s.contains(search);
            case STARTSWITH -> s.startsWith(search);
            case ENDSWITH -> s.endsWith(search);
          };
      return found ^ negated;
    }
  }

  private static Boolean bool(Object v) {
    if (v == null || v instanceof Boolean) {
      return (Boolean) v;
    }
    throw SqlEvaluationError.INSTANCE;
  }
}
