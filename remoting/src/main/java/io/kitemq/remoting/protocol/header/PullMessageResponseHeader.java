package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;

/**
 * The pull response (SUCCESS, PULL_NOT_FOUND, PULL_RETRY_IMMEDIATELY, PULL_OFFSET_MOVED).
 *
 * <p>Keys are the component names; required keys: {@code suggestWhichBrokerId}, {@code
 * nextBeginOffset}, {@code minOffset}, {@code maxOffset}. Primitive components are required (or
 * always written); boxed ones are optional (null = absent). Immutable.
 */
public record PullMessageResponseHeader(
    long suggestWhichBrokerId,
    long nextBeginOffset,
    long minOffset,
    long maxOffset,
    Long offsetDelta,
    Integer topicSysFlag,
    Integer groupSysFlag,
    Integer forbiddenType)
    implements CommandHeader {

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "suggestWhichBrokerId", suggestWhichBrokerId);
    HeaderFields.put(extFields, "nextBeginOffset", nextBeginOffset);
    HeaderFields.put(extFields, "minOffset", minOffset);
    HeaderFields.put(extFields, "maxOffset", maxOffset);
    HeaderFields.put(extFields, "offsetDelta", offsetDelta);
    HeaderFields.put(extFields, "topicSysFlag", topicSysFlag);
    HeaderFields.put(extFields, "groupSysFlag", groupSysFlag);
    HeaderFields.put(extFields, "forbiddenType", forbiddenType);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static PullMessageResponseHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new PullMessageResponseHeader(
        HeaderFields.requireLong(extFields, "suggestWhichBrokerId"),
        HeaderFields.requireLong(extFields, "nextBeginOffset"),
        HeaderFields.requireLong(extFields, "minOffset"),
        HeaderFields.requireLong(extFields, "maxOffset"),
        HeaderFields.optLong(extFields, "offsetDelta"),
        HeaderFields.optInt(extFields, "topicSysFlag"),
        HeaderFields.optInt(extFields, "groupSysFlag"),
        HeaderFields.optInt(extFields, "forbiddenType"));
  }
}
