package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;

/**
 * The CHANGE_MESSAGE_INVISIBLETIME (200053) response: the new pop time and invisible time, from
 * which the client builds the message's new receipt handle. All keys required. Immutable.
 */
public record ChangeInvisibleTimeResponseHeader(long popTime, long invisibleTime, int reviveQid)
    implements CommandHeader {

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "popTime", popTime);
    HeaderFields.put(extFields, "invisibleTime", invisibleTime);
    HeaderFields.put(extFields, "reviveQid", reviveQid);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static ChangeInvisibleTimeResponseHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new ChangeInvisibleTimeResponseHeader(
        HeaderFields.requireLong(extFields, "popTime"),
        HeaderFields.requireLong(extFields, "invisibleTime"),
        HeaderFields.requireInt(extFields, "reviveQid"));
  }
}
