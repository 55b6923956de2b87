package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The NOTIFY_CONSUMER_IDS_CHANGED (40) request, broker to consumer.
 *
 * <p>Keys are the component names; required keys: {@code consumerGroup}. Inherited keys ({@code
 * ns}, {@code nsd}, {@code bname}, {@code oway}, {@code lo}) travel in {@link #rpc()}. Primitive
 * components are required (or always written); boxed ones are optional (null = absent). Immutable.
 */
public record NotifyConsumerIdsChangedRequestHeader(String consumerGroup, RpcHeader rpc)
    implements CommandHeader {

  /** Checks that required references are present. */
  public NotifyConsumerIdsChangedRequestHeader {
    Objects.requireNonNull(consumerGroup, "consumerGroup");
    Objects.requireNonNull(rpc, "rpc (use RpcHeader.NONE)");
  }

  /** A header without inherited keys. */
  public NotifyConsumerIdsChangedRequestHeader(String consumerGroup) {
    this(consumerGroup, RpcHeader.NONE);
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "consumerGroup", consumerGroup);
    rpc.writeTo(extFields);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static NotifyConsumerIdsChangedRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new NotifyConsumerIdsChangedRequestHeader(
        HeaderFields.requireString(extFields, "consumerGroup"), RpcHeader.fromExtFields(extFields));
  }
}
