package io.kitemq.remoting.protocol.body;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.kitemq.common.message.MessageQueue;
import java.util.Map;

/**
 * The GET_TOPIC_STATS_INFO (202) response body: per queue its offsets and last store time, keyed by
 * MessageQueue objects as fastjson writes them ({@code {{"brokerName":..}:{...}}}). Immutable.
 *
 * @param offsetTable queue to its offsets
 * @param topicPutTps put rate of the topic (0 when not measured)
 */
public record TopicStatsTable(
    @JsonSerialize(using = ObjectKeyMapSerializer.class)
        @JsonDeserialize(keyUsing = ObjectKeyDeserializer.class)
        Map<MessageQueue, TopicOffset> offsetTable,
    double topicPutTps) {

  /**
   * @param minOffset first readable queue offset
   * @param maxOffset next queue offset
   * @param lastUpdateTimestamp store time of the last message (0 if none)
   */
  public record TopicOffset(long minOffset, long maxOffset, long lastUpdateTimestamp) {}

  public TopicStatsTable {
    offsetTable = offsetTable == null ? Map.of() : Map.copyOf(offsetTable);
  }
}
