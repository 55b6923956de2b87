package io.kitemq.common.topic;

import java.util.Objects;

/**
 * A topic's configuration on one broker. Immutable value object, validated on construction (the
 * offending field is named in the error); change it with the {@code with*} copies.
 *
 * @param topicName the topic
 * @param readQueueNums queues consumers read (>= 0)
 * @param writeQueueNums queues producers write (>= 0)
 * @param perm {@link TopicPermission} bits (0..7)
 * @param topicFilterType tag filter type
 * @param topicSysFlag system flag bits (unit flags)
 * @param order whether the topic is ordered
 */
public record TopicConfig(
    String topicName,
    int readQueueNums,
    int writeQueueNums,
    int perm,
    TopicFilterType topicFilterType,
    int topicSysFlag,
    boolean order) {

  /** Queue counts of a topic created without explicit ones. */
  public static final int DEFAULT_QUEUE_NUMS = 16;

  public TopicConfig {
    if (topicName == null || topicName.isBlank()) {
      throw new IllegalArgumentException("topicName must not be blank");
    }
    if (readQueueNums < 0) {
      throw new IllegalArgumentException("readQueueNums must be >= 0, got " + readQueueNums);
    }
    if (writeQueueNums < 0) {
      throw new IllegalArgumentException("writeQueueNums must be >= 0, got " + writeQueueNums);
    }
    if (!TopicPermission.isValid(perm)) {
      throw new IllegalArgumentException("perm must be in 0..7, got " + perm);
    }
    Objects.requireNonNull(topicFilterType, "topicFilterType");
  }

  /** A topic with RocketMQ's defaults: 16 read and write queues, read-write, single tag. */
  public static TopicConfig of(String topicName) {
    return of(topicName, DEFAULT_QUEUE_NUMS, DEFAULT_QUEUE_NUMS, TopicPermission.READ_WRITE);
  }

  public static TopicConfig of(String topicName, int readQueueNums, int writeQueueNums, int perm) {
    return new TopicConfig(
        topicName, readQueueNums, writeQueueNums, perm, TopicFilterType.SINGLE_TAG, 0, false);
  }

  public TopicConfig withQueueNums(int read, int write) {
    return new TopicConfig(topicName, read, write, perm, topicFilterType, topicSysFlag, order);
  }

  public TopicConfig withPerm(int newPerm) {
    return new TopicConfig(
        topicName, readQueueNums, writeQueueNums, newPerm, topicFilterType, topicSysFlag, order);
  }

  public TopicConfig withTopicSysFlag(int flag) {
    return new TopicConfig(
        topicName, readQueueNums, writeQueueNums, perm, topicFilterType, flag, order);
  }

  public TopicConfig withOrder(boolean ordered) {
    return new TopicConfig(
        topicName, readQueueNums, writeQueueNums, perm, topicFilterType, topicSysFlag, ordered);
  }

  public boolean isReadable() {
    return TopicPermission.isReadable(perm);
  }

  public boolean isWriteable() {
    return TopicPermission.isWriteable(perm);
  }
}
