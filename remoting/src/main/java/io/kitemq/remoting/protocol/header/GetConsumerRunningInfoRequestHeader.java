package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The GET_CONSUMER_RUNNING_INFO (307) request, admin to broker and broker to client: required
 * {@code consumerGroup} and {@code clientId}; {@code jstackEnable} always written; inherited keys
 * in {@link #rpc()}. Immutable.
 */
public record GetConsumerRunningInfoRequestHeader(
    String consumerGroup, String clientId, boolean jstackEnable, RpcHeader rpc)
    implements CommandHeader {

  public GetConsumerRunningInfoRequestHeader {
    Objects.requireNonNull(consumerGroup, "consumerGroup");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(rpc, "rpc (use RpcHeader.NONE)");
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "consumerGroup", consumerGroup);
    HeaderFields.put(extFields, "clientId", clientId);
    HeaderFields.put(extFields, "jstackEnable", jstackEnable);
    rpc.writeTo(extFields);
  }

  /**
   * @throws RemotingCommandException naming a missing required field
   */
  public static GetConsumerRunningInfoRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new GetConsumerRunningInfoRequestHeader(
        HeaderFields.requireString(extFields, "consumerGroup"),
        HeaderFields.requireString(extFields, "clientId"),
        HeaderFields.optBool(extFields, "jstackEnable", false),
        RpcHeader.fromExtFields(extFields));
  }
}
