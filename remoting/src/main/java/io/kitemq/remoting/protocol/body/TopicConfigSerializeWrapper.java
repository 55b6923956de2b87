package io.kitemq.remoting.protocol.body;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.kitemq.common.topic.TopicConfig;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * All topic configurations of a broker with their data version (GET_ALL_TOPIC_CONFIG answer,
 * topics.json, the core of a broker registration). JSON:
 *
 * <pre>
 * {"dataVersion":{"counter":N,"stateVersion":0,"timestamp":ms},
 *  "topicConfigTable":{"T":{"attributes":{},"order":false,"perm":6,"readQueueNums":4,
 *     "topicFilterType":"SINGLE_TAG","topicName":"T","topicSysFlag":0,"writeQueueNums":4}}}
 * </pre>
 *
 * A topic's {@code attributes} (e.g. {@code message.type}) travel in {@link #topicAttributes()}
 * keyed by topic name, since {@link TopicConfig} does not carry them; topics without an entry have
 * none. Static-topic mapping fields of the 5.x wrapper are skipped when read. Immutable.
 *
 * @param topicConfigTable topic name to configuration
 * @param topicAttributes topic name to attributes (null reads as none)
 * @param dataVersion the version of this table
 */
@JsonSerialize(using = TopicConfigJson.WrapperSerializer.class)
@JsonDeserialize(using = TopicConfigJson.WrapperDeserializer.class)
public record TopicConfigSerializeWrapper(
    Map<String, TopicConfig> topicConfigTable,
    Map<String, Map<String, String>> topicAttributes,
    DataVersion dataVersion) {

  public TopicConfigSerializeWrapper {
    topicConfigTable =
        topicConfigTable == null
            ? Collections.emptySortedMap()
            : Collections.unmodifiableSortedMap(new TreeMap<>(topicConfigTable));
    TreeMap<String, Map<String, String>> attrs = new TreeMap<>();
    if (topicAttributes != null) {
      topicAttributes.forEach(
          (topic, a) -> {
            if (a != null && !a.isEmpty()) {
              attrs.put(topic, Collections.unmodifiableSortedMap(new TreeMap<>(a)));
            }
          });
    }
    topicAttributes = Collections.unmodifiableSortedMap(attrs);
    Objects.requireNonNull(dataVersion, "dataVersion");
  }

  /** A table whose topics have no attributes. */
  public TopicConfigSerializeWrapper(
      Map<String, TopicConfig> topicConfigTable, DataVersion dataVersion) {
    this(topicConfigTable, Map.of(), dataVersion);
  }

  /** The attributes of {@code topic}, empty when it has none. */
  public Map<String, String> attributesOf(String topic) {
    return topicAttributes.getOrDefault(topic, Map.of());
  }
}
