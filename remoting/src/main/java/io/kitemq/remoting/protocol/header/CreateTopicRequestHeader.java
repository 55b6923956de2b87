package io.kitemq.remoting.protocol.header;

import io.kitemq.remoting.protocol.RemotingCommandException;
import java.util.Map;
import java.util.Objects;

/**
 * The UPDATE_AND_CREATE_TOPIC (17) request; {@code order} and {@code force} are always written.
 *
 * <p>Keys are the component names; required keys: {@code topic}, {@code defaultTopic}, {@code
 * readQueueNums}, {@code writeQueueNums}, {@code perm}, {@code topicFilterType}, {@code order}.
 * Inherited keys ({@code ns}, {@code nsd}, {@code bname}, {@code oway}, {@code lo}) travel in
 * {@link #rpc()}. Primitive components are required (or always written); boxed ones are optional
 * (null = absent). Immutable.
 */
public record CreateTopicRequestHeader(
    String topic,
    String defaultTopic,
    int readQueueNums,
    int writeQueueNums,
    int perm,
    String topicFilterType,
    Integer topicSysFlag,
    boolean order,
    String attributes,
    boolean force,
    RpcHeader rpc)
    implements CommandHeader {

  /** Checks that required references are present. */
  public CreateTopicRequestHeader {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(defaultTopic, "defaultTopic");
    Objects.requireNonNull(topicFilterType, "topicFilterType");
    Objects.requireNonNull(rpc, "rpc (use RpcHeader.NONE)");
  }

  /** A header without inherited keys. */
  public CreateTopicRequestHeader(
      String topic,
      String defaultTopic,
      int readQueueNums,
      int writeQueueNums,
      int perm,
      String topicFilterType,
      Integer topicSysFlag,
      boolean order,
      String attributes,
      boolean force) {
    this(
        topic,
        defaultTopic,
        readQueueNums,
        writeQueueNums,
        perm,
        topicFilterType,
        topicSysFlag,
        order,
        attributes,
        force,
        RpcHeader.NONE);
  }

  @Override
  public void writeTo(Map<String, String> extFields) {
    HeaderFields.put(extFields, "topic", topic);
    HeaderFields.put(extFields, "defaultTopic", defaultTopic);
    HeaderFields.put(extFields, "readQueueNums", readQueueNums);
    HeaderFields.put(extFields, "writeQueueNums", writeQueueNums);
    HeaderFields.put(extFields, "perm", perm);
    HeaderFields.put(extFields, "topicFilterType", topicFilterType);
    HeaderFields.put(extFields, "topicSysFlag", topicSysFlag);
    HeaderFields.put(extFields, "order", order);
    HeaderFields.put(extFields, "attributes", attributes);
    HeaderFields.put(extFields, "force", force);
    rpc.writeTo(extFields);
  }

  /**
   * Reads the header from a command's extFields (unknown keys are ignored).
   *
   * @throws RemotingCommandException naming a required field that is missing or malformed
   */
  public static CreateTopicRequestHeader fromExtFields(Map<String, String> extFields)
      throws RemotingCommandException {
    return new CreateTopicRequestHeader(
        HeaderFields.requireString(extFields, "topic"),
        HeaderFields.requireString(extFields, "defaultTopic"),
        HeaderFields.requireInt(extFields, "readQueueNums"),
        HeaderFields.requireInt(extFields, "writeQueueNums"),
        HeaderFields.requireInt(extFields, "perm"),
        HeaderFields.requireString(extFields, "topicFilterType"),
        HeaderFields.optInt(extFields, "topicSysFlag"),
        HeaderFields.requireBool(extFields, "order"),
        HeaderFields.optString(extFields, "attributes"),
        HeaderFields.optBool(extFields, "force", false),
        RpcHeader.fromExtFields(extFields));
  }
}
