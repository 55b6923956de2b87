package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The CHANGE_MESSAGE_INVISIBLETIME (200053) request: a popped message stays invisible for {@code
 * invisibleTime} ms from now. The old receipt handle is used up; the response's pop time makes the
 * new one.
 *
 * <p>Required keys: {@code consumerGroup}, {@code topic}, {@code queueId}, {@code extraInfo} (the
 * {@code POP_CK} receipt handle), {@code offset} (queue offset), {@code invisibleTime}. Inherited
 * keys travel in {@link #rpc()}. Immutable.
 */
public record ChangeInvisibleTimeRequestHeader(
    String consumerGroup,
    String topic,
    int queueId,
    String extraInfo,
    long offset,
    long invisibleTime,
    RpcHeader rpc)
    implements CommandHeader {

  /** Checks that required references are present. */
  public ChangeInvisibleTimeRequestHeader {
    Objects.requireNonNull(consumerGroup, "consumerGroup");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(extraInfo, "extraInfo");
    Objects.requireNonNull(rpc, "rpc (use RpcHeader.NONE)");
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "consumerGroup", consumerGroup);
    HeaderFields.put(extFields, "topic", topic);
    HeaderFields.put(extFields, "queueId", queueId);
    HeaderFields.put(extFields, "extraInfo", extraInfo);
    HeaderFields.put(extFields, "offset", offset);
    HeaderFields.put(extFields, "invisibleTime", invisibleTime);
    rpc.writeTo(extFields);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static ChangeInvisibleTimeRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new ChangeInvisibleTimeRequestHeader(
        HeaderFields.requireString(extFields, "consumerGroup"),
        HeaderFields.requireString(extFields, "topic"),
        HeaderFields.requireInt(extFields, "queueId"),
        HeaderFields.requireString(extFields, "extraInfo"),
        HeaderFields.requireLong(extFields, "offset"),
        HeaderFields.requireLong(extFields, "invisibleTime"),
        RpcHeader.fromExtFields(extFields));
  }
}
