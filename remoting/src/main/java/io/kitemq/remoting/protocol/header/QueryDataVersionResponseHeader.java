package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;

/**
 * The QUERY_DATA_VERSION (322) response.
 *
 * <p>Keys are the component names; required keys: none. Boxed components are optional (null =
 * absent) unless required. Immutable.
 */
public record QueryDataVersionResponseHeader(Boolean changed) implements CommandHeader {

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "changed", changed);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static QueryDataVersionResponseHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new QueryDataVersionResponseHeader(HeaderFields.optBool(extFields, "changed"));
  }
}
