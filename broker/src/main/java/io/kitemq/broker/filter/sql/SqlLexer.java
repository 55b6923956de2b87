package io.kitemq.broker.filter.sql;

import io.kitemq.broker.filter.sql.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits a filter expression into tokens with RocketMQ's lexical rules: keywords and identifiers
 * are case-insensitive ({@code [A-Za-z_$][A-Za-z0-9_$]*}, the longest match wins, so {@code NOTE}
 * is an identifier); integers have no leading zero and may end in {@code L}; decimals are {@code
 * 5.5}, {@code 5.}, {@code .5}, with an optional exponent; strings are single-quoted with {@code
 * ''} for a quote; {@code -- comment} (ending in a line break) and block comments are skipped.
 * Stateless.
 */
final class SqlLexer {

  private static final Map<String, Kind> KEYWORDS =
      Map.ofEntries(
          Map.entry("NOT", Kind.NOT),
          Map.entry("AND", Kind.AND),
          Map.entry("OR", Kind.OR),
          Map.entry("BETWEEN", Kind.BETWEEN),
          Map.entry("IN", Kind.IN),
          Map.entry("TRUE", Kind.TRUE),
          Map.entry("FALSE", Kind.FALSE),
          Map.entry("NULL", Kind.NULL),
          Map.entry("IS", Kind.IS),
          Map.entry("CONTAINS", Kind.CONTAINS),
          Map.entry("STARTSWITH", Kind.STARTSWITH),
          Map.entry("ENDSWITH", Kind.ENDSWITH));

  private SqlLexer() {}

  static List<SqlToken> tokenize(String s) throws SqlSyntaxException {
    List<SqlToken> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (true) {
      i = skipBlanksAndComments(s, i);
      if (i >= n) {
        out.add(new SqlToken(Kind.EOF, "", n));
        return out;
      }
      char c = s.charAt(i);
      int start = i;
      if (isIdStart(c)) {
        while (i < n && isIdPart(s.charAt(i))) {
          i++;
        }
        String word = s.substring(start, i);
        Kind k = KEYWORDS.getOrDefault(word.toUpperCase(Locale.ROOT), Kind.IDENTIFIER);
        out.add(new SqlToken(k, word, start));
      } else if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(s.charAt(i + 1)))) {
        i = number(s, start, out);
      } else if (c == '\'') {
        i = string(s, start, out);
      } else {
        i = operator(s, start, out);
      }
    }
  }

  private static int skipBlanksAndComments(String s, int i) throws SqlSyntaxException {
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        i++;
      } else if (s.startsWith("--", i) && lineEnd(s, i) < n) {
        i = lineEnd(s, i) + 1;
      } else if (s.startsWith("/*", i)) {
        int end = s.indexOf("*/", i + 2);
        if (end < 0) {
          throw new SqlSyntaxException(i, "unterminated comment");
        }
        i = end + 2;
      } else {
        return i;
      }
    }
    return i;
  }

  /**
   * The index of the line break ending a comment at {@code i}, or the length: RocketMQ's grammar
   * only takes {@code --} as a comment when a line break follows, else it is two minus signs.
   */
  private static int lineEnd(String s, int i) {
    int end = i + 2;
    while (end < s.length() && s.charAt(end) != '\n' && s.charAt(end) != '\r') {
      end++;
    }
    return end;
  }

  private static int number(String s, int start, List<SqlToken> out) throws SqlSyntaxException {
    int n = s.length();
    int i = start;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
    }
    int intEnd = i;
    boolean isFloat = false;
    if (i < n && s.charAt(i) == '.') {
      isFloat = true;
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
    }
    int exp = exponentEnd(s, i);
    if (exp > i) {
      isFloat = true;
      i = exp;
    }
    if (isFloat) {
      out.add(new SqlToken(Kind.FLOAT, s.substring(start, i), start));
      return i;
    }
    // An integer is "0" or starts with 1-9; "007" lexes as "0" followed by "07".
    if (s.charAt(start) == '0') {
      out.add(new SqlToken(Kind.DECIMAL, "0", start));
      return start + 1;
    }
    i = intEnd;
    if (i < n && (s.charAt(i) == 'l' || s.charAt(i) == 'L')) {
      i++;
    }
    out.add(new SqlToken(Kind.DECIMAL, s.substring(start, i), start));
    return i;
  }

  /** The end of an exponent ({@code E}, optional sign, digits) at {@code i}, or {@code i}. */
  private static int exponentEnd(String s, int i) {
    int n = s.length();
    if (i >= n || (s.charAt(i) != 'e' && s.charAt(i) != 'E')) {
      return i;
    }
    int j = i + 1;
    if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
      j++;
    }
    int digits = j;
    while (j < n && isDigit(s.charAt(j))) {
      j++;
    }
    return j > digits ? j : i;
  }

  private static int string(String s, int start, List<SqlToken> out) throws SqlSyntaxException {
    StringBuilder b = new StringBuilder();
    int n = s.length();
    int i = start + 1;
    while (true) {
      if (i >= n) {
        throw new SqlSyntaxException(start, "unterminated string literal");
      }
      char c = s.charAt(i);
      if (c == '\'') {
        if (i + 1 < n && s.charAt(i + 1) == '\'') {
          b.append('\'');
          i += 2;
          continue;
        }
        out.add(new SqlToken(Kind.STRING, b.toString(), start));
        return i + 1;
      }
      b.append(c);
      i++;
    }
  }

  private static int operator(String s, int i, List<SqlToken> out) throws SqlSyntaxException {
    char c = s.charAt(i);
    char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
    Kind k;
    int len = 1;
    switch (c) {
      case '=' -> k = Kind.EQ;
      case '>' -> {
        k = next == '=' ? Kind.GE : Kind.GT;
        len = next == '=' ? 2 : 1;
      }
      case '<' -> {
        if (next == '=') {
          k = Kind.LE;
          len = 2;
        } else if (next == '>') {
          k = Kind.NE;
          len = 2;
        } else {
          k = Kind.LT;
        }
      }
      case '(' -> k = Kind.LPAREN;
      case ')' -> k = Kind.RPAREN;
      case ',' -> k = Kind.COMMA;
      case '+' -> k = Kind.PLUS;
      case '-' -> k = Kind.MINUS;
      default -> throw new SqlSyntaxException(i, "unexpected character '" + c + "'");
    }
    out.add(new SqlToken(k, s.substring(i, i + len), i));
    return i + len;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
  }

  private static boolean isIdPart(char c) {
    return isIdStart(c) || isDigit(c);
  }
}
