package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The PUT_KV_CONFIG (100) request (RocketMQ's {@code PutKVConfigRequestHeader}).
 *
 * <p>Keys are the component names; required keys: {@code namespace}, {@code key}, {@code value}.
 * Boxed components are optional (null = absent) unless required. Immutable.
 */
public record PutKvConfigRequestHeader(String namespace, String key, String value)
    implements CommandHeader {

  /** Checks that required references are present. */
  public PutKvConfigRequestHeader {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "namespace", namespace);
    HeaderFields.put(extFields, "key", key);
    HeaderFields.put(extFields, "value", value);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static PutKvConfigRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new PutKvConfigRequestHeader(
        HeaderFields.requireString(extFields, "namespace"),
        HeaderFields.requireString(extFields, "key"),
        HeaderFields.requireString(extFields, "value"));
  }
}
