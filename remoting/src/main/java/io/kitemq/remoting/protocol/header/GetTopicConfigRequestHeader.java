package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The GET_TOPIC_CONFIG (351) request: required {@code topic}; inherited keys in {@link #rpc()}.
 * Immutable.
 */
public record GetTopicConfigRequestHeader(String topic, RpcHeader rpc) implements CommandHeader {

  public GetTopicConfigRequestHeader {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(rpc, "rpc (use RpcHeader.NONE)");
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "topic", topic);
    rpc.writeTo(extFields);
  }

  /**
   * @throws RemotingCommandException naming a missing required field
   */
  public static GetTopicConfigRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new GetTopicConfigRequestHeader(
        HeaderFields.requireString(extFields, "topic"), RpcHeader.fromExtFields(extFields));
  }
}
