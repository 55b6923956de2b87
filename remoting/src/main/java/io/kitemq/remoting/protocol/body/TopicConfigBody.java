package io.kitemq.remoting.protocol.body;

import io.kitemq.common.topic.TopicConfig;
import java.util.Map;

/**
 * One topic configuration as a standalone body (GET_TOPIC_CONFIG answer, RocketMQ's
 * TopicConfigAndQueueMapping without a static-topic mapping): {@code {"attributes":{},
 * "order":false,"perm":6,"readQueueNums":4,"topicFilterType":"SINGLE_TAG","topicName":"T",
 * "topicSysFlag":0,"writeQueueNums":4}}. Immutable.
 */
public record TopicConfigBody(
    Map<String, String> attributes,
    boolean order,
    int perm,
    int readQueueNums,
    String topicFilterType,
    String topicName,
    int topicSysFlag,
    int writeQueueNums) {

  public TopicConfigBody {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  /** The body of a topic config with its attributes. */
  public static TopicConfigBody of(TopicConfig c, Map<String, String> attributes) {
    return new TopicConfigBody(
        attributes,
        c.order(),
        c.perm(),
        c.readQueueNums(),
        c.topicFilterType().name(),
        c.topicName(),
        c.topicSysFlag(),
        c.writeQueueNums());
  }
}
