package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The ACK_MESSAGE (200051) request: the consumer is done with a popped message.
 *
 * <p>Required keys: {@code consumerGroup}, {@code topic}, {@code queueId}, {@code extraInfo} (the
 * message's {@code POP_CK} receipt handle, see {@link PopReceipt}), {@code offset} (the message's
 * queue offset). Inherited keys travel in {@link #rpc()}. Immutable.
 */
public record AckMessageRequestHeader(
    String consumerGroup, String topic, int queueId, String extraInfo, long offset, RpcHeader rpc)
    implements CommandHeader {

  /** Checks that required references are present. */
  public AckMessageRequestHeader {
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
    rpc.writeTo(extFields);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static AckMessageRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new AckMessageRequestHeader(
        HeaderFields.requireString(extFields, "consumerGroup"),
        HeaderFields.requireString(extFields, "topic"),
        HeaderFields.requireInt(extFields, "queueId"),
        HeaderFields.requireString(extFields, "extraInfo"),
        HeaderFields.requireLong(extFields, "offset"),
        RpcHeader.fromExtFields(extFields));
  }
}
