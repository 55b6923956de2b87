package io.kitemq.broker.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TagFilterTest {

  @Test
  void orExpressionAcceptsExactlyTheHashesOfItsTags() {
    TagFilter f = TagFilter.parse("TagA || TagC");
    assertThat(f.acceptsAll()).isFalse();
    assertThat(f.tags()).containsExactlyInAnyOrder("TagA", "TagC");
    assertThat(f.matchesTagsCode("TagA".hashCode())).isTrue();
    assertThat(f.matchesTagsCode("TagC".hashCode())).isTrue();
    assertThat(f.matchesTagsCode("TagB".hashCode())).isFalse();
    assertThat(f.matchesTagsCode(0)).isFalse();
  }

  @Test
  void spacesAndEmptyPartsAreIgnored() {
    TagFilter f = TagFilter.parse("  TagA||  || TagB ");
    assertThat(f.tags()).containsExactlyInAnyOrder("TagA", "TagB");
  }

  @Test
  void starBlankAndNullAcceptEverything() {
    for (String e : new String[] {"*", " * ", "", null, "||"}) {
      TagFilter f = TagFilter.parse(e);
      assertThat(f.acceptsAll()).as("expression %s", e).isTrue();
      assertThat(f.matchesTagsCode(12345)).isTrue();
      assertThat(f.matchesTagsCode(0)).isTrue();
    }
  }

  @Test
  void negativeHashCodesMatchAsTheStoreWidensThem() {
    String tag = "polygenelubricants"; // String.hashCode() is Integer.MIN_VALUE
    assertThat(tag.hashCode()).isEqualTo(Integer.MIN_VALUE);
    TagFilter f = TagFilter.parse(tag);
    assertThat(f.matchesTagsCode((long) Integer.MIN_VALUE)).isTrue();
  }
}
