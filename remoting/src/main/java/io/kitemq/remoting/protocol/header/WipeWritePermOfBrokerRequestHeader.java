package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The WIPE_WRITE_PERM_OF_BROKER (205) request.
 *
 * <p>Keys are the component names; required keys: {@code brokerName}. Boxed components are optional
 * (null = absent) unless required. Immutable.
 */
public record WipeWritePermOfBrokerRequestHeader(String brokerName) implements CommandHeader {

  /** Checks that required references are present. */
  public WipeWritePermOfBrokerRequestHeader {
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
  public static WipeWritePermOfBrokerRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new WipeWritePermOfBrokerRequestHeader(
        HeaderFields.requireString(extFields, "brokerName"));
  }
}
