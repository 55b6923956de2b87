package io.kitemq.broker.filter.sql;

/**
 * One lexical token of a filter expression. {@code text} is the decoded value for strings, the
 * image as typed otherwise. Immutable.
 */
record SqlToken(Kind kind, String text, int position) {

  enum Kind {
    IDENTIFIER,
    STRING,
    DECIMAL,
    FLOAT,
    NOT,
    AND,
    OR,
    BETWEEN,
    IN,
    TRUE,
    FALSE,
    NULL,
    IS,
    CONTAINS,
    STARTSWITH,
    ENDSWITH,
    EQ,
    NE,
    GT,
    GE,
    LT,
    LE,
    LPAREN,
    RPAREN,
    COMMA,
    PLUS,
    MINUS,
    EOF
  }

  boolean is(Kind k) {
    return kind == k;
  }

  String describe() {
    return kind == Kind.EOF ? "end of expression" : "'" + text + "'";
  }
}
