package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The GET_TOPIC_STATS_INFO (202) request: required key {@code topic}; inherited keys in {@link
 * #rpc()}. Immutable.
 */
public record GetTopicStatsInfoRequestHeader(String topic, RpcHeader rpc) implements CommandHeader {

  public GetTopicStatsInfoRequestHeader {
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
  public static GetTopicStatsInfoRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new GetTopicStatsInfoRequestHeader(
        HeaderFields.requireString(extFields, "topic"), RpcHeader.fromExtFields(extFields));
  }
}
