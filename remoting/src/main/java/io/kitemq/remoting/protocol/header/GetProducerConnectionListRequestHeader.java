package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The GET_PRODUCER_CONNECTION_LIST (204) request: required {@code producerGroup}; inherited keys in
 * {@link #rpc()}. Immutable.
 */
public record GetProducerConnectionListRequestHeader(String producerGroup, RpcHeader rpc)
    implements CommandHeader {

  public GetProducerConnectionListRequestHeader {
    Objects.requireNonNull(producerGroup, "producerGroup");
    Objects.requireNonNull(rpc, "rpc (use RpcHeader.NONE)");
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "producerGroup", producerGroup);
    rpc.writeTo(extFields);
  }

  /**
   * @throws RemotingCommandException naming a missing required field
   */
  public static GetProducerConnectionListRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new GetProducerConnectionListRequestHeader(
        HeaderFields.requireString(extFields, "producerGroup"), RpcHeader.fromExtFields(extFields));
  }
}
