package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The UNREGISTER_BROKER (104) request (RocketMQ's {@code UnRegisterBrokerRequestHeader}).
 *
 * <p>Keys are the component names; required keys: {@code brokerName}, {@code brokerAddr}, {@code
 * clusterName}, {@code brokerId}. Primitive components are required (or always written); boxed ones
 * are optional (null = absent). Immutable.
 */
public record UnregisterBrokerRequestHeader(
    String brokerName, String brokerAddr, String clusterName, long brokerId)
    implements CommandHeader {

  /** Checks that required references are present. */
  public UnregisterBrokerRequestHeader {
    Objects.requireNonNull(brokerName, "brokerName");
    Objects.requireNonNull(brokerAddr, "brokerAddr");
    Objects.requireNonNull(clusterName, "clusterName");
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "brokerName", brokerName);
    HeaderFields.put(extFields, "brokerAddr", brokerAddr);
    HeaderFields.put(extFields, "clusterName", clusterName);
    HeaderFields.put(extFields, "brokerId", brokerId);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static UnregisterBrokerRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new UnregisterBrokerRequestHeader(
        HeaderFields.requireString(extFields, "brokerName"),
        HeaderFields.requireString(extFields, "brokerAddr"),
        HeaderFields.requireString(extFields, "clusterName"),
        HeaderFields.requireLong(extFields, "brokerId"));
  }
}
