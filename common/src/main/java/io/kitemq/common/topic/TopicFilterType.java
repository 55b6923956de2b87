package io.kitemq.common.topic;

/** How a topic's messages are tagged; a config field kept for compatibility. */
public enum TopicFilterType {
  SINGLE_TAG,
  MULTI_TAG
}
