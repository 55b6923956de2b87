package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The DELETE_TOPIC_IN_BROKER (215) request.
 *
 * <p>Keys are the component names; required keys: {@code topic}. Inherited keys ({@code ns}, {@code
 * nsd}, {@code bname}, {@code oway}, {@code lo}) travel in {@link #rpc()}. Primitive components are
 * required (or always written); boxed ones are optional (null = absent). Immutable.
 */
public record DeleteTopicRequestHeader(String topic, RpcHeader rpc) implements CommandHeader {

  /** Checks that required references are present. */
  public DeleteTopicRequestHeader {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(rpc, "rpc (use RpcHeader.NONE)");
  }

  /** A header without inherited keys. */
  public DeleteTopicRequestHeader(String topic) {
    this(topic, RpcHeader.NONE);
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "topic", topic);
    rpc.writeTo(extFields);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static DeleteTopicRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new DeleteTopicRequestHeader(
        HeaderFields.requireString(extFields, "topic"), RpcHeader.fromExtFields(extFields));
  }
}
