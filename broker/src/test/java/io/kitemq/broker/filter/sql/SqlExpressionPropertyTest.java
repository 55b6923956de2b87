package io.kitemq.broker.filter.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class SqlExpressionPropertyTest {

  @Property(tries = 300)
  void longComparisonsAgreeWithJava(@ForAll long value, @ForAll long literal) throws Exception {
    Map<String, String> p = Map.of("v", Long.toString(value));
    // Long.MIN_VALUE has no literal form (its magnitude overflows a long), as in RocketMQ.
    if (literal == Long.MIN_VALUE) {
      return;
    }
    String lit = Long.toString(literal);
    boolean fitsInt = literal >= Integer.MIN_VALUE && literal <= Integer.MAX_VALUE;
    // An int literal parses the property as an int, so a long value does not compare.
    boolean parses = !fitsInt || value == (int) value;
    assertThat(compile("v > " + lit).matches(p)).isEqualTo(parses && value > literal);
    assertThat(compile("v <= " + lit).matches(p)).isEqualTo(parses && value <= literal);
    assertThat(compile("v = " + lit).matches(p)).isEqualTo(parses && value == literal);
    assertThat(compile("v <> " + lit).matches(p)).isEqualTo(parses && value != literal);
  }

  @Property(tries = 300)
  void betweenIsTheConjunctionOfItsBounds(
      @ForAll @IntRange(min = -1000, max = 1000) int value,
      @ForAll @IntRange(min = -1000, max = 1000) int a,
      @ForAll @IntRange(min = 0, max = 1000) int width)
      throws Exception {
    Map<String, String> p = Map.of("v", Integer.toString(value));
    int hi = a + width;
    boolean inside = a <= value && value <= hi;
    assertThat(compile("v BETWEEN " + a + " AND " + hi).matches(p)).isEqualTo(inside);
    assertThat(compile("v NOT BETWEEN " + a + " AND " + hi).matches(p)).isEqualTo(!inside);
  }

  @Property(tries = 200)
  void inMatchesExactlyTheListedStrings(
      @ForAll @AlphaChars @StringLength(min = 1, max = 4) String value,
      @ForAll @Size(min = 1, max = 6) List<@AlphaChars @StringLength(min = 1, max = 4) String> list)
      throws Exception {
    StringBuilder sql = new StringBuilder("v IN (");
    for (int i = 0; i < list.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append('\'').append(list.get(i)).append('\'');
    }
    sql.append(')');
    Map<String, String> p = Map.of("v", value);
    assertThat(compile(sql.toString()).matches(p)).isEqualTo(list.contains(value));
    assertThat(compile(sql.toString().replace("v IN", "v NOT IN")).matches(p))
        .isEqualTo(!list.contains(value));
  }

  @Property(tries = 200)
  void quotedStringsRoundTrip(@ForAll @StringLength(max = 12) String value) throws Exception {
    String literal = "'" + value.replace("'", "''") + "'";
    assertThat(compile("v = " + literal).matches(Map.of("v", value))).isTrue();
    assertThat(compile("v <> " + literal).matches(Map.of("v", value + "x"))).isTrue();
  }

  @Property(tries = 200)
  void notInvertsOnlyKnownResults(
      @ForAll @IntRange(min = -5, max = 5) int value, @ForAll boolean present) throws Exception {
    Map<String, String> p = present ? Map.of("v", Integer.toString(value)) : Map.of();
    boolean positive = compile("v > 0").matches(p);
    boolean negated = compile("NOT (v > 0)").matches(p);
    assertThat(positive && negated).isFalse();
    assertThat(positive || negated).isEqualTo(present);
  }

  private static SqlExpression compile(String sql) throws SqlSyntaxException {
    return SqlExpression.compile(sql);
  }
}
