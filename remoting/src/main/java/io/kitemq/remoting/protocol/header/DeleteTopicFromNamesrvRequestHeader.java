package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The DELETE_TOPIC_IN_NAMESRV (216) request: drop a topic's route, from every broker or only from
 * the brokers of {@code clusterName}.
 *
 * <p>Keys are the component names; required keys: {@code topic}. Inherited keys ({@code ns}, {@code
 * nsd}, {@code bname}, {@code oway}, {@code lo}) travel in {@link #rpc()}. Boxed components are
 * optional (null = absent). Immutable.
 */
public record DeleteTopicFromNamesrvRequestHeader(String topic, String clusterName, RpcHeader rpc)
    implements CommandHeader {

  /** Checks that required references are present. */
  public DeleteTopicFromNamesrvRequestHeader {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(rpc, "rpc (use RpcHeader.NONE)");
  }

  /** A header without inherited keys. */
  public DeleteTopicFromNamesrvRequestHeader(String topic, String clusterName) {
    this(topic, clusterName, RpcHeader.NONE);
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "topic", topic);
    HeaderFields.put(extFields, "clusterName", clusterName);
    rpc.writeTo(extFields);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static DeleteTopicFromNamesrvRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new DeleteTopicFromNamesrvRequestHeader(
        HeaderFields.requireString(extFields, "topic"),
        HeaderFields.optString(extFields, "clusterName"),
        RpcHeader.fromExtFields(extFields));
  }
}
