package io.kitemq.store;

import io.kitemq.common.message.MessageConst;
import io.kitemq.common.message.TagHash;
import java.util.Map;

/**
 * Computes the consume-queue tag code of a message recovery re-dispatches from the commit log (an
 * entry lost in a crash). Appends carry their code in {@link AppendRequest#tagsCode()}; a broker
 * that stores something other than the TAGS hash there (the deliver time of SCHEDULE_TOPIC_XXXX
 * entries) supplies the same rule here so rebuilt entries match. Must be thread-safe and pure.
 */
@FunctionalInterface
public interface TagsCodeResolver {

  /** The TAGS hash code, 0 without a tag. */
  TagsCodeResolver TAGS_HASH =
      (topic, props, storeTimestamp) -> TagHash.of(props.get(MessageConst.PROPERTY_TAGS));

  /**
   * @param topic the record's topic
   * @param properties its decoded properties
   * @param storeTimestamp its store time
   */
  long tagsCode(String topic, Map<String, String> properties, long storeTimestamp);
}
