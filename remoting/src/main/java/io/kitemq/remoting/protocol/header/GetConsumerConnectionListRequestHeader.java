package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The GET_CONSUMER_CONNECTION_LIST (203) request: required {@code consumerGroup}; inherited keys in
 * {@link #rpc()}. Immutable.
 */
public record GetConsumerConnectionListRequestHeader(String consumerGroup, RpcHeader rpc)
    implements CommandHeader {

  public GetConsumerConnectionListRequestHeader {
    Objects.requireNonNull(consumerGroup, "consumerGroup");
    Objects.requireNonNull(rpc, "rpc (use RpcHeader.NONE)");
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "consumerGroup", consumerGroup);
    rpc.writeTo(extFields);
  }

  /**
   * @throws RemotingCommandException naming a missing required field
   */
  public static GetConsumerConnectionListRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new GetConsumerConnectionListRequestHeader(
        HeaderFields.requireString(extFields, "consumerGroup"), RpcHeader.fromExtFields(extFields));
  }
}
