package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The CHECK_TRANSACTION_STATE (39) request, broker to producer.
 *
 * <p>Keys are the component names; required keys: {@code tranStateTableOffset}, {@code
 * commitLogOffset}. Inherited keys ({@code ns}, {@code nsd}, {@code bname}, {@code oway}, {@code
 * lo}) travel in {@link #rpc()}. Primitive components are required (or always written); boxed ones
 * are optional (null = absent). Immutable.
 */
public record CheckTransactionStateRequestHeader(
    String topic,
    long tranStateTableOffset,
    long commitLogOffset,
    String msgId,
    String transactionId,
    String offsetMsgId,
    RpcHeader rpc)
    implements CommandHeader {

  /** Checks that required references are present. */
  public CheckTransactionStateRequestHeader {
    Objects.requireNonNull(rpc, "rpc (use RpcHeader.NONE)");
  }

  /** A header without inherited keys. */
  public CheckTransactionStateRequestHeader(
      String topic,
      long tranStateTableOffset,
      long commitLogOffset,
      String msgId,
      String transactionId,
      String offsetMsgId) {
    this(
        topic,
        tranStateTableOffset,
        commitLogOffset,
        msgId,
        transactionId,
        offsetMsgId,
        RpcHeader.NONE);
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "topic", topic);
    HeaderFields.put(extFields, "tranStateTableOffset", tranStateTableOffset);
    HeaderFields.put(extFields, "commitLogOffset", commitLogOffset);
    HeaderFields.put(extFields, "msgId", msgId);
    HeaderFields.put(extFields, "transactionId", transactionId);
    HeaderFields.put(extFields, "offsetMsgId", offsetMsgId);
    rpc.writeTo(extFields);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static CheckTransactionStateRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new CheckTransactionStateRequestHeader(
        HeaderFields.optString(extFields, "topic"),
        HeaderFields.requireLong(extFields, "tranStateTableOffset"),
        HeaderFields.requireLong(extFields, "commitLogOffset"),
        HeaderFields.optString(extFields, "msgId"),
        HeaderFields.optString(extFields, "transactionId"),
        HeaderFields.optString(extFields, "offsetMsgId"),
        RpcHeader.fromExtFields(extFields));
  }
}
