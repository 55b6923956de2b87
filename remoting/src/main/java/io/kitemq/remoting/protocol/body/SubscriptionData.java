package io.kitemq.remoting.protocol.body;

import java.util.List;

/**
 * One subscription of a consumer group as the client sends it in a heartbeat: the topic, the
 * expression, its parsed tags and their hash codes. JSON: {@code {"classFilterMode":false,
 * "codeSet":[2598919],"expressionType":"TAG","subString":"TagA","subVersion":ms,
 * "tagsSet":["TagA"],"topic":"T"}}. Null lists read as empty. Immutable.
 *
 * @param topic the subscribed topic
 * @param subString the expression ({@code *} for all)
 * @param tagsSet the tags of a TAG expression
 * @param codeSet the {@code String.hashCode()} of each tag
 * @param subVersion the subscription's version (its creation time in ms)
 * @param expressionType {@code TAG} or {@code SQL92} (null reads as TAG)
 * @param classFilterMode legacy class filter flag
 */
public record SubscriptionData(
    String topic,
    String subString,
    List<String> tagsSet,
    List<Integer> codeSet,
    long subVersion,
    String expressionType,
    boolean classFilterMode) {

  public SubscriptionData {
    tagsSet = tagsSet == null ? List.of() : List.copyOf(tagsSet);
    codeSet = codeSet == null ? List.of() : List.copyOf(codeSet);
  }
}
