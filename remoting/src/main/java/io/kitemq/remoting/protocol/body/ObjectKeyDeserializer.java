package io.kitemq.remoting.protocol.body;

import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualKeyDeserializer;
import java.io.IOException;

/**
 * Reads map keys that fastjson wrote as JSON objects: {@link FastjsonText} turns each such key into
 * a string holding its JSON text, and this deserializer parses that text into the map's key type.
 * Use with {@code @JsonDeserialize(keyUsing = ObjectKeyDeserializer.class)} on the map component.
 * Thread-safe (immutable).
 */
public final class ObjectKeyDeserializer extends KeyDeserializer
    implements ContextualKeyDeserializer {

  private final JavaType keyType;

  public ObjectKeyDeserializer() {
    this(null);
  }

  private ObjectKeyDeserializer(JavaType keyType) {
    this.keyType = keyType;
  }

  @Override
  public KeyDeserializer createContextual(DeserializationContext ctxt, BeanProperty property)
      throws JsonMappingException {
    if (property == null || property.getType().getKeyType() == null) {
      throw JsonMappingException.from(ctxt, "object keys need a typed map property");
    }
    return new ObjectKeyDeserializer(property.getType().getKeyType());
  }

  @Override
  public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
    if (keyType == null) {
      throw JsonMappingException.from(ctxt, "object keys need a typed map property");
    }
    return BodyCodec.mapper().readValue(key, keyType);
  }
}
