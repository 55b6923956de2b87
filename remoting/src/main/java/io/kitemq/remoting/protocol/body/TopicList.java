package io.kitemq.remoting.protocol.body;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A set of topic names (answers of the topic-list requests). JSON: {@code {"topicList":["A","B"]}},
 * plus {@code brokerAddr} in the system topic list. Immutable; sorted.
 *
 * @param topicList the topics
 * @param brokerAddr the address of one broker (system topic list only), or null
 */
public record TopicList(Set<String> topicList, String brokerAddr) {

  public TopicList {
    topicList =
        topicList == null
            ? Collections.emptySortedSet()
            : Collections.unmodifiableSortedSet(new TreeSet<>(topicList));
  }

  /** A topic list without broker address. */
  public TopicList(Set<String> topicList) {
    this(topicList, null);
  }
}
