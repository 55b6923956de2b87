package io.kitemq.remoting.protocol.body;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.kitemq.common.message.MessageQueue;
import java.util.Map;

/**
 * The RESET_CONSUMER_CLIENT_OFFSET (220) request body: the offset each queue's consumption restarts
 * from, MessageQueue object keys as fastjson writes them. Null reads as empty. Immutable.
 */
public record ResetOffsetBody(
    @JsonSerialize(using = ObjectKeyMapSerializer.class)
        @JsonDeserialize(keyUsing = ObjectKeyDeserializer.class)
        Map<MessageQueue, Long> offsetTable) {

  public ResetOffsetBody {
    offsetTable = offsetTable == null ? Map.of() : Map.copyOf(offsetTable);
  }
}
