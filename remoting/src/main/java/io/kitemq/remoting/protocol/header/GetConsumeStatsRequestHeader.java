package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The GET_CONSUME_STATS (208) request: required {@code consumerGroup}, optional {@code topic} and
 * {@code topicList} (';'-separated); inherited keys in {@link #rpc()}. Immutable.
 */
public record GetConsumeStatsRequestHeader(
    String consumerGroup, String topic, String topicList, RpcHeader rpc) implements CommandHeader {

  public GetConsumeStatsRequestHeader {
    Objects.requireNonNull(consumerGroup, "consumerGroup");
    Objects.requireNonNull(rpc, "rpc (use RpcHeader.NONE)");
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "consumerGroup", consumerGroup);
    HeaderFields.put(extFields, "topic", topic);
    HeaderFields.put(extFields, "topicList", topicList);
    rpc.writeTo(extFields);
  }

  /**
   * @throws RemotingCommandException naming a missing required field
   */
  public static GetConsumeStatsRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new GetConsumeStatsRequestHeader(
        HeaderFields.requireString(extFields, "consumerGroup"),
        HeaderFields.optString(extFields, "topic"),
        HeaderFields.optString(extFields, "topicList"),
        RpcHeader.fromExtFields(extFields));
  }
}
