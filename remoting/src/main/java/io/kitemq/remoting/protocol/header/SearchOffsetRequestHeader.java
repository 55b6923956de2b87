package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The SEARCH_OFFSET_BY_TIMESTAMP (29) request; a null {@code boundaryType} means LOWER.
 *
 * <p>Keys are the component names; required keys: {@code topic}, {@code queueId}, {@code
 * timestamp}. Inherited keys ({@code ns}, {@code nsd}, {@code bname}, {@code oway}, {@code lo})
 * travel in {@link #rpc()}. Primitive components are required (or always written); boxed ones are
 * optional (null = absent). Immutable.
 */
public record SearchOffsetRequestHeader(
    String topic, int queueId, long timestamp, BoundaryType boundaryType, RpcHeader rpc)
    implements CommandHeader {

  /** Checks that required references are present. */
  public SearchOffsetRequestHeader {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(rpc, "rpc (use RpcHeader.NONE)");
  }

  /** A header without inherited keys. */
  public SearchOffsetRequestHeader(
      String topic, int queueId, long timestamp, BoundaryType boundaryType) {
    this(topic, queueId, timestamp, boundaryType, RpcHeader.NONE);
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "topic", topic);
    HeaderFields.put(extFields, "queueId", queueId);
    HeaderFields.put(extFields, "timestamp", timestamp);
    HeaderFields.put(extFields, "boundaryType", boundaryType == null ? null : boundaryType.name());
    rpc.writeTo(extFields);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static SearchOffsetRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new SearchOffsetRequestHeader(
        HeaderFields.requireString(extFields, "topic"),
        HeaderFields.requireInt(extFields, "queueId"),
        HeaderFields.requireLong(extFields, "timestamp"),
        BoundaryType.parseNullable(extFields.get("boundaryType")),
        RpcHeader.fromExtFields(extFields));
  }
}
