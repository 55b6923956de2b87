package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;

/**
 * The VIEW_MESSAGE_BY_ID (33) request ({@code offset} = commit-log offset).
 *
 * <p>Keys are the component names; required keys: {@code offset}. Primitive components are required
 * (or always written); boxed ones are optional (null = absent). Immutable.
 */
public record ViewMessageRequestHeader(String topic, long offset) implements CommandHeader {

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "topic", topic);
    HeaderFields.put(extFields, "offset", offset);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static ViewMessageRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new ViewMessageRequestHeader(
        HeaderFields.optString(extFields, "topic"), HeaderFields.requireLong(extFields, "offset"));
  }
}
