package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The PULL_MESSAGE (11) / LITE_PULL_MESSAGE (361) request.
 *
 * <p>Keys are the component names; required keys: {@code consumerGroup}, {@code topic}, {@code
 * queueId}, {@code queueOffset}, {@code maxMsgNums}, {@code sysFlag}, {@code commitOffset}, {@code
 * suspendTimeoutMillis}, {@code subVersion}. Inherited keys ({@code ns}, {@code nsd}, {@code
 * bname}, {@code oway}, {@code lo}) travel in {@link #rpc()}. Primitive components are required (or
 * always written); boxed ones are optional (null = absent). Immutable.
 */
public record PullMessageRequestHeader(
    String consumerGroup,
    String topic,
    int queueId,
    long queueOffset,
    int maxMsgNums,
    int sysFlag,
    long commitOffset,
    long suspendTimeoutMillis,
    String subscription,
    long subVersion,
    String expressionType,
    Integer maxMsgBytes,
    Integer requestSource,
    String proxyFrowardClientId,
    RpcHeader rpc)
    implements CommandHeader {

  /** Checks that required references are present. */
  public PullMessageRequestHeader {
    Objects.requireNonNull(consumerGroup, "consumerGroup");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(rpc, "rpc (use RpcHeader.NONE)");
  }

  /** A header without inherited keys. */
  public PullMessageRequestHeader(
      String consumerGroup,
      String topic,
      int queueId,
      long queueOffset,
      int maxMsgNums,
      int sysFlag,
      long commitOffset,
      long suspendTimeoutMillis,
      String subscription,
      long subVersion,
      String expressionType,
      Integer maxMsgBytes,
      Integer requestSource,
      String proxyFrowardClientId) {
    this(
        consumerGroup,
        topic,
        queueId,
        queueOffset,
        maxMsgNums,
        sysFlag,
        commitOffset,
        suspendTimeoutMillis,
        subscription,
        subVersion,
        expressionType,
        maxMsgBytes,
        requestSource,
        proxyFrowardClientId,
        RpcHeader.NONE);
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "consumerGroup", consumerGroup);
    HeaderFields.put(extFields, "topic", topic);
    HeaderFields.put(extFields, "queueId", queueId);
    HeaderFields.put(extFields, "queueOffset", queueOffset);
    HeaderFields.put(extFields, "maxMsgNums", maxMsgNums);
    HeaderFields.put(extFields, "sysFlag", sysFlag);
    HeaderFields.put(extFields, "commitOffset", commitOffset);
    HeaderFields.put(extFields, "suspendTimeoutMillis", suspendTimeoutMillis);
    HeaderFields.put(extFields, "subscription", subscription);
    HeaderFields.put(extFields, "subVersion", subVersion);
    HeaderFields.put(extFields, "expressionType", expressionType);
    HeaderFields.put(extFields, "maxMsgBytes", maxMsgBytes);
    HeaderFields.put(extFields, "requestSource", requestSource);
    HeaderFields.put(extFields, "proxyFrowardClientId", proxyFrowardClientId);
    rpc.writeTo(extFields);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static PullMessageRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new PullMessageRequestHeader(
        HeaderFields.requireString(extFields, "consumerGroup"),
        HeaderFields.requireString(extFields, "topic"),
        HeaderFields.requireInt(extFields, "queueId"),
        HeaderFields.requireLong(extFields, "queueOffset"),
        HeaderFields.requireInt(extFields, "maxMsgNums"),
        HeaderFields.requireInt(extFields, "sysFlag"),
        HeaderFields.requireLong(extFields, "commitOffset"),
        HeaderFields.requireLong(extFields, "suspendTimeoutMillis"),
        HeaderFields.optString(extFields, "subscription"),
        HeaderFields.requireLong(extFields, "subVersion"),
        HeaderFields.optString(extFields, "expressionType"),
        HeaderFields.optInt(extFields, "maxMsgBytes"),
        HeaderFields.optInt(extFields, "requestSource"),
        HeaderFields.optString(extFields, "proxyFrowardClientId"),
        RpcHeader.fromExtFields(extFields));
  }
}
