package io.kitemq.client.internal;

import io.kitemq.remoting.protocol.body.SubscriptionData;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A TAG subscription expression: {@code *} (or empty) for every message, else tags separated by
 * {@code ||}, e.g. {@code TagA || TagB}. Immutable.
 */
public final class TagExpression {

  private final String text;
  private final Set<String> tags;

  private TagExpression(String text, Set<String> tags) {
    this.text = text;
    this.tags = tags;
  }

  /**
   * @throws IllegalArgumentException if the expression names no tag (e.g. {@code "||"})
   */
  public static TagExpression parse(String expression) {
    if (expression == null || expression.isBlank() || expression.trim().equals("*")) {
      return new TagExpression("*", Set.of());
    }
    Set<String> tags = new LinkedHashSet<>();
    for (String part : expression.split("\\|\\|")) {
      String tag = part.trim();
      if (!tag.isEmpty()) {
        tags.add(tag);
      }
    }
    if (tags.isEmpty()) {
      throw new IllegalArgumentException("subscription expression names no tag: " + expression);
    }
    return new TagExpression(expression.trim(), Set.copyOf(tags));
  }

  public boolean matchesAll() {
    return tags.isEmpty();
  }

  public Set<String> tags() {
    return tags;
  }

  /** The expression as given (trimmed), {@code *} for all. */
  public String text() {
    return text;
  }

  /** Whether a message with {@code tag} (null when it has none) passes. */
  public boolean matches(String tag) {
    return tags.isEmpty() || (tag != null && tags.contains(tag));
  }

  /** The heartbeat/pull form of this expression for {@code topic}. */
  public SubscriptionData toSubscriptionData(String topic, long subVersion) {
    List<String> sorted = new ArrayList<>(tags);
    sorted.sort(null);
    List<Integer> codes = sorted.stream().map(String::hashCode).toList();
    return new SubscriptionData(topic, text, sorted, codes, subVersion, "TAG", false);
  }
}
