package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;

/**
 * The GET_MIN_OFFSET (31) response.
 *
 * <p>Keys are the component names; required keys: {@code offset}. Primitive components are required
 * (or always written); boxed ones are optional (null = absent). Immutable.
 */
public record GetMinOffsetResponseHeader(long offset) implements CommandHeader {

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "offset", offset);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static GetMinOffsetResponseHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new GetMinOffsetResponseHeader(HeaderFields.requireLong(extFields, "offset"));
  }
}
