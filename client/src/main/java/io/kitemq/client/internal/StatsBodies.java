package io.kitemq.client.internal;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.kitemq.common.message.MessageQueue;
import io.kitemq.remoting.protocol.body.ConsumeStats;
import io.kitemq.remoting.protocol.body.ObjectKeyDeserializer;
import io.kitemq.remoting.protocol.body.TopicStatsTable;
import java.util.Map;

/**
 * Readers of the statistics bodies whose maps are keyed by queue objects, as fastjson writes them:
 * {@code {"offsetTable":{{"brokerName":..,"queueId":0,"topic":..}:{..}},..}}; the object keys are
 * read back into {@link MessageQueue}s. Immutable records.
 */
final class StatsBodies {

  private StatsBodies() {}

  /** GET_TOPIC_STATS_INFO answer. */
  record TopicStats(
      @JsonDeserialize(keyUsing = ObjectKeyDeserializer.class)
          Map<MessageQueue, TopicStatsTable.TopicOffset> offsetTable,
      double topicPutTps) {

    TopicStats {
      offsetTable = offsetTable == null ? Map.of() : Map.copyOf(offsetTable);
    }
  }

  /** GET_CONSUME_STATS answer. */
  record GroupStats(
      @JsonDeserialize(keyUsing = ObjectKeyDeserializer.class)
          Map<MessageQueue, ConsumeStats.OffsetWrapper> offsetTable,
      double consumeTps) {

    GroupStats {
      offsetTable = offsetTable == null ? Map.of() : Map.copyOf(offsetTable);
    }
  }
}
