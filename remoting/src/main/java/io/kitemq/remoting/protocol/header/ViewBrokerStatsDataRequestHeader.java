package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The VIEW_BROKER_STATS_DATA (315) request: required {@code statsName} (such as {@code
 * TOPIC_PUT_NUMS}) and {@code statsKey} (such as the topic); inherited keys in {@link #rpc()}.
 * Immutable.
 */
public record ViewBrokerStatsDataRequestHeader(String statsName, String statsKey, RpcHeader rpc)
    implements CommandHeader {

  public ViewBrokerStatsDataRequestHeader {
    Objects.requireNonNull(statsName, "statsName");
    Objects.requireNonNull(statsKey, "statsKey");
    Objects.requireNonNull(rpc, "rpc (use RpcHeader.NONE)");
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "statsName", statsName);
    HeaderFields.put(extFields, "statsKey", statsKey);
    rpc.writeTo(extFields);
  }

  /**
   * @throws RemotingCommandException naming a missing required field
   */
  public static ViewBrokerStatsDataRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new ViewBrokerStatsDataRequestHeader(
        HeaderFields.requireString(extFields, "statsName"),
        HeaderFields.requireString(extFields, "statsKey"),
        RpcHeader.fromExtFields(extFields));
  }
}
