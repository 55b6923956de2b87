package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The ADD_WRITE_PERM_OF_BROKER (327) request.
 *
 * <p>Keys are the component names; required keys: {@code brokerName}. Boxed components are optional
 * (null = absent) unless required. Immutable.
 */
public record AddWritePermOfBrokerRequestHeader(String brokerName) implements CommandHeader {

  /** Checks that required references are present. */
  public AddWritePermOfBrokerRequestHeader {
    Objects.requireNonNull(brokerName, "brokerName");
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "brokerName", brokerName);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static AddWritePermOfBrokerRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new AddWritePermOfBrokerRequestHeader(
        HeaderFields.requireString(extFields, "brokerName"));
  }
}
