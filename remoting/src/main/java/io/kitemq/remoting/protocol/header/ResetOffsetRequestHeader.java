package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The RESET_CONSUMER_CLIENT_OFFSET (220) request, broker to client (the new offsets in a {@code
 * ResetOffsetBody}), and INVOKE_BROKER_TO_RESET_OFFSET (222), admin to broker: required {@code
 * group}, {@code topic}, {@code timestamp}, {@code isForce}; {@code queueId} (-1 = all) always
 * written; {@code offset} optional. Immutable.
 */
public record ResetOffsetRequestHeader(
    String group,
    String topic,
    int queueId,
    Long offset,
    long timestamp,
    boolean isForce,
    RpcHeader rpc)
    implements CommandHeader {

  public ResetOffsetRequestHeader {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(rpc, "rpc (use RpcHeader.NONE)");
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "group", group);
    HeaderFields.put(extFields, "topic", topic);
    HeaderFields.put(extFields, "queueId", queueId);
    HeaderFields.put(extFields, "offset", offset);
    HeaderFields.put(extFields, "timestamp", timestamp);
    HeaderFields.put(extFields, "isForce", isForce);
    rpc.writeTo(extFields);
  }

  /**
   * @throws RemotingCommandException naming a missing or malformed field
   */
  public static ResetOffsetRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new ResetOffsetRequestHeader(
        HeaderFields.requireString(extFields, "group"),
        HeaderFields.requireString(extFields, "topic"),
        HeaderFields.optInt(extFields, "queueId", -1),
        HeaderFields.optLong(extFields, "offset"),
        HeaderFields.requireLong(extFields, "timestamp"),
        HeaderFields.optBool(extFields, "isForce", false),
        RpcHeader.fromExtFields(extFields));
  }
}
