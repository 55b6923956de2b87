package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;

/**
 * The GET_EARLIEST_MSG_STORETIME (32) response.
 *
 * <p>Keys are the component names; required keys: {@code timestamp}. Primitive components are
 * required (or always written); boxed ones are optional (null = absent). Immutable.
 */
public record GetEarliestMsgStoretimeResponseHeader(long timestamp) implements CommandHeader {

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "timestamp", timestamp);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static GetEarliestMsgStoretimeResponseHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new GetEarliestMsgStoretimeResponseHeader(
        HeaderFields.requireLong(extFields, "timestamp"));
  }
}
