package io.kitemq.remoting.protocol.body;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.kitemq.common.message.MessageQueue;
import java.util.Map;

/**
 * The GET_CONSUME_STATS (208) response body: per queue the broker's max offset, the group's
 * committed and pull offsets and the store time of the last consumed message, keyed by MessageQueue
 * objects as fastjson writes them. The admin computes the lag from it. Immutable.
 *
 * @param offsetTable queue to offsets
 * @param consumeTps consumption rate (0 when not measured)
 */
public record ConsumeStats(
    @JsonSerialize(using = ObjectKeyMapSerializer.class)
        @JsonDeserialize(keyUsing = ObjectKeyDeserializer.class)
        Map<MessageQueue, OffsetWrapper> offsetTable,
    double consumeTps) {

  /**
   * @param brokerOffset the queue's max offset
   * @param consumerOffset the group's committed offset
   * @param pullOffset the group's pull position
   * @param lastTimestamp store time of the last consumed message (0 if none)
   */
  public record OffsetWrapper(
      long brokerOffset, long consumerOffset, long pullOffset, long lastTimestamp) {}

  public ConsumeStats {
    offsetTable = offsetTable == null ? Map.of() : Map.copyOf(offsetTable);
  }
}
