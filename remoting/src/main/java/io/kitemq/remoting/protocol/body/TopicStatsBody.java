package io.kitemq.remoting.protocol.body;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.kitemq.common.message.MessageQueue;
import java.util.Map;

/**
 * The GET_TOPIC_STATS_INFO answer as a client reads it: the same JSON as {@link TopicStatsTable},
 * {@code {"offsetTable":{{"brokerName":..,"queueId":0,"topic":..}:{"lastUpdateTimestamp":..,
 * "maxOffset":..,"minOffset":..}},"topicPutTps":0.0}}, with the object keys read back into queues.
 * Immutable.
 *
 * @param offsetTable queue to its offsets
 * @param topicPutTps put rate of the topic (0 when not measured)
 */
public record TopicStatsBody(
    @JsonDeserialize(keyUsing = ObjectKeyDeserializer.class)
        Map<MessageQueue, TopicStatsTable.TopicOffset> offsetTable,
    double topicPutTps) {

  public TopicStatsBody {
    offsetTable = offsetTable == null ? Map.of() : Map.copyOf(offsetTable);
  }
}
