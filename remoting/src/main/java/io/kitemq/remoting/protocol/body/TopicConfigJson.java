package io.kitemq.remoting.protocol.body;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.kitemq.common.topic.TopicConfig;
import io.kitemq.common.topic.TopicFilterType;
import io.kitemq.common.topic.TopicPermission;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON form of {@link TopicConfig} and {@link TopicConfigSerializeWrapper}, written out by hand
 * because the attributes live beside the config. Fields missing on read take RocketMQ's TopicConfig
 * defaults (16 queues, perm 6, SINGLE_TAG, topic name = the table key). Stateless, thread-safe.
 */
final class TopicConfigJson {

  private TopicConfigJson() {}

  static void writeTopicConfig(JsonGenerator gen, TopicConfig config, Map<String, String> attrs)
      throws IOException {
    gen.writeStartObject();
    gen.writeObjectField("attributes", new TreeMap<>(attrs));
    gen.writeBooleanField("order", config.order());
    gen.writeNumberField("perm", config.perm());
    gen.writeNumberField("readQueueNums", config.readQueueNums());
    gen.writeStringField("topicFilterType", config.topicFilterType().name());
    gen.writeStringField("topicName", config.topicName());
    gen.writeNumberField("topicSysFlag", config.topicSysFlag());
    gen.writeNumberField("writeQueueNums", config.writeQueueNums());
    gen.writeEndObject();
  }

  /** Reads one TopicConfig object; {@code attrsOut} receives its attributes. */
  static TopicConfig readTopicConfig(JsonNode node, String key, Map<String, String> attrsOut) {
    String name = node.path("topicName").asText(key);
    JsonNode attributes = node.path("attributes");
    for (Map.Entry<String, JsonNode> e : attributes.properties()) {
      attrsOut.put(e.getKey(), e.getValue().asText());
    }
    String filter = node.path("topicFilterType").asText(TopicFilterType.SINGLE_TAG.name());
    return new TopicConfig(
        name,
        node.path("readQueueNums").asInt(TopicConfig.DEFAULT_QUEUE_NUMS),
        node.path("writeQueueNums").asInt(TopicConfig.DEFAULT_QUEUE_NUMS),
        node.path("perm").asInt(TopicPermission.READ_WRITE),
        TopicFilterType.valueOf(filter),
        node.path("topicSysFlag").asInt(0),
        node.path("order").asBoolean(false));
  }

  static DataVersion readDataVersion(JsonNode node) {
    return new DataVersion(
        node.path("counter").asLong(0),
        node.path("stateVersion").asLong(0),
        node.path("timestamp").asLong(0));
  }

  static final class WrapperSerializer extends StdSerializer<TopicConfigSerializeWrapper> {

    WrapperSerializer() {
      super(TopicConfigSerializeWrapper.class);
    }

    @Override
    public void serialize(
        TopicConfigSerializeWrapper wrapper, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeStartObject();
      gen.writeObjectField("dataVersion", wrapper.dataVersion());
      gen.writeObjectFieldStart("topicConfigTable");
      for (Map.Entry<String, TopicConfig> e : wrapper.topicConfigTable().entrySet()) {
        gen.writeFieldName(e.getKey());
        writeTopicConfig(gen, e.getValue(), wrapper.attributesOf(e.getKey()));
      }
      gen.writeEndObject();
      gen.writeEndObject();
    }
  }

  static final class WrapperDeserializer extends StdDeserializer<TopicConfigSerializeWrapper> {

    WrapperDeserializer() {
      super(TopicConfigSerializeWrapper.class);
    }

    @Override
    public TopicConfigSerializeWrapper deserialize(JsonParser parser, DeserializationContext ctxt)
        throws IOException {
      JsonNode root = parser.readValueAsTree();
      Map<String, TopicConfig> table = new LinkedHashMap<>();
      Map<String, Map<String, String>> attributes = new LinkedHashMap<>();
      JsonNode topics = root.path("topicConfigTable");
      for (Map.Entry<String, JsonNode> e : topics.properties()) {
        Map<String, String> attrs = new TreeMap<>();
        try {
          TopicConfig config = readTopicConfig(e.getValue(), e.getKey(), attrs);
          table.put(e.getKey(), config);
          attributes.put(e.getKey(), attrs);
        } catch (IllegalArgumentException bad) {
          return ctxt.reportInputMismatch(
              TopicConfigSerializeWrapper.class,
              "bad topic config %s: %s",
              e.getKey(),
              bad.getMessage());
        }
      }
      return new TopicConfigSerializeWrapper(
          table, attributes, readDataVersion(root.path("dataVersion")));
    }
  }
}
