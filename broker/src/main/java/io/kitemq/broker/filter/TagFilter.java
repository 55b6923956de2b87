package io.kitemq.broker.filter;

import io.kitemq.common.message.TagHash;
import io.kitemq.store.MessageFilter;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A TAG subscription expression ({@code *}, {@code TagA}, {@code TagA || TagC}) as a consume-queue
 * filter on tag hash codes: {@code *} (or an empty expression) accepts everything, otherwise an
 * entry passes when its tag code is the hash of one of the tags. Hash collisions let a few foreign
 * tags through; the client re-checks the tag string, as with RocketMQ. Immutable, thread-safe.
 */
public final class TagFilter implements MessageFilter {

  private static final TagFilter ALL = new TagFilter(Set.of(), Set.of(), true);

  private final Set<String> tags;
  private final Set<Long> codes;
  private final boolean all;

  private TagFilter(Set<String> tags, Set<Long> codes, boolean all) {
    this.tags = tags;
    this.codes = codes;
    this.all = all;
  }

  /** Parses an expression; null, blank and {@code *} mean every message. */
  public static TagFilter parse(String expression) {
    if (expression == null || expression.isBlank() || expression.trim().equals("*")) {
      return ALL;
    }
    Set<String> tags = new LinkedHashSet<>();
    Set<Long> codes = new LinkedHashSet<>();
    for (String part : expression.split("\\|\\|")) {
      String tag = part.trim();
      if (!tag.isEmpty()) {
        tags.add(tag);
        codes.add(TagHash.of(tag));
      }
    }
    if (tags.isEmpty()) {
      return ALL;
    }
    return new TagFilter(Set.copyOf(tags), Set.copyOf(codes), false);
  }

  /** A filter from hash codes a client already computed (heartbeat codeSet). */
  public static TagFilter ofCodes(Set<String> tags, Iterable<Integer> hashCodes) {
    if (tags.isEmpty()) {
      return ALL;
    }
    Set<Long> codes = new LinkedHashSet<>();
    for (Integer c : hashCodes) {
      codes.add(c.longValue());
    }
    for (String t : tags) {
      codes.add(TagHash.of(t));
    }
    return new TagFilter(Set.copyOf(tags), Set.copyOf(codes), false);
  }

  public boolean acceptsAll() {
    return all;
  }

  public Set<String> tags() {
    return tags;
  }

  public Set<Long> codes() {
    return codes;
  }

  @Override
  public boolean matchesTagsCode(long tagsCode) {
    return all || codes.contains(tagsCode);
  }
}
