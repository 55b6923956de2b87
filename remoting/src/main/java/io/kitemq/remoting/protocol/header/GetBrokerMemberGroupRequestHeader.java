package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The GET_BROKER_MEMBER_GROUP (901) request: the addresses of every member of a broker name.
 *
 * <p>Keys are the component names; required keys: {@code clusterName}, {@code brokerName}.
 * Immutable.
 */
public record GetBrokerMemberGroupRequestHeader(String clusterName, String brokerName)
    implements CommandHeader {

  /** Checks that required references are present. */
  public GetBrokerMemberGroupRequestHeader {
    Objects.requireNonNull(clusterName, "clusterName");
    Objects.requireNonNull(brokerName, "brokerName");
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "clusterName", clusterName);
    HeaderFields.put(extFields, "brokerName", brokerName);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static GetBrokerMemberGroupRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new GetBrokerMemberGroupRequestHeader(
        HeaderFields.requireString(extFields, "clusterName"),
        HeaderFields.requireString(extFields, "brokerName"));
  }
}
