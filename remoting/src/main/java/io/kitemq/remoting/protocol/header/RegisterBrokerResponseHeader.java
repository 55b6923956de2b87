package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;

/**
 * The REGISTER_BROKER (103) response.
 *
 * <p>Keys are the component names; required keys: none. Primitive components are required (or
 * always written); boxed ones are optional (null = absent). Immutable.
 */
public record RegisterBrokerResponseHeader(String haServerAddr, String masterAddr)
    implements CommandHeader {

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "haServerAddr", haServerAddr);
    HeaderFields.put(extFields, "masterAddr", masterAddr);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static RegisterBrokerResponseHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new RegisterBrokerResponseHeader(
        HeaderFields.optString(extFields, "haServerAddr"),
        HeaderFields.optString(extFields, "masterAddr"));
  }
}
