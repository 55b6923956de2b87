package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The SEND_MESSAGE (10) / SEND_REPLY_MESSAGE (324) request, long keys.
 *
 * <p>Keys are the component names; required keys: {@code producerGroup}, {@code topic}, {@code
 * defaultTopic}, {@code defaultTopicQueueNums}, {@code queueId}, {@code sysFlag}, {@code
 * bornTimestamp}, {@code flag}. Inherited keys ({@code ns}, {@code nsd}, {@code bname}, {@code
 * oway}, {@code lo}) travel in {@link #rpc()}. Primitive components are required (or always
 * written); boxed ones are optional (null = absent). Immutable.
 */
public record SendMessageRequestHeader(
    String producerGroup,
    String topic,
    String defaultTopic,
    int defaultTopicQueueNums,
    int queueId,
    int sysFlag,
    long bornTimestamp,
    int flag,
    String properties,
    Integer reconsumeTimes,
    Boolean unitMode,
    Boolean batch,
    Integer maxReconsumeTimes,
    RpcHeader rpc)
    implements CommandHeader {

  /** Checks that required references are present. */
  public SendMessageRequestHeader {
    Objects.requireNonNull(producerGroup, "producerGroup");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(defaultTopic, "defaultTopic");
    Objects.requireNonNull(rpc, "rpc (use RpcHeader.NONE)");
  }

  /** A header without inherited keys. */
  public SendMessageRequestHeader(
      String producerGroup,
      String topic,
      String defaultTopic,
      int defaultTopicQueueNums,
      int queueId,
      int sysFlag,
      long bornTimestamp,
      int flag,
      String properties,
      Integer reconsumeTimes,
      Boolean unitMode,
      Boolean batch,
      Integer maxReconsumeTimes) {
    this(
        producerGroup,
        topic,
        defaultTopic,
        defaultTopicQueueNums,
        queueId,
        sysFlag,
        bornTimestamp,
        flag,
        properties,
        reconsumeTimes,
        unitMode,
        batch,
        maxReconsumeTimes,
        RpcHeader.NONE);
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "producerGroup", producerGroup);
    HeaderFields.put(extFields, "topic", topic);
    HeaderFields.put(extFields, "defaultTopic", defaultTopic);
    HeaderFields.put(extFields, "defaultTopicQueueNums", defaultTopicQueueNums);
    HeaderFields.put(extFields, "queueId", queueId);
    HeaderFields.put(extFields, "sysFlag", sysFlag);
    HeaderFields.put(extFields, "bornTimestamp", bornTimestamp);
    HeaderFields.put(extFields, "flag", flag);
    HeaderFields.put(extFields, "properties", properties);
    HeaderFields.put(extFields, "reconsumeTimes", reconsumeTimes);
    HeaderFields.put(extFields, "unitMode", unitMode);
    HeaderFields.put(extFields, "batch", batch);
    HeaderFields.put(extFields, "maxReconsumeTimes", maxReconsumeTimes);
    rpc.writeTo(extFields);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static SendMessageRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new SendMessageRequestHeader(
        HeaderFields.requireString(extFields, "producerGroup"),
        HeaderFields.requireString(extFields, "topic"),
        HeaderFields.requireString(extFields, "defaultTopic"),
        HeaderFields.requireInt(extFields, "defaultTopicQueueNums"),
        HeaderFields.requireInt(extFields, "queueId"),
        HeaderFields.requireInt(extFields, "sysFlag"),
        HeaderFields.requireLong(extFields, "bornTimestamp"),
        HeaderFields.requireInt(extFields, "flag"),
        HeaderFields.optString(extFields, "properties"),
        HeaderFields.optInt(extFields, "reconsumeTimes"),
        HeaderFields.optBool(extFields, "unitMode"),
        HeaderFields.optBool(extFields, "batch"),
        HeaderFields.optInt(extFields, "maxReconsumeTimes"),
        RpcHeader.fromExtFields(extFields));
  }
}
