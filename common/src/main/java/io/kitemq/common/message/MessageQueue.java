package io.kitemq.common.message;

import java.util.Objects;

/**
 * One queue of a topic on one broker. Ordered by topic, then broker name, then queue id. Immutable
 * value object.
 */
public record MessageQueue(String topic, String brokerName, int queueId)
    implements Comparable<MessageQueue> {

  public MessageQueue {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(brokerName, "brokerName");
  }

  @Override
  public int compareTo(MessageQueue o) {
    int c = topic.compareTo(o.topic);
    if (c != 0) {
      return c;
    }
    c = brokerName.compareTo(o.brokerName);
    return c != 0 ? c : Integer.compare(queueId, o.queueId);
  }
}
