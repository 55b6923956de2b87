package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The send response.
 *
 * <p>Keys are the component names; required keys: {@code msgId}, {@code queueId}, {@code
 * queueOffset}. Primitive components are required (or always written); boxed ones are optional
 * (null = absent). Immutable.
 */
public record SendMessageResponseHeader(
    String msgId,
    int queueId,
    long queueOffset,
    String transactionId,
    String batchUniqId,
    String recallHandle)
    implements CommandHeader {

  /** Checks that required references are present. */
  public SendMessageResponseHeader {
    Objects.requireNonNull(msgId, "msgId");
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "msgId", msgId);
    HeaderFields.put(extFields, "queueId", queueId);
    HeaderFields.put(extFields, "queueOffset", queueOffset);
    HeaderFields.put(extFields, "transactionId", transactionId);
    HeaderFields.put(extFields, "batchUniqId", batchUniqId);
    HeaderFields.put(extFields, "recallHandle", recallHandle);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static SendMessageResponseHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new SendMessageResponseHeader(
        HeaderFields.requireString(extFields, "msgId"),
        HeaderFields.requireInt(extFields, "queueId"),
        HeaderFields.requireLong(extFields, "queueOffset"),
        HeaderFields.optString(extFields, "transactionId"),
        HeaderFields.optString(extFields, "batchUniqId"),
        HeaderFields.optString(extFields, "recallHandle"));
  }
}
