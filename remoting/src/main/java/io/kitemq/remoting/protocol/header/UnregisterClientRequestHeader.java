package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The UNREGISTER_CLIENT (35) request.
 *
 * <p>Keys are the component names; required keys: {@code clientID}. Inherited keys ({@code ns},
 * {@code nsd}, {@code bname}, {@code oway}, {@code lo}) travel in {@link #rpc()}. Primitive
 * components are required (or always written); boxed ones are optional (null = absent). Immutable.
 */
public record UnregisterClientRequestHeader(
    String clientID, String producerGroup, String consumerGroup, RpcHeader rpc)
    implements CommandHeader {

  /** Checks that required references are present. */
  public UnregisterClientRequestHeader {
    Objects.requireNonNull(clientID, "clientID");
    Objects.requireNonNull(rpc, "rpc (use RpcHeader.NONE)");
  }

  /** A header without inherited keys. */
  public UnregisterClientRequestHeader(
      String clientID, String producerGroup, String consumerGroup) {
    this(clientID, producerGroup, consumerGroup, RpcHeader.NONE);
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "clientID", clientID);
    HeaderFields.put(extFields, "producerGroup", producerGroup);
    HeaderFields.put(extFields, "consumerGroup", consumerGroup);
    rpc.writeTo(extFields);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static UnregisterClientRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new UnregisterClientRequestHeader(
        HeaderFields.requireString(extFields, "clientID"),
        HeaderFields.optString(extFields, "producerGroup"),
        HeaderFields.optString(extFields, "consumerGroup"),
        RpcHeader.fromExtFields(extFields));
  }
}
