package io.kitemq.broker.filter.sql;

import io.kitemq.broker.filter.sql.SqlNode.Constant;
import io.kitemq.broker.filter.sql.SqlNode.Relation;
import io.kitemq.broker.filter.sql.SqlNode.TextOp;
import io.kitemq.broker.filter.sql.SqlToken.Kind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for RocketMQ's SQL92 filter grammar, lowest precedence first:
 *
 * <pre>
 * expr       := and (OR and)*
 * and        := equality (AND equality)*
 * equality   := comparison ( '=' comparison | '&lt;&gt;' comparison | IS [NOT] NULL )*
 * comparison := unary ( ('&gt;'|'&gt;='|'&lt;'|'&lt;=') unary
 *                     | [NOT] (CONTAINS|STARTSWITH|ENDSWITH) string
 *                     | [NOT] BETWEEN unary AND unary
 *                     | [NOT] IN '(' string (',' string)* ')' )*
 * unary      := '+' unary | '-' unary | NOT unary | primary
 * primary    := literal | identifier | '(' expr ')'
 * </pre>
 *
 * It applies RocketMQ's compile-time operand checks too: {@code <}-style operators take no string,
 * boolean or NULL literal and no boolean expression; {@code =} takes no NULL literal; IN needs a
 * property on its left; BETWEEN's literal bounds must be in order; AND, OR, NOT and the whole
 * expression need a boolean expression or a property. One instance per parse; not thread-safe.
 */
final class SqlParser {

  private final List<SqlToken> tokens;
  private int at;

  private SqlParser(List<SqlToken> tokens) {
    this.tokens = tokens;
  }

  static SqlNode parse(String expression) throws SqlSyntaxException {
    SqlParser p = new SqlParser(SqlLexer.tokenize(expression));
    SqlToken first = p.peek();
    SqlNode root = p.asBoolean(p.or(), first);
    if (!p.peek().is(Kind.EOF)) {
      throw p.unexpected("an operator or the end of the expression");
    }
    return root;
  }

  private SqlNode or() throws SqlSyntaxException {
    SqlToken start = peek();
    SqlNode left = and();
    while (accept(Kind.OR)) {
      SqlToken r = peek();
      left = new SqlNode.Or(asBoolean(left, start), asBoolean(and(), r));
    }
    return left;
  }

  private SqlNode and() throws SqlSyntaxException {
    SqlToken start = peek();
    SqlNode left = equality();
    while (accept(Kind.AND)) {
      SqlToken r = peek();
      left = new SqlNode.And(asBoolean(left, start), asBoolean(equality(), r));
    }
    return left;
  }

  private SqlNode equality() throws SqlSyntaxException {
    SqlNode left = comparison();
    while (true) {
      SqlToken op = peek();
      if (accept(Kind.EQ)) {
        left = equal(left, comparison(), op);
      } else if (accept(Kind.NE)) {
        left = new SqlNode.Not(equal(left, comparison(), op));
      } else if (op.is(Kind.IS)) {
        at++;
        boolean negated = accept(Kind.NOT);
        expect(Kind.NULL, "NULL");
        SqlNode isNull = new SqlNode.Equal(left, Constant.NULL);
        left = negated ? new SqlNode.Not(isNull) : isNull;
      } else {
        return left;
      }
    }
  }

  private SqlNode comparison() throws SqlSyntaxException {
    SqlNode left = unary();
    while (true) {
      SqlToken op = peek();
      Relation relation = relationOf(op.kind());
      if (relation != null) {
        at++;
        left = compare(relation, left, unary(), op);
        continue;
      }
      boolean negated = op.is(Kind.NOT) && isComparisonKeyword(peekAfter().kind());
      SqlToken keyword = negated ? peekAfter() : op;
      if (!isComparisonKeyword(keyword.kind())) {
        return left;
      }
      at += negated ? 2 : 1;
      left =
          switch (keyword.kind()) {
            case BETWEEN -> between(left, negated, op);
            case IN -> in(left, negated, op);
            case CONTAINS -> text(TextOp.CONTAINS, left, negated);
            case STARTSWITH -> text(TextOp.STARTSWITH, left, negated);
            default -> text(TextOp.ENDSWITH, left, negated);
          };
    }
  }

  private SqlNode between(SqlNode value, boolean negated, SqlToken op) throws SqlSyntaxException {
    SqlNode low = unary();
    expect(Kind.AND, "AND");
    SqlNode high = unary();
    if (negated) {
      return new SqlNode.Or(
          compare(Relation.LT, value, low, op), compare(Relation.GT, value, high, op));
    }
    if (low instanceof Constant lc && high instanceof Constant hc) {
      if (lc.value() == null || hc.value() == null) {
        throw new SqlSyntaxException(op.position(), "BETWEEN bounds must not be NULL");
      }
      if (lc.value() instanceof Number && hc.value() instanceof Number) {
        if (SqlValues.compare(hc.value(), lc.value()) < 0) {
          throw new SqlSyntaxException(
              op.position(),
              "BETWEEN lower bound " + lc.value() + " is above upper bound " + hc.value());
        }
      }
    }
    return new SqlNode.And(
        compare(Relation.GE, value, low, op), compare(Relation.LE, value, high, op));
  }

  private SqlNode in(SqlNode left, boolean negated, SqlToken op) throws SqlSyntaxException {
    if (!(left instanceof SqlNode.Property property)) {
      throw new SqlSyntaxException(op.position(), "IN needs a property on its left");
    }
    expect(Kind.LPAREN, "'('");
    Set<String> values = new LinkedHashSet<>();
    do {
      values.add(string());
    } while (accept(Kind.COMMA));
    expect(Kind.RPAREN, "')' or ','");
    return new SqlNode.In(property, Set.copyOf(values), negated);
  }

  private SqlNode text(TextOp op, SqlNode left, boolean negated) throws SqlSyntaxException {
    return new SqlNode.Text(op, left, string(), negated);
  }

  private String string() throws SqlSyntaxException {
    SqlToken t = peek();
    if (!t.is(Kind.STRING)) {
      throw unexpected("a string literal");
    }
    at++;
    return t.text();
  }

  private SqlNode unary() throws SqlSyntaxException {
    SqlToken t = peek();
    if (accept(Kind.PLUS)) {
      return unary();
    }
    if (accept(Kind.MINUS)) {
      return new SqlNode.Negate(unary());
    }
    if (accept(Kind.NOT)) {
      SqlToken operand = peek();
      return new SqlNode.Not(asBoolean(unary(), operand));
    }
    return primary(t);
  }

  private SqlNode primary(SqlToken t) throws SqlSyntaxException {
    at++;
    switch (t.kind()) {
      case STRING:
        return new Constant(t.text(), false);
      case DECIMAL:
        return SqlLiterals.integer(t);
      case FLOAT:
        return SqlLiterals.decimal(t);
      case TRUE:
        return Constant.TRUE;
      case FALSE:
        return Constant.FALSE;
      case NULL:
        return Constant.NULL;
      case IDENTIFIER:
        return new SqlNode.Property(t.text());
      case LPAREN:
        SqlNode inner = or();
        expect(Kind.RPAREN, "')'");
        return inner;
      default:
        at--;
        throw unexpected("a literal, a property name or '('");
    }
  }

  private static SqlNode equal(SqlNode left, SqlNode right, SqlToken op) throws SqlSyntaxException {
    for (SqlNode side : new SqlNode[] {left, right}) {
      if (side instanceof Constant c && c.value() == null) {
        throw new SqlSyntaxException(op.position(), "NULL cannot be compared, use IS NULL");
      }
    }
    if (left instanceof Constant lc
        && right instanceof Constant rc
        && lc.isBoolean()
        && !rc.isBoolean()) {
      throw new SqlSyntaxException(
          op.position(), "a boolean literal cannot be compared with " + rc.value());
    }
    return new SqlNode.Equal(left, right);
  }

  private static SqlNode compare(Relation relation, SqlNode left, SqlNode right, SqlToken op)
      throws SqlSyntaxException {
    for (SqlNode side : new SqlNode[] {left, right}) {
      boolean numberLiteral = side instanceof Constant c && c.value() instanceof Number;
      if (!numberLiteral && (side instanceof Constant || side.isBoolean())) {
        throw new SqlSyntaxException(
            op.position(), "'" + op.text() + "' only compares numbers and properties");
      }
    }
    return new SqlNode.Compare(relation, left, right);
  }

  /** RocketMQ lets a bare property stand for a condition; other non-boolean values may not. */
  private SqlNode asBoolean(SqlNode node, SqlToken start) throws SqlSyntaxException {
    if (node.isBoolean()) {
      return node;
    }
    if (node instanceof SqlNode.Property) {
      return new SqlNode.BooleanCast(node);
    }
    throw new SqlSyntaxException(
        start.position(), "the expression starting here does not give a boolean value");
  }

  private static Relation relationOf(Kind k) {
    return switch (k) {
      case GT -> Relation.GT;
      case GE -> Relation.GE;
      case LT -> Relation.LT;
      case LE -> Relation.LE;
      default -> null;
    };
  }

  private static boolean isComparisonKeyword(Kind k) {
    return k == Kind.BETWEEN
        || k == Kind.IN
        || k == Kind.CONTAINS
        || k == Kind.STARTSWITH
        || k == Kind.ENDSWITH;
  }

  private SqlToken peek() {
    return tokens.get(at);
  }

  private SqlToken peekAfter() {
    return tokens.get(Math.min(at + 1, tokens.size() - 1));
  }

  private boolean accept(Kind k) {
    if (peek().is(k)) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(Kind k, String what) throws SqlSyntaxException {
    if (!accept(k)) {
      throw unexpected(what);
    }
  }

  private SqlSyntaxException unexpected(String expected) {
    SqlToken t = peek();
    return new SqlSyntaxException(
        t.position(), "expected " + expected + " but found " + t.describe());
  }
}
