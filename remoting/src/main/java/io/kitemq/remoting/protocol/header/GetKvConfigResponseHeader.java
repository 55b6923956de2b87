package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;

/**
 * The GET_KV_CONFIG (101) response (RocketMQ's {@code GetKVConfigResponseHeader}).
 *
 * <p>Keys are the component names; required keys: none. Boxed components are optional (null =
 * absent) unless required. Immutable.
 */
public record GetKvConfigResponseHeader(String value) implements CommandHeader {

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "value", value);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static GetKvConfigResponseHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new GetKvConfigResponseHeader(HeaderFields.optString(extFields, "value"));
  }
}
