package io.kitemq.it.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitemq.broker.filter.sql.SqlExpression;
import io.kitemq.broker.filter.sql.SqlSyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.apache.rocketmq.filter.expression.BooleanExpression;
import org.apache.rocketmq.filter.expression.EvaluationContext;
import org.apache.rocketmq.filter.parser.SelectorParser;

/**
 * Our SQL92 filter against Apache RocketMQ 5.5.0's own parser and evaluator (rocketmq-filter, test
 * scope): random expressions from the grammar (many of them invalid on purpose) must be accepted or
 * rejected alike, and accepted ones must match the same random property maps.
 */
class SqlFilterParityTest {

  private static final List<String> NAMES = List.of("a", "b", "TAGS");
  private static final List<String> VALUES =
      List.of("1", "5", "10", "-3", "2.5", "3000000000", "abc", "true", "", "A", "B", "1e2");
  private static final List<String> NUMBERS =
      List.of("0", "1", "5", "10", "2147483648", "3000000000", "2.5", "0.0", ".5", "1e2", "10L");
  private static final List<String> STRINGS =
      List.of("'A'", "'B'", "'abc'", "''", "'1'", "'it''s'");

  @Property(tries = 3000)
  @StatisticsReport(onFailureOnly = false)
  void acceptsAndMatchesLikeRocketMq(@ForAll long seed) {
    Random r = new Random(seed);
    String sql = condition(r, 3);
    BooleanExpression theirs;
    try {
      theirs = SelectorParser.parse(sql);
    } catch (Exception e) {
      theirs = null;
    }
    SqlExpression ours;
    try {
      ours = SqlExpression.compile(sql);
    } catch (SqlSyntaxException e) {
      ours = null;
    }
    assertThat(ours != null).as("accepts %s", sql).isEqualTo(theirs != null);
    Statistics.label("compiles").collect(ours != null);
    if (ours == null) {
      return;
    }
    boolean anyMatch = false;
    for (int i = 0; i < 8; i++) {
      Map<String, String> props = new HashMap<>();
      for (String n : NAMES) {
        if (r.nextInt(4) != 0) {
          props.put(n, pick(r, VALUES));
        }
      }
      boolean m = ours.matches(props);
      assertThat(m).as("%s with %s", sql, props).isEqualTo(matches(theirs, props));
      anyMatch |= m;
    }
    Statistics.label("some map matches").collect(anyMatch);
    // Both outcomes must be well represented, or the comparison proves little.
    Statistics.label("compiles")
        .coverage(
            c -> {
              c.check(true).percentage(p -> p > 40);
              c.check(false).percentage(p -> p > 10);
            });
    Statistics.label("some map matches")
        .coverage(
            c -> {
              c.check(true).percentage(p -> p > 20);
              c.check(false).percentage(p -> p > 20);
            });
  }

  private static boolean matches(BooleanExpression e, Map<String, String> props) {
    try {
      return Boolean.TRUE.equals(
          e.evaluate(
              new EvaluationContext() {
                @Override
                public Object get(String name) {
                  return props.get(name);
                }

                @Override
                public Map<String, Object> keyValues() {
                  return new HashMap<>(props);
                }
              }));
    } catch (Exception ex) {
      // RocketMQ's broker counts an evaluation failure as no match.
      return false;
    }
  }

  private static String condition(Random r, int depth) {
    int choice = r.nextInt(depth > 0 ? 12 : 7);
    String x = operand(r, depth);
    return switch (choice) {
      case 0 ->
          x + " " + pick(r, List.of("=", "<>", ">", ">=", "<", "<=")) + " " + operand(r, depth);
      case 1 -> x + (r.nextBoolean() ? " IS NULL" : " IS NOT NULL");
      case 2 -> x + not(r) + " BETWEEN " + operand(r, 0) + " AND " + operand(r, 0);
      case 3 ->
          pick(r, NAMES) + not(r) + " IN (" + pick(r, STRINGS) + ", " + pick(r, STRINGS) + ")";
      case 4 ->
          x
              + not(r)
              + " "
              + pick(r, List.of("CONTAINS", "STARTSWITH", "ENDSWITH"))
              + " "
              + pick(r, STRINGS);
      case 5 -> pick(r, NAMES);
      case 6 -> pick(r, List.of("TRUE", "FALSE", "NULL"));
      case 7, 8 ->
          condition(r, depth - 1) + (r.nextBoolean() ? " AND " : " OR ") + condition(r, depth - 1);
      case 9 -> "NOT " + condition(r, depth - 1);
      default -> "(" + condition(r, depth - 1) + ")";
    };
  }

  private static String operand(Random r, int depth) {
    int choice = r.nextInt(depth > 0 ? 7 : 6);
    return switch (choice) {
      case 0, 1 -> pick(r, NAMES);
      case 2 -> pick(r, NUMBERS);
      case 3 -> pick(r, STRINGS);
      case 4 -> pick(r, List.of("TRUE", "FALSE", "NULL"));
      case 5 -> "-" + pick(r, r.nextBoolean() ? NUMBERS : NAMES);
      default -> "(" + condition(r, depth - 1) + ")";
    };
  }

  private static String not(Random r) {
    return r.nextInt(3) == 0 ? " NOT" : "";
  }

  private static String pick(Random r, List<String> from) {
    return from.get(r.nextInt(from.size()));
  }
}
