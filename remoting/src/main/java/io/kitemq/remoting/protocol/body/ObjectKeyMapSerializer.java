package io.kitemq.remoting.protocol.body;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a map whose keys are objects the way fastjson does: each key as a JSON object, {@code
 * {{"brokerName":"b","queueId":0,"topic":"T"}:value}}. This is not standard JSON, but it is what
 * the official client and admin parse into {@code Map<MessageQueue, ...>}. Entries are sorted by
 * their key's JSON text so that the output is stable. Use with {@code @JsonSerialize(using =
 * ObjectKeyMapSerializer.class)} on the map component, paired with {@link ObjectKeyDeserializer}.
 * Thread-safe (stateless).
 */
public final class ObjectKeyMapSerializer extends StdSerializer<Map<?, ?>> {

  @SuppressWarnings("unchecked") // Map.class stands for every Map<?, ?>
  public ObjectKeyMapSerializer() {
    super((Class<Map<?, ?>>) (Class<?>) Map.class);
  }

  @Override
  public void serialize(Map<?, ?> map, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    List<String[]> entries = new ArrayList<>(map.size());
    for (Map.Entry<?, ?> e : map.entrySet()) {
      entries.add(
          new String[] {
            BodyCodec.mapper().writeValueAsString(e.getKey()),
            BodyCodec.mapper().writeValueAsString(e.getValue())
          });
    }
    entries.sort((a, b) -> a[0].compareTo(b[0]));
    StringBuilder text = new StringBuilder("{");
    for (String[] entry : entries) {
      if (text.length() > 1) {
        text.append(',');
      }
      text.append(entry[0]).append(':').append(entry[1]);
    }
    gen.writeRawValue(text.append('}').toString());
  }
}
