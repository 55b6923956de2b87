package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The DELETE_KV_CONFIG (102) request (RocketMQ's {@code DeleteKVConfigRequestHeader}).
 *
 * <p>Keys are the component names; required keys: {@code namespace}, {@code key}. Boxed components
 * are optional (null = absent) unless required. Immutable.
 */
public record DeleteKvConfigRequestHeader(String namespace, String key) implements CommandHeader {

  /** Checks that required references are present. */
  public DeleteKvConfigRequestHeader {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(key, "key");
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "namespace", namespace);
    HeaderFields.put(extFields, "key", key);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static DeleteKvConfigRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new DeleteKvConfigRequestHeader(
        HeaderFields.requireString(extFields, "namespace"),
        HeaderFields.requireString(extFields, "key"));
  }
}
