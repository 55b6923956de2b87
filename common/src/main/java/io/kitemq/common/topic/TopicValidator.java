package io.kitemq.common.topic;

import java.util.Optional;

/**
 * Topic and group name rules, as the RocketMQ broker and client enforce them: characters from
 * {@code [%|a-zA-Z0-9_-]}; topics at most 127 chars, retry and dead-letter topics at most 255,
 * groups at most 120 (they become part of retry topic names). Stateless.
 */
public final class TopicValidator {

  public static final int TOPIC_MAX_LENGTH = 127;
  public static final int RETRY_OR_DLQ_TOPIC_MAX_LENGTH = 255;
  public static final int GROUP_MAX_LENGTH = 120;

  private static final boolean[] VALID = new boolean[128];

  static {
    for (int c = 0; c < VALID.length; c++) {
      VALID[c] =
          (c >= '0' && c <= '9')
              || (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || c == '%'
              || c == '-'
              || c == '_'
              || c == '|';
    }
  }

  private TopicValidator() {}

  /** Whether {@code name} holds a char outside {@code [%|a-zA-Z0-9_-]}. */
  public static boolean hasIllegalChars(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= VALID.length || !VALID[c]) {
        return true;
      }
    }
    return false;
  }

  /** Why {@code topic} is not a valid topic name, or empty if it is. */
  public static Optional<String> validateTopic(String topic) {
    if (topic == null || topic.isBlank()) {
      return Optional.of("the topic name is blank");
    }
    if (hasIllegalChars(topic)) {
      return Optional.of(
          "topic '" + topic + "' contains illegal characters; allowed: ^[%|a-zA-Z0-9_-]+$");
    }
    boolean retryOrDlq =
        topic.startsWith(SystemTopics.RETRY_GROUP_TOPIC_PREFIX)
            || topic.startsWith(SystemTopics.DLQ_GROUP_TOPIC_PREFIX);
    int max = retryOrDlq ? RETRY_OR_DLQ_TOPIC_MAX_LENGTH : TOPIC_MAX_LENGTH;
    if (topic.length() > max) {
      return Optional.of(
          "topic '" + topic + "' is " + topic.length() + " chars long, more than " + max);
    }
    return Optional.empty();
  }

  /** Why {@code group} is not a valid group name, or empty if it is. */
  public static Optional<String> validateGroup(String group) {
    if (group == null || group.isBlank()) {
      return Optional.of("the group name is blank");
    }
    if (hasIllegalChars(group)) {
      return Optional.of(
          "group '" + group + "' contains illegal characters; allowed: ^[%|a-zA-Z0-9_-]+$");
    }
    if (group.length() > GROUP_MAX_LENGTH) {
      return Optional.of(
          "group '"
              + group
              + "' is "
              + group.length()
              + " chars long, more than "
              + GROUP_MAX_LENGTH);
    }
    return Optional.empty();
  }

  /**
   * Returns {@code topic} if valid.
   *
   * @throws IllegalArgumentException naming the problem otherwise
   */
  public static String requireValidTopic(String topic) {
    validateTopic(topic)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(problem);
            });
    return topic;
  }

  /**
   * Returns {@code group} if valid.
   *
   * @throws IllegalArgumentException "group: " and the problem otherwise
   */
  public static String requireValidGroup(String group) {
    validateGroup(group)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException("group: " + problem);
            });
    return group;
  }
}
