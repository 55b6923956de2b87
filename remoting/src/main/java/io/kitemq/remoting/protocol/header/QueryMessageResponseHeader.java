package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;

/**
 * The QUERY_MESSAGE (12) response.
 *
 * <p>Keys are the component names; required keys: {@code indexLastUpdateTimestamp}, {@code
 * indexLastUpdatePhyoffset}. Primitive components are required (or always written); boxed ones are
 * optional (null = absent). Immutable.
 */
public record QueryMessageResponseHeader(
    long indexLastUpdateTimestamp, long indexLastUpdatePhyoffset) implements CommandHeader {

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "indexLastUpdateTimestamp", indexLastUpdateTimestamp);
    HeaderFields.put(extFields, "indexLastUpdatePhyoffset", indexLastUpdatePhyoffset);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static QueryMessageResponseHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new QueryMessageResponseHeader(
        HeaderFields.requireLong(extFields, "indexLastUpdateTimestamp"),
        HeaderFields.requireLong(extFields, "indexLastUpdatePhyoffset"));
  }
}
