package io.kitemq.common.message;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A message as a producer builds it: topic, user flag, body and properties (kept in insertion
 * order, which is the order they are encoded in).
 *
 * <p>System properties have typed accessors ({@link #setTags}, {@link #setKeys}, {@link
 * #setDelayTimeLevel}, ...). User properties go through {@link #putUserProperty}, which refuses the
 * keys in {@link MessageConst#RESERVED_KEYS}. The body array is held, not copied.
 *
 * <p>Not thread-safe.
 */
public class Message {

  private String topic;
  private int flag;
  private byte[] body;
  private LinkedHashMap<String, String> properties = new LinkedHashMap<>();

  public Message() {}

  public Message(String topic, byte[] body) {
    this.topic = topic;
    this.body = body;
  }

  public Message(String topic, String tags, String keys, byte[] body) {
    this(topic, body);
    if (tags != null && !tags.isEmpty()) {
      setTags(tags);
    }
    if (keys != null && !keys.isEmpty()) {
      setKeys(keys);
    }
  }

  public String getTopic() {
    return topic;
  }

  public void setTopic(String topic) {
    this.topic = topic;
  }

  public int getFlag() {
    return flag;
  }

  public void setFlag(int flag) {
    this.flag = flag;
  }

  /** The body array itself (not a copy); may be null on a message decoded without its body. */
  public byte[] getBody() {
    return body;
  }

  public void setBody(byte[] body) {
    this.body = body;
  }

  /** Read-only live view of all properties, system and user, in encoding order. */
  public Map<String, String> getProperties() {
    return Collections.unmodifiableMap(properties);
  }

  /** Replaces all properties with a copy of {@code newProperties} (validated like a put). */
  public void setProperties(Map<String, String> newProperties) {
    LinkedHashMap<String, String> copy = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : newProperties.entrySet()) {
      MessageProperties.checkName(e.getKey());
      MessageProperties.checkValue(e.getKey(), e.getValue());
      copy.put(e.getKey(), e.getValue());
    }
    this.properties = copy;
  }

  /** Takes ownership of a map the codecs built (already valid), avoiding a copy. */
  void adoptProperties(LinkedHashMap<String, String> decoded) {
    this.properties = decoded;
  }

  public String getProperty(String name) {
    return properties.get(name);
  }

  /**
   * Sets any property, system keys included (brokers and codecs need that).
   *
   * @throws IllegalArgumentException if the name or value is empty or holds a separator char
   */
  public void putProperty(String name, String value) {
    MessageProperties.checkName(name);
    MessageProperties.checkValue(name, value);
    properties.put(name, value);
  }

  public String removeProperty(String name) {
    return properties.remove(name);
  }

  public boolean hasProperty(String name) {
    return properties.containsKey(name);
  }

  /**
   * Sets a user property.
   *
   * @throws IllegalArgumentException if {@code name} is a reserved system key, or the name or value
   *     is blank or holds a separator char
   */
  public void putUserProperty(String name, String value) {
    checkUserKey(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("value of user property " + name + " must not be blank");
    }
    putProperty(name, value);
  }

  /**
   * Reads a user property.
   *
   * @throws IllegalArgumentException if {@code name} is a reserved system key (use the typed
   *     accessor or {@link #getProperty} for those)
   */
  public String getUserProperty(String name) {
    checkUserKey(name);
    return properties.get(name);
  }

  private static void checkUserKey(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("user property name must not be blank");
    }
    if (MessageConst.isReserved(name)) {
      throw new IllegalArgumentException(
          "property name " + name + " is reserved for the system; choose another name");
    }
  }

  public String getTags() {
    return properties.get(MessageConst.PROPERTY_TAGS);
  }

  public void setTags(String tags) {
    putProperty(MessageConst.PROPERTY_TAGS, tags);
  }

  /** The raw KEYS property (keys joined by a space), or null. */
  public String getKeys() {
    return properties.get(MessageConst.PROPERTY_KEYS);
  }

  /** The keys in KEYS, split on spaces, empty ones dropped. */
  public List<String> getKeyList() {
    String keys = getKeys();
    List<String> out = new ArrayList<>();
    if (keys == null) {
      return out;
    }
    for (String k : keys.split(MessageConst.KEY_SEPARATOR)) {
      if (!k.isEmpty()) {
        out.add(k);
      }
    }
    return out;
  }

  public void setKeys(String keys) {
    putProperty(MessageConst.PROPERTY_KEYS, keys);
  }

  /** Sets KEYS to the keys joined by a space; a key may not itself contain a space. */
  public void setKeys(Collection<String> keys) {
    for (String k : keys) {
      if (k == null || k.isEmpty() || k.contains(MessageConst.KEY_SEPARATOR)) {
        throw new IllegalArgumentException("a message key must be non-empty without spaces: " + k);
      }
    }
    setKeys(String.join(MessageConst.KEY_SEPARATOR, keys));
  }

  /** DELAY level (1..18 by default), 0 when absent. */
  public int getDelayTimeLevel() {
    String v = properties.get(MessageConst.PROPERTY_DELAY_TIME_LEVEL);
    return v == null ? 0 : parseInt(MessageConst.PROPERTY_DELAY_TIME_LEVEL, v);
  }

  public void setDelayTimeLevel(int level) {
    putProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL, Integer.toString(level));
  }

  /** TIMER_DELIVER_MS: absolute delivery time in epoch ms, 0 when absent. */
  public long getDeliverTimeMs() {
    return longProperty(MessageConst.PROPERTY_TIMER_DELIVER_MS);
  }

  public void setDeliverTimeMs(long epochMillis) {
    putProperty(MessageConst.PROPERTY_TIMER_DELIVER_MS, Long.toString(epochMillis));
  }

  /** TIMER_DELAY_SEC, 0 when absent. */
  public long getDelayTimeSec() {
    return longProperty(MessageConst.PROPERTY_TIMER_DELAY_SEC);
  }

  public void setDelayTimeSec(long seconds) {
    putProperty(MessageConst.PROPERTY_TIMER_DELAY_SEC, Long.toString(seconds));
  }

  /** TIMER_DELAY_MS, 0 when absent. */
  public long getDelayTimeMs() {
    return longProperty(MessageConst.PROPERTY_TIMER_DELAY_MS);
  }

  public void setDelayTimeMs(long millis) {
    putProperty(MessageConst.PROPERTY_TIMER_DELAY_MS, Long.toString(millis));
  }

  /** WAIT: true unless the property says otherwise ({@code Boolean.parseBoolean} semantics). */
  public boolean isWaitStoreMsgOK() {
    String v = properties.get(MessageConst.PROPERTY_WAIT_STORE_MSG_OK);
    return v == null || Boolean.parseBoolean(v);
  }

  public void setWaitStoreMsgOK(boolean wait) {
    putProperty(MessageConst.PROPERTY_WAIT_STORE_MSG_OK, Boolean.toString(wait));
  }

  /** TRAN_MSG: whether this is a transactional half message. */
  public boolean isTransactionPrepared() {
    return Boolean.parseBoolean(properties.get(MessageConst.PROPERTY_TRANSACTION_PREPARED));
  }

  public void setTransactionPrepared(boolean prepared) {
    putProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED, Boolean.toString(prepared));
  }

  public String getProducerGroup() {
    return properties.get(MessageConst.PROPERTY_PRODUCER_GROUP);
  }

  public void setProducerGroup(String group) {
    putProperty(MessageConst.PROPERTY_PRODUCER_GROUP, group);
  }

  /** UNIQ_KEY: the client-generated unique id, or null. */
  public String getUniqueId() {
    return properties.get(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
  }

  public void setUniqueId(String uniqueId) {
    putProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, uniqueId);
  }

  /** Sets the unique id without the separator check: for ids a {@link UniqueIdGenerator} made. */
  void setGeneratedUniqueId(String uniqueId) {
    properties.put(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, uniqueId);
  }

  private long longProperty(String name) {
    String v = properties.get(name);
    if (v == null) {
      return 0;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalStateException("property " + name + " is not a number: '" + v + "'", e);
    }
  }

  private static int parseInt(String name, String v) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalStateException("property " + name + " is not a number: '" + v + "'", e);
    }
  }

  @Override
  public String toString() {
    return "Message{topic="
        + topic
        + ", flag="
        + flag
        + ", properties="
        + properties
        + ", bodyLength="
        + (body == null ? -1 : body.length)
        + '}';
  }
}
