package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The END_TRANSACTION (37) request; {@code fromTransactionCheck} is always written.
 *
 * <p>Keys are the component names; required keys: {@code producerGroup}, {@code
 * tranStateTableOffset}, {@code commitLogOffset}, {@code commitOrRollback}, {@code msgId}.
 * Inherited keys ({@code ns}, {@code nsd}, {@code bname}, {@code oway}, {@code lo}) travel in
 * {@link #rpc()}. Primitive components are required (or always written); boxed ones are optional
 * (null = absent). Immutable.
 */
public record EndTransactionRequestHeader(
    String topic,
    String producerGroup,
    long tranStateTableOffset,
    long commitLogOffset,
    int commitOrRollback,
    boolean fromTransactionCheck,
    String msgId,
    String transactionId,
    RpcHeader rpc)
    implements CommandHeader {

  /** Checks that required references are present. */
  public EndTransactionRequestHeader {
    Objects.requireNonNull(producerGroup, "producerGroup");
    Objects.requireNonNull(msgId, "msgId");
    Objects.requireNonNull(rpc, "rpc (use RpcHeader.NONE)");
  }

  /** A header without inherited keys. */
  public EndTransactionRequestHeader(
      String topic,
      String producerGroup,
      long tranStateTableOffset,
      long commitLogOffset,
      int commitOrRollback,
      boolean fromTransactionCheck,
      String msgId,
      String transactionId) {
    this(
        topic,
        producerGroup,
        tranStateTableOffset,
        commitLogOffset,
        commitOrRollback,
        fromTransactionCheck,
        msgId,
        transactionId,
        RpcHeader.NONE);
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "topic", topic);
    HeaderFields.put(extFields, "producerGroup", producerGroup);
    HeaderFields.put(extFields, "tranStateTableOffset", tranStateTableOffset);
    HeaderFields.put(extFields, "commitLogOffset", commitLogOffset);
    HeaderFields.put(extFields, "commitOrRollback", commitOrRollback);
    HeaderFields.put(extFields, "fromTransactionCheck", fromTransactionCheck);
    HeaderFields.put(extFields, "msgId", msgId);
    HeaderFields.put(extFields, "transactionId", transactionId);
    rpc.writeTo(extFields);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static EndTransactionRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new EndTransactionRequestHeader(
        HeaderFields.optString(extFields, "topic"),
        HeaderFields.requireString(extFields, "producerGroup"),
        HeaderFields.requireLong(extFields, "tranStateTableOffset"),
        HeaderFields.requireLong(extFields, "commitLogOffset"),
        HeaderFields.requireInt(extFields, "commitOrRollback"),
        HeaderFields.optBool(extFields, "fromTransactionCheck", false),
        HeaderFields.requireString(extFields, "msgId"),
        HeaderFields.optString(extFields, "transactionId"),
        RpcHeader.fromExtFields(extFields));
  }
}
