package io.kitemq.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kitemq.remoting.protocol.body.SubscriptionData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class TagExpressionTest {

  @Test
  void starEmptyAndNullMatchEverything() {
    for (String e : new String[] {"*", " * ", "", null}) {
      TagExpression t = TagExpression.parse(e);
      assertThat(t.matchesAll()).isTrue();
      assertThat(t.matches(null)).isTrue();
      assertThat(t.matches("Any")).isTrue();
      assertThat(t.text()).isEqualTo("*");
    }
  }

  @Test
  void orListMatchesOnlyItsTagsAfterTrimming() {
    TagExpression t = TagExpression.parse(" TagA ||TagB||  || TagC ");
    assertThat(t.tags()).containsExactlyInAnyOrder("TagA", "TagB", "TagC");
    assertThat(t.matches("TagB")).isTrue();
    assertThat(t.matches("TagD")).isFalse();
    assertThat(t.matches(null)).isFalse();
    assertThat(t.matches("taga")).isFalse();
  }

  @Test
  void expressionWithoutAnyTagIsRejected() {
    assertThatThrownBy(() -> TagExpression.parse("|| ||"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("|| ||");
  }

  @Test
  void subscriptionDataCarriesSortedTagsAndTheirHashCodes() {
    SubscriptionData d = TagExpression.parse("b || a").toSubscriptionData("T", 99);
    assertThat(d.topic()).isEqualTo("T");
    assertThat(d.subString()).isEqualTo("b || a");
    assertThat(d.tagsSet()).containsExactly("a", "b");
    assertThat(d.codeSet()).containsExactly("a".hashCode(), "b".hashCode());
    assertThat(d.subVersion()).isEqualTo(99);
    assertThat(d.expressionType()).isEqualTo("TAG");
  }
}
