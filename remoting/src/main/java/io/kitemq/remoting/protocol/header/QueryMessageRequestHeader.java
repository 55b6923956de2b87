package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The QUERY_MESSAGE (12) request.
 *
 * <p>Keys are the component names; required keys: {@code topic}, {@code key}, {@code maxNum},
 * {@code beginTimestamp}, {@code endTimestamp}. Inherited keys ({@code ns}, {@code nsd}, {@code
 * bname}, {@code oway}, {@code lo}) travel in {@link #rpc()}. Primitive components are required (or
 * always written); boxed ones are optional (null = absent). Immutable.
 */
public record QueryMessageRequestHeader(
    String topic, String key, int maxNum, long beginTimestamp, long endTimestamp, RpcHeader rpc)
    implements CommandHeader {

  /** Checks that required references are present. */
  public QueryMessageRequestHeader {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(rpc, "rpc (use RpcHeader.NONE)");
  }

  /** A header without inherited keys. */
  public QueryMessageRequestHeader(
      String topic, String key, int maxNum, long beginTimestamp, long endTimestamp) {
    this(topic, key, maxNum, beginTimestamp, endTimestamp, RpcHeader.NONE);
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "topic", topic);
    HeaderFields.put(extFields, "key", key);
    HeaderFields.put(extFields, "maxNum", maxNum);
    HeaderFields.put(extFields, "beginTimestamp", beginTimestamp);
    HeaderFields.put(extFields, "endTimestamp", endTimestamp);
    rpc.writeTo(extFields);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static QueryMessageRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new QueryMessageRequestHeader(
        HeaderFields.requireString(extFields, "topic"),
        HeaderFields.requireString(extFields, "key"),
        HeaderFields.requireInt(extFields, "maxNum"),
        HeaderFields.requireLong(extFields, "beginTimestamp"),
        HeaderFields.requireLong(extFields, "endTimestamp"),
        RpcHeader.fromExtFields(extFields));
  }
}
