package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The BROKER_HEARTBEAT (904) request: a lightweight keep-alive a 5.x broker sends (oneway) between
 * full registrations when slave-acting-master or controller mode is on.
 *
 * <p>Keys are the component names; required keys: {@code brokerAddr}, {@code brokerName}. Boxed
 * components are optional (null = absent). Immutable.
 */
public record BrokerHeartbeatRequestHeader(
    String clusterName,
    String brokerAddr,
    String brokerName,
    Long brokerId,
    Integer epoch,
    Long maxOffset,
    Long confirmOffset,
    Long heartbeatTimeoutMills,
    Integer electionPriority)
    implements CommandHeader {

  /** Checks that required references are present. */
  public BrokerHeartbeatRequestHeader {
    Objects.requireNonNull(brokerAddr, "brokerAddr");
    Objects.requireNonNull(brokerName, "brokerName");
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "clusterName", clusterName);
    HeaderFields.put(extFields, "brokerAddr", brokerAddr);
    HeaderFields.put(extFields, "brokerName", brokerName);
    HeaderFields.put(extFields, "brokerId", brokerId);
    HeaderFields.put(extFields, "epoch", epoch);
    HeaderFields.put(extFields, "maxOffset", maxOffset);
    HeaderFields.put(extFields, "confirmOffset", confirmOffset);
    HeaderFields.put(extFields, "heartbeatTimeoutMills", heartbeatTimeoutMills);
    HeaderFields.put(extFields, "electionPriority", electionPriority);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static BrokerHeartbeatRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new BrokerHeartbeatRequestHeader(
        HeaderFields.optString(extFields, "clusterName"),
        HeaderFields.requireString(extFields, "brokerAddr"),
        HeaderFields.requireString(extFields, "brokerName"),
        HeaderFields.optLong(extFields, "brokerId"),
        HeaderFields.optInt(extFields, "epoch"),
        HeaderFields.optLong(extFields, "maxOffset"),
        HeaderFields.optLong(extFields, "confirmOffset"),
        HeaderFields.optLong(extFields, "heartbeatTimeoutMills"),
        HeaderFields.optInt(extFields, "electionPriority"));
  }
}
