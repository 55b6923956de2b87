package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The REGISTER_BROKER (103) request; {@code compressed} and {@code bodyCrc32} (0 = unchecked) are
 * always written.
 *
 * <p>Keys are the component names; required keys: {@code brokerName}, {@code brokerAddr}, {@code
 * clusterName}, {@code haServerAddr}, {@code brokerId}. Primitive components are required (or
 * always written); boxed ones are optional (null = absent). Immutable.
 */
public record RegisterBrokerRequestHeader(
    String brokerName,
    String brokerAddr,
    String clusterName,
    String haServerAddr,
    long brokerId,
    Long heartbeatTimeoutMillis,
    Boolean enableActingMaster,
    boolean compressed,
    int bodyCrc32)
    implements CommandHeader {

  /** Checks that required references are present. */
  public RegisterBrokerRequestHeader {
    Objects.requireNonNull(brokerName, "brokerName");
    Objects.requireNonNull(brokerAddr, "brokerAddr");
    Objects.requireNonNull(clusterName, "clusterName");
    Objects.requireNonNull(haServerAddr, "haServerAddr");
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "brokerName", brokerName);
    HeaderFields.put(extFields, "brokerAddr", brokerAddr);
    HeaderFields.put(extFields, "clusterName", clusterName);
    HeaderFields.put(extFields, "haServerAddr", haServerAddr);
    HeaderFields.put(extFields, "brokerId", brokerId);
    HeaderFields.put(extFields, "heartbeatTimeoutMillis", heartbeatTimeoutMillis);
    HeaderFields.put(extFields, "enableActingMaster", enableActingMaster);
    HeaderFields.put(extFields, "compressed", compressed);
    HeaderFields.put(extFields, "bodyCrc32", bodyCrc32);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static RegisterBrokerRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new RegisterBrokerRequestHeader(
        HeaderFields.requireString(extFields, "brokerName"),
        HeaderFields.requireString(extFields, "brokerAddr"),
        HeaderFields.requireString(extFields, "clusterName"),
        HeaderFields.requireString(extFields, "haServerAddr"),
        HeaderFields.requireLong(extFields, "brokerId"),
        HeaderFields.optLong(extFields, "heartbeatTimeoutMillis"),
        HeaderFields.optBool(extFields, "enableActingMaster"),
        HeaderFields.optBool(extFields, "compressed", false),
        HeaderFields.optInt(extFields, "bodyCrc32", 0));
  }
}
