package io.kitemq.remoting.protocol.body;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.kitemq.common.message.MessageQueue;
import java.util.Map;

/**
 * The GET_CONSUME_STATS answer as a client reads it: the same JSON as {@link ConsumeStats}, {@code
 * {"consumeTps":0.0,"offsetTable":{{"brokerName":..,"queueId":0,"topic":..}:{"brokerOffset":..,
 * "consumerOffset":..,"lastTimestamp":..,"pullOffset":..}}}}, with the object keys read back into
 * queues. Immutable.
 *
 * @param offsetTable queue to offsets
 * @param consumeTps consumption rate (0 when not measured)
 */
public record ConsumeStatsBody(
    @JsonDeserialize(keyUsing = ObjectKeyDeserializer.class)
        Map<MessageQueue, ConsumeStats.OffsetWrapper> offsetTable,
    double consumeTps) {

  public ConsumeStatsBody {
    offsetTable = offsetTable == null ? Map.of() : Map.copyOf(offsetTable);
  }
}
