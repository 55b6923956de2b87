package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;

/**
 * The ADD_WRITE_PERM_OF_BROKER (327) response.
 *
 * <p>Keys are the component names; required keys: none. Boxed components are optional (null =
 * absent) unless required. Immutable.
 */
public record AddWritePermOfBrokerResponseHeader(Integer addTopicCount) implements CommandHeader {

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "addTopicCount", addTopicCount);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static AddWritePermOfBrokerResponseHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new AddWritePermOfBrokerResponseHeader(HeaderFields.optInt(extFields, "addTopicCount"));
  }
}
