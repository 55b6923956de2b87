package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The REGISTER_TOPIC_IN_NAMESRV (217) request: a broker announces one new topic (body: a
 * TopicRouteData holding its queue data) without waiting for its next full registration.
 *
 * <p>Keys are the component names; required keys: {@code topic}. Inherited keys ({@code ns}, {@code
 * nsd}, {@code bname}, {@code oway}, {@code lo}) travel in {@link #rpc()}. Immutable.
 */
public record RegisterTopicRequestHeader(String topic, RpcHeader rpc) implements CommandHeader {

  /** Checks that required references are present. */
  public RegisterTopicRequestHeader {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(rpc, "rpc (use RpcHeader.NONE)");
  }

  /** A header without inherited keys. */
  public RegisterTopicRequestHeader(String topic) {
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
  public static RegisterTopicRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new RegisterTopicRequestHeader(
        HeaderFields.requireString(extFields, "topic"), RpcHeader.fromExtFields(extFields));
  }
}
