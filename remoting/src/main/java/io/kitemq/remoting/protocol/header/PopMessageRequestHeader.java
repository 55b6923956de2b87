package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The POP_MESSAGE (200050) request: fetch up to {@code maxMsgNums} messages and make them invisible
 * to the group for {@code invisibleTime} ms.
 *
 * <p>Keys are the component names; required keys: {@code consumerGroup}, {@code topic}, {@code
 * queueId} (-1 = any readable queue of the topic on the broker), {@code maxMsgNums}, {@code
 * invisibleTime}, {@code pollTime} (ms the broker may hold the request when nothing is available),
 * {@code bornTime} (client ms), {@code initMode} (0 = start a new group at the queue's min offset,
 * 1 = at its max offset). {@code order} is always written. Inherited keys travel in {@link #rpc()}.
 * Immutable.
 */
public record PopMessageRequestHeader(
    String consumerGroup,
    String topic,
    int queueId,
    int maxMsgNums,
    long invisibleTime,
    long pollTime,
    long bornTime,
    int initMode,
    String expType,
    String exp,
    boolean order,
    String attemptId,
    RpcHeader rpc)
    implements CommandHeader {

  /** {@code initMode}: a group without an offset starts at the queue's min offset. */
  public static final int INIT_MODE_MIN = 0;

  /** {@code initMode}: a group without an offset starts at the queue's max offset. */
  public static final int INIT_MODE_MAX = 1;

  /** Checks that required references are present. */
  public PopMessageRequestHeader {
    Objects.requireNonNull(consumerGroup, "consumerGroup");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(rpc, "rpc (use RpcHeader.NONE)");
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "consumerGroup", consumerGroup);
    HeaderFields.put(extFields, "topic", topic);
    HeaderFields.put(extFields, "queueId", queueId);
    HeaderFields.put(extFields, "maxMsgNums", maxMsgNums);
    HeaderFields.put(extFields, "invisibleTime", invisibleTime);
    HeaderFields.put(extFields, "pollTime", pollTime);
    HeaderFields.put(extFields, "bornTime", bornTime);
    HeaderFields.put(extFields, "initMode", initMode);
    HeaderFields.put(extFields, "expType", expType);
    HeaderFields.put(extFields, "exp", exp);
    HeaderFields.put(extFields, "order", order);
    HeaderFields.put(extFields, "attemptId", attemptId);
    rpc.writeTo(extFields);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static PopMessageRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new PopMessageRequestHeader(
        HeaderFields.requireString(extFields, "consumerGroup"),
        HeaderFields.requireString(extFields, "topic"),
        HeaderFields.requireInt(extFields, "queueId"),
        HeaderFields.requireInt(extFields, "maxMsgNums"),
        HeaderFields.requireLong(extFields, "invisibleTime"),
        HeaderFields.requireLong(extFields, "pollTime"),
        HeaderFields.requireLong(extFields, "bornTime"),
        HeaderFields.requireInt(extFields, "initMode"),
        HeaderFields.optString(extFields, "expType"),
        HeaderFields.optString(extFields, "exp"),
        HeaderFields.optBool(extFields, "order", false),
        HeaderFields.optString(extFields, "attemptId"),
        RpcHeader.fromExtFields(extFields));
  }
}
