package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The QUERY_DATA_VERSION (322) request; the body carries the broker's DataVersion JSON.
 *
 * <p>Keys are the component names; required keys: {@code brokerName}, {@code brokerAddr}, {@code
 * clusterName}, {@code brokerId}. Boxed components are optional (null = absent) unless required.
 * Immutable.
 */
public record QueryDataVersionRequestHeader(
    String brokerName, String brokerAddr, String clusterName, Long brokerId)
    implements CommandHeader {

  /** Checks that required references are present. */
  public QueryDataVersionRequestHeader {
    Objects.requireNonNull(brokerName, "brokerName");
    Objects.requireNonNull(brokerAddr, "brokerAddr");
    Objects.requireNonNull(clusterName, "clusterName");
    Objects.requireNonNull(brokerId, "brokerId");
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
  public static QueryDataVersionRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new QueryDataVersionRequestHeader(
        HeaderFields.requireString(extFields, "brokerName"),
        HeaderFields.requireString(extFields, "brokerAddr"),
        HeaderFields.requireString(extFields, "clusterName"),
        HeaderFields.requireLong(extFields, "brokerId"));
  }
}
