package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The CONSUMER_SEND_MSG_BACK (36) request ({@code offset} = commit-log offset); {@code unitMode} is
 * always written.
 *
 * <p>Keys are the component names; required keys: {@code offset}, {@code group}, {@code
 * delayLevel}. Inherited keys ({@code ns}, {@code nsd}, {@code bname}, {@code oway}, {@code lo})
 * travel in {@link #rpc()}. Primitive components are required (or always written); boxed ones are
 * optional (null = absent). Immutable.
 */
public record ConsumerSendMsgBackRequestHeader(
    long offset,
    String group,
    int delayLevel,
    String originMsgId,
    String originTopic,
    boolean unitMode,
    Integer maxReconsumeTimes,
    RpcHeader rpc)
    implements CommandHeader {

  /** Checks that required references are present. */
  public ConsumerSendMsgBackRequestHeader {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(rpc, "rpc (use RpcHeader.NONE)");
  }

  /** A header without inherited keys. */
  public ConsumerSendMsgBackRequestHeader(
      long offset,
      String group,
      int delayLevel,
      String originMsgId,
      String originTopic,
      boolean unitMode,
      Integer maxReconsumeTimes) {
    this(
        offset,
        group,
        delayLevel,
        originMsgId,
        originTopic,
        unitMode,
        maxReconsumeTimes,
        RpcHeader.NONE);
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "offset", offset);
    HeaderFields.put(extFields, "group", group);
    HeaderFields.put(extFields, "delayLevel", delayLevel);
    HeaderFields.put(extFields, "originMsgId", originMsgId);
    HeaderFields.put(extFields, "originTopic", originTopic);
    HeaderFields.put(extFields, "unitMode", unitMode);
    HeaderFields.put(extFields, "maxReconsumeTimes", maxReconsumeTimes);
    rpc.writeTo(extFields);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static ConsumerSendMsgBackRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new ConsumerSendMsgBackRequestHeader(
        HeaderFields.requireLong(extFields, "offset"),
        HeaderFields.requireString(extFields, "group"),
        HeaderFields.requireInt(extFields, "delayLevel"),
        HeaderFields.optString(extFields, "originMsgId"),
        HeaderFields.optString(extFields, "originTopic"),
        HeaderFields.optBool(extFields, "unitMode", false),
        HeaderFields.optInt(extFields, "maxReconsumeTimes"),
        RpcHeader.fromExtFields(extFields));
  }
}
