package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The GET_MAX_OFFSET (30) request; {@code committed} defaults to true and is always written.
 *
 * <p>Keys are the component names; required keys: {@code topic}, {@code queueId}. Inherited keys
 * ({@code ns}, {@code nsd}, {@code bname}, {@code oway}, {@code lo}) travel in {@link #rpc()}.
 * Primitive components are required (or always written); boxed ones are optional (null = absent).
 * Immutable.
 */
public record GetMaxOffsetRequestHeader(String topic, int queueId, boolean committed, RpcHeader rpc)
    implements CommandHeader {

  /** Checks that required references are present. */
  public GetMaxOffsetRequestHeader {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(rpc, "rpc (use RpcHeader.NONE)");
  }

  /** A header without inherited keys. */
  public GetMaxOffsetRequestHeader(String topic, int queueId, boolean committed) {
    this(topic, queueId, committed, RpcHeader.NONE);
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "topic", topic);
    HeaderFields.put(extFields, "queueId", queueId);
    HeaderFields.put(extFields, "committed", committed);
    rpc.writeTo(extFields);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static GetMaxOffsetRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new GetMaxOffsetRequestHeader(
        HeaderFields.requireString(extFields, "topic"),
        HeaderFields.requireInt(extFields, "queueId"),
        HeaderFields.optBool(extFields, "committed", true),
        RpcHeader.fromExtFields(extFields));
  }
}
