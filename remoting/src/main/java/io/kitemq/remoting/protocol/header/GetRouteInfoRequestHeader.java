package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The GET_ROUTEINFO_BY_TOPIC (105) request.
 *
 * <p>Keys are the component names; required keys: {@code topic}. Inherited keys ({@code ns}, {@code
 * nsd}, {@code bname}, {@code oway}, {@code lo}) travel in {@link #rpc()}. Primitive components are
 * required (or always written); boxed ones are optional (null = absent). Immutable.
 */
public record GetRouteInfoRequestHeader(String topic, Boolean acceptStandardJsonOnly, RpcHeader rpc)
    implements CommandHeader {

  /** Checks that required references are present. */
  public GetRouteInfoRequestHeader {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(rpc, "rpc (use RpcHeader.NONE)");
  }

  /** A header without inherited keys. */
  public GetRouteInfoRequestHeader(String topic, Boolean acceptStandardJsonOnly) {
    this(topic, acceptStandardJsonOnly, RpcHeader.NONE);
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "topic", topic);
    HeaderFields.put(extFields, "acceptStandardJsonOnly", acceptStandardJsonOnly);
    rpc.writeTo(extFields);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static GetRouteInfoRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new GetRouteInfoRequestHeader(
        HeaderFields.requireString(extFields, "topic"),
        HeaderFields.optBool(extFields, "acceptStandardJsonOnly"),
        RpcHeader.fromExtFields(extFields));
  }
}
