package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The GET_TOPICS_BY_CLUSTER (224) request.
 *
 * <p>Keys are the component names; required keys: {@code cluster}. Boxed components are optional
 * (null = absent) unless required. Immutable.
 */
public record GetTopicsByClusterRequestHeader(String cluster) implements CommandHeader {

  /** Checks that required references are present. */
  public GetTopicsByClusterRequestHeader {
    Objects.requireNonNull(cluster, "cluster");
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "cluster", cluster);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static GetTopicsByClusterRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new GetTopicsByClusterRequestHeader(HeaderFields.requireString(extFields, "cluster"));
  }
}
