package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The UPDATE_CONSUMER_OFFSET (15) request.
 *
 * <p>Keys are the component names; required keys: {@code consumerGroup}, {@code topic}, {@code
 * queueId}, {@code commitOffset}. Inherited keys ({@code ns}, {@code nsd}, {@code bname}, {@code
 * oway}, {@code lo}) travel in {@link #rpc()}. Primitive components are required (or always
 * written); boxed ones are optional (null = absent). Immutable.
 */
public record UpdateConsumerOffsetRequestHeader(
    String consumerGroup, String topic, int queueId, long commitOffset, RpcHeader rpc)
    implements CommandHeader {

  /** Checks that required references are present. */
  public UpdateConsumerOffsetRequestHeader {
    Objects.requireNonNull(consumerGroup, "consumerGroup");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(rpc, "rpc (use RpcHeader.NONE)");
  }

  /** A header without inherited keys. */
  public UpdateConsumerOffsetRequestHeader(
      String consumerGroup, String topic, int queueId, long commitOffset) {
    this(consumerGroup, topic, queueId, commitOffset, RpcHeader.NONE);
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "consumerGroup", consumerGroup);
    HeaderFields.put(extFields, "topic", topic);
    HeaderFields.put(extFields, "queueId", queueId);
    HeaderFields.put(extFields, "commitOffset", commitOffset);
    rpc.writeTo(extFields);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static UpdateConsumerOffsetRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new UpdateConsumerOffsetRequestHeader(
        HeaderFields.requireString(extFields, "consumerGroup"),
        HeaderFields.requireString(extFields, "topic"),
        HeaderFields.requireInt(extFields, "queueId"),
        HeaderFields.requireLong(extFields, "commitOffset"),
        RpcHeader.fromExtFields(extFields));
  }
}
