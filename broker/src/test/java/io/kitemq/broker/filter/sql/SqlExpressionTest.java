package io.kitemq.broker.filter.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SqlExpressionTest {

  private static boolean eval(String sql, String... kv) throws SqlSyntaxException {
    Map<String, String> props = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      props.put(kv[i], kv[i + 1]);
    }
    return SqlExpression.compile(sql).matches(props);
  }

  @Test
  void comparesPropertiesWithNumbersByParsingThem() throws Exception {
    assertThat(eval("a > 5", "a", "10")).isTrue();
    assertThat(eval("a > 5", "a", "3")).isFalse();
    assertThat(eval("a >= 5 AND a <= 5", "a", "5")).isTrue();
    assertThat(eval("a < 2.5", "a", "2.25")).isTrue();
    assertThat(eval("a = 5", "a", "5")).isTrue();
    assertThat(eval("a <> 5", "a", "6")).isTrue();
    assertThat(eval("a > 3000000000", "a", "3000000001")).isTrue();
  }

  @Test
  void aPropertyThatIsNotANumberNeverMatchesANumericComparison() throws Exception {
    assertThat(eval("a > 5", "a", "abc")).isFalse();
    assertThat(eval("a <= 5", "a", "abc")).isFalse();
    // RocketMQ parses as the literal's type: an int literal does not accept "5.0".
    assertThat(eval("a = 5", "a", "5.0")).isFalse();
    assertThat(eval("a = 5.0", "a", "5")).isTrue();
    // The failure spoils the whole expression, even an OR whose other side is true.
    assertThat(eval("a = 5 OR b = 'x'", "a", "abc", "b", "x")).isFalse();
  }

  @Test
  void absentPropertiesAreUnknownAndUnknownIsNotTrue() throws Exception {
    assertThat(eval("a > 5")).isFalse();
    assertThat(eval("NOT (a > 5)")).isFalse();
    assertThat(eval("a = 'x'")).isFalse();
    assertThat(eval("a <> 'x'")).isFalse();
    assertThat(eval("a > 5 OR b = 'y'", "b", "y")).isTrue();
    assertThat(eval("a > 5 AND b = 'y'", "b", "y")).isFalse();
    assertThat(eval("NOT (a > 5 AND b = 'n')", "b", "y")).isTrue();
  }

  @Test
  void isNullAndIsNotNull() throws Exception {
    assertThat(eval("a IS NULL")).isTrue();
    assertThat(eval("a IS NULL", "a", "")).isFalse();
    assertThat(eval("a IS NOT NULL", "a", "")).isTrue();
    assertThat(eval("a is not null")).isFalse();
  }

  @Test
  void betweenAndNotBetweenIncludeTheirBounds() throws Exception {
    assertThat(eval("a BETWEEN 1 AND 3", "a", "1")).isTrue();
    assertThat(eval("a BETWEEN 1 AND 3", "a", "3")).isTrue();
    assertThat(eval("a BETWEEN 1 AND 3", "a", "4")).isFalse();
    assertThat(eval("a NOT BETWEEN 1 AND 3", "a", "4")).isTrue();
    assertThat(eval("a NOT BETWEEN 1 AND 3", "a", "2")).isFalse();
    assertThat(eval("a NOT BETWEEN 1 AND 3")).isFalse();
  }

  @Test
  void inAndNotInCompareStrings() throws Exception {
    assertThat(eval("TAGS IN ('TagA', 'TagB')", "TAGS", "TagB")).isTrue();
    assertThat(eval("TAGS IN ('TagA', 'TagB')", "TAGS", "TagC")).isFalse();
    assertThat(eval("TAGS NOT IN ('TagA')", "TAGS", "TagC")).isTrue();
    assertThat(eval("TAGS NOT IN ('TagA')")).isFalse();
  }

  @Test
  void textOperatorsAreFalseWhenThePropertyIsAbsent() throws Exception {
    assertThat(eval("KEYS CONTAINS 'order'", "KEYS", "my-order-1")).isTrue();
    assertThat(eval("KEYS NOT CONTAINS 'order'", "KEYS", "my-order-1")).isFalse();
    assertThat(eval("KEYS STARTSWITH 'my'", "KEYS", "my-order-1")).isTrue();
    assertThat(eval("KEYS ENDSWITH '-1'", "KEYS", "my-order-1")).isTrue();
    assertThat(eval("KEYS NOT ENDSWITH '-1'", "KEYS", "my-order-2")).isTrue();
    assertThat(eval("KEYS NOT CONTAINS 'x'")).isFalse();
    assertThat(eval("KEYS CONTAINS ''", "KEYS", "abc")).isFalse();
    assertThat(eval("KEYS NOT CONTAINS ''", "KEYS", "abc")).isFalse();
  }

  @Test
  void literalsKeywordsAndComments() throws Exception {
    assertThat(eval("a = 'it''s'", "a", "it's")).isTrue();
    assertThat(eval("TRUE")).isTrue();
    assertThat(eval("FALSE OR true")).isTrue();
    assertThat(eval("a = -5", "a", "-5")).isTrue();
    assertThat(eval("a > .5e1", "a", "6")).isTrue();
    assertThat(eval("a = 10L", "a", "10")).isTrue();
    assertThat(eval("/* c */ a = 1 -- line\n", "a", "1")).isTrue();
    assertThat(eval("a > --5", "a", "6")).isTrue();
    assertThat(eval("((a = 1) or (b = 2)) and c = 3", "b", "2", "c", "3")).isTrue();
  }

  @Test
  void stringsCompareAsNumbersUnderOrderingOperators() throws Exception {
    assertThat(eval("a > b", "a", "10", "b", "9")).isTrue();
    assertThat(eval("a > b", "a", "x", "b", "9")).isFalse();
    assertThat(eval("a = b", "a", "10", "b", "10.0")).isFalse();
  }

  @Test
  void syntaxErrorsNameTheColumn() {
    assertThatThrownBy(() -> SqlExpression.compile("a = = 1"))
        .isInstanceOf(SqlSyntaxException.class)
        .hasMessageContaining("column 5");
    assertThatThrownBy(() -> SqlExpression.compile("a = 'x"))
        .hasMessageContaining("column 5")
        .hasMessageContaining("unterminated string");
    assertThatThrownBy(() -> SqlExpression.compile("a = 1 b"))
        .hasMessageContaining("column 7")
        .hasMessageContaining("found 'b'");
    assertThatThrownBy(() -> SqlExpression.compile("a # 1"))
        .hasMessageContaining("column 3")
        .hasMessageContaining("'#'");
    assertThatThrownBy(() -> SqlExpression.compile("")).hasMessageContaining("empty");
  }

  @Test
  void operandChecksFollowRocketMq() {
    for (String bad :
        new String[] {
          "a > 'x'",
          "a > TRUE",
          "a = NULL",
          "TRUE = 1",
          "a BETWEEN 3 AND 1",
          "(a > 1) > 2",
          "'x' IN ('x')",
          "5",
          "-a",
          "a AND 5",
          "a = 0.0",
          "a = 99999999999999999999",
          "a IN ()",
          "a CONTAINS b"
        }) {
      assertThatThrownBy(() -> SqlExpression.compile(bad))
          .as(bad)
          .isInstanceOf(SqlSyntaxException.class);
    }
  }

  @Test
  void aBarePropertyIsAConditionThatAStringNeverSatisfies() throws Exception {
    assertThat(eval("a", "a", "true")).isFalse();
    assertThat(eval("NOT a", "a", "true")).isTrue();
    assertThat(eval("NOT a")).isFalse();
  }
}
