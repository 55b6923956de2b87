package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The GET_KVLIST_BY_NAMESPACE (219) request (RocketMQ's {@code GetKVListByNamespaceRequestHeader}).
 *
 * <p>Keys are the component names; required keys: {@code namespace}. Boxed components are optional
 * (null = absent) unless required. Immutable.
 */
public record GetKvListByNamespaceRequestHeader(String namespace) implements CommandHeader {

  /** Checks that required references are present. */
  public GetKvListByNamespaceRequestHeader {
    Objects.requireNonNull(namespace, "namespace");
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "namespace", namespace);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static GetKvListByNamespaceRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new GetKvListByNamespaceRequestHeader(
        HeaderFields.requireString(extFields, "namespace"));
  }
}
