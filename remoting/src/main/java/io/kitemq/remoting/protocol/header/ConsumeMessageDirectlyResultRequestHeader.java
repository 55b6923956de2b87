package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The CONSUME_MESSAGE_DIRECTLY (309) request, admin to broker and broker to client (the message in
 * the body): required {@code consumerGroup}; the rest optional (null = absent); inherited keys in
 * {@link #rpc()}. Immutable.
 */
public record ConsumeMessageDirectlyResultRequestHeader(
    String consumerGroup,
    String clientId,
    String msgId,
    String brokerName,
    String topic,
    Integer topicSysFlag,
    Integer groupSysFlag,
    RpcHeader rpc)
    implements CommandHeader {

  public ConsumeMessageDirectlyResultRequestHeader {
    Objects.requireNonNull(consumerGroup, "consumerGroup");
    Objects.requireNonNull(rpc, "rpc (use RpcHeader.NONE)");
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "consumerGroup", consumerGroup);
    HeaderFields.put(extFields, "clientId", clientId);
    HeaderFields.put(extFields, "msgId", msgId);
    HeaderFields.put(extFields, "brokerName", brokerName);
    HeaderFields.put(extFields, "topic", topic);
    HeaderFields.put(extFields, "topicSysFlag", topicSysFlag);
    HeaderFields.put(extFields, "groupSysFlag", groupSysFlag);
    rpc.writeTo(extFields);
  }

  /**
   * @throws RemotingCommandException naming a missing or malformed field
   */
  public static ConsumeMessageDirectlyResultRequestHeader fromExtFields(
      Map<String, String> extFields) throws RemotingCommandException {
    return new ConsumeMessageDirectlyResultRequestHeader(
        HeaderFields.requireString(extFields, "consumerGroup"),
        HeaderFields.optString(extFields, "clientId"),
        HeaderFields.optString(extFields, "msgId"),
        HeaderFields.optString(extFields, "brokerName"),
        HeaderFields.optString(extFields, "topic"),
        HeaderFields.optInt(extFields, "topicSysFlag"),
        HeaderFields.optInt(extFields, "groupSysFlag"),
        RpcHeader.fromExtFields(extFields));
  }
}
