package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The QUERY_CONSUMER_OFFSET (14) request.
 *
 * <p>Keys are the component names; required keys: {@code consumerGroup}, {@code topic}, {@code
 * queueId}. Inherited keys ({@code ns}, {@code nsd}, {@code bname}, {@code oway}, {@code lo})
 * travel in {@link #rpc()}. Primitive components are required (or always written); boxed ones are
 * optional (null = absent). Immutable.
 */
public record QueryConsumerOffsetRequestHeader(
    String consumerGroup, String topic, int queueId, Boolean setZeroIfNotFound, RpcHeader rpc)
    implements CommandHeader {

  /** Checks that required references are present. */
  public QueryConsumerOffsetRequestHeader {
    Objects.requireNonNull(consumerGroup, "consumerGroup");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(rpc, "rpc (use RpcHeader.NONE)");
  }

  /** A header without inherited keys. */
  public QueryConsumerOffsetRequestHeader(
      String consumerGroup, String topic, int queueId, Boolean setZeroIfNotFound) {
    this(consumerGroup, topic, queueId, setZeroIfNotFound, RpcHeader.NONE);
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "consumerGroup", consumerGroup);
    HeaderFields.put(extFields, "topic", topic);
    HeaderFields.put(extFields, "queueId", queueId);
    HeaderFields.put(extFields, "setZeroIfNotFound", setZeroIfNotFound);
    rpc.writeTo(extFields);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static QueryConsumerOffsetRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new QueryConsumerOffsetRequestHeader(
        HeaderFields.requireString(extFields, "consumerGroup"),
        HeaderFields.requireString(extFields, "topic"),
        HeaderFields.requireInt(extFields, "queueId"),
        HeaderFields.optBool(extFields, "setZeroIfNotFound"),
        RpcHeader.fromExtFields(extFields));
  }
}
