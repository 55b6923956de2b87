package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The GET_MIN_OFFSET (31) request.
 *
 * <p>Keys are the component names; required keys: {@code topic}, {@code queueId}. Inherited keys
 * ({@code ns}, {@code nsd}, {@code bname}, {@code oway}, {@code lo}) travel in {@link #rpc()}.
 * Primitive components are required (or always written); boxed ones are optional (null = absent).
 * Immutable.
 */
public record GetMinOffsetRequestHeader(String topic, int queueId, RpcHeader rpc)
    implements CommandHeader {

  /** Checks that required references are present. */
  public GetMinOffsetRequestHeader {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(rpc, "rpc (use RpcHeader.NONE)");
  }

  /** A header without inherited keys. */
  public GetMinOffsetRequestHeader(String topic, int queueId) {
    this(topic, queueId, RpcHeader.NONE);
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "topic", topic);
    HeaderFields.put(extFields, "queueId", queueId);
    rpc.writeTo(extFields);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static GetMinOffsetRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new GetMinOffsetRequestHeader(
        HeaderFields.requireString(extFields, "topic"),
        HeaderFields.requireInt(extFields, "queueId"),
        RpcHeader.fromExtFields(extFields));
  }
}
