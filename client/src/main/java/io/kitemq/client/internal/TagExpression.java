package io.kitemq.client.internal;

import io.kitemq.client.consumer.MessageSelector;
import io.kitemq.remoting.protocol.body.SubscriptionData;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A subscription expression as the client handles it. TAG: {@code *} (or empty) for every message,
 * else tags separated by {@code ||}, e.g. {@code TagA || TagB}; the broker filters by tag hash and
 * the client re-checks the tag string. SQL92: passed through to the broker, which alone evaluates
 * it, so every message the broker returns matches here. Immutable.
 */
public final class TagExpression {

  private final String type;
  private final String text;
  private final Set<String> tags;

  private TagExpression(String type, String text, Set<String> tags) {
    this.type = type;
    this.text = text;
    this.tags = tags;
  }

  /** The expression of a selector. */
  public static TagExpression of(MessageSelector selector) {
    if (MessageSelector.SQL92.equals(selector.type())) {
      return new TagExpression(MessageSelector.SQL92, selector.expression().trim(), Set.of());
    }
    return parse(selector.expression());
  }

  /**
   * @throws IllegalArgumentException if the expression names no tag (e.g. {@code "||"})
   */
  public static TagExpression parse(String expression) {
    if (expression == null || expression.isBlank() || expression.trim().equals("*")) {
      return new TagExpression(MessageSelector.TAG, "*", Set.of());
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
    return new TagExpression(MessageSelector.TAG, expression.trim(), Set.copyOf(tags));
  }

  /** The expression type sent in heartbeats and pulls: TAG or SQL92. */
  public String type() {
    return type;
  }

  /** True when the client has nothing to re-check: {@code *}, or a SQL92 expression. */
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
    return new SubscriptionData(topic, text, sorted, codes, subVersion, type, false);
  }
}
