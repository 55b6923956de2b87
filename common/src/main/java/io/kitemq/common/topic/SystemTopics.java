package io.kitemq.common.topic;

import java.util.Set;

/**
 * Names and prefixes of the topics and groups the broker itself uses, and the rules built on them
 * (which topics are system topics, which a client may not send to, how retry and dead-letter topics
 * are named). Stateless.
 */
public final class SystemTopics {

  public static final String AUTO_CREATE_TOPIC_KEY_TOPIC = "TBW102";
  public static final String SCHEDULE_TOPIC = "SCHEDULE_TOPIC_XXXX";
  public static final String BENCHMARK_TOPIC = "BenchmarkTest";
  public static final String TRANS_HALF_TOPIC = "RMQ_SYS_TRANS_HALF_TOPIC";
  public static final String ROCKSDB_TRANS_HALF_TOPIC = "RMQ_SYS_ROCKSDB_TRANS_HALF_TOPIC";
  public static final String TRACE_TOPIC = "RMQ_SYS_TRACE_TOPIC";
  public static final String TRANS_OP_HALF_TOPIC = "RMQ_SYS_TRANS_OP_HALF_TOPIC";
  public static final String ROCKSDB_TRANS_OP_HALF_TOPIC = "RMQ_SYS_ROCKSDB_TRANS_OP_HALF_TOPIC";
  public static final String TRANS_CHECK_MAX_TIME_TOPIC = "TRANS_CHECK_MAX_TIME_TOPIC";
  public static final String SELF_TEST_TOPIC = "SELF_TEST_TOPIC";
  public static final String OFFSET_MOVED_EVENT = "OFFSET_MOVED_EVENT";
  public static final String ROCKSDB_OFFSET_TOPIC = "CHECKPOINT_TOPIC";

  /** Every topic starting with this is a system topic. */
  public static final String SYSTEM_TOPIC_PREFIX = "rmq_sys_";

  public static final String SYNC_BROKER_MEMBER_GROUP_PREFIX =
      SYSTEM_TOPIC_PREFIX + "SYNC_BROKER_MEMBER_";

  /** 5.x timer-wheel messages. */
  public static final String TIMER_TOPIC = SYSTEM_TOPIC_PREFIX + "wheel_timer";

  /** Pop revive log, suffixed with the cluster name. */
  public static final String REVIVE_TOPIC_PREFIX = SYSTEM_TOPIC_PREFIX + "REVIVE_LOG_";

  public static final String RETRY_GROUP_TOPIC_PREFIX = "%RETRY%";
  public static final String DLQ_GROUP_TOPIC_PREFIX = "%DLQ%";
  public static final String LMQ_PREFIX = "%LMQ%";
  public static final String REPLY_TOPIC_POSTFIX = "REPLY_TOPIC";

  public static final String DEFAULT_PRODUCER_GROUP = "DEFAULT_PRODUCER";
  public static final String DEFAULT_CONSUMER_GROUP = "DEFAULT_CONSUMER";
  public static final String TOOLS_CONSUMER_GROUP = "TOOLS_CONSUMER";
  public static final String SCHEDULE_CONSUMER_GROUP = "SCHEDULE_CONSUMER";
  public static final String FILTERSRV_CONSUMER_GROUP = "FILTERSRV_CONSUMER";
  public static final String MONITOR_CONSUMER_GROUP = "__MONITOR_CONSUMER";
  public static final String CLIENT_INNER_PRODUCER_GROUP = "CLIENT_INNER_PRODUCER";
  public static final String SELF_TEST_PRODUCER_GROUP = "SELF_TEST_P_GROUP";
  public static final String SELF_TEST_CONSUMER_GROUP = "SELF_TEST_C_GROUP";
  public static final String TRANSACTION_CHECK_GROUP = "CID_RMQ_SYS_TRANS";
  public static final String CID_RMQ_SYS_PREFIX = "CID_RMQ_SYS_";

  private static final Set<String> SYSTEM_TOPICS =
      Set.of(
          AUTO_CREATE_TOPIC_KEY_TOPIC,
          SCHEDULE_TOPIC,
          BENCHMARK_TOPIC,
          TRANS_HALF_TOPIC,
          TRACE_TOPIC,
          TRANS_OP_HALF_TOPIC,
          TRANS_CHECK_MAX_TIME_TOPIC,
          SELF_TEST_TOPIC,
          OFFSET_MOVED_EVENT,
          ROCKSDB_OFFSET_TOPIC,
          ROCKSDB_TRANS_HALF_TOPIC,
          ROCKSDB_TRANS_OP_HALF_TOPIC);

  private static final Set<String> NOT_ALLOWED_SEND_TOPICS =
      Set.of(
          SCHEDULE_TOPIC,
          TRANS_HALF_TOPIC,
          TRANS_OP_HALF_TOPIC,
          TRANS_CHECK_MAX_TIME_TOPIC,
          SELF_TEST_TOPIC,
          OFFSET_MOVED_EVENT,
          ROCKSDB_TRANS_HALF_TOPIC,
          ROCKSDB_TRANS_OP_HALF_TOPIC);

  private SystemTopics() {}

  /** The fixed system topic names (topics with {@link #SYSTEM_TOPIC_PREFIX} are system too). */
  public static Set<String> systemTopicNames() {
    return SYSTEM_TOPICS;
  }

  /** Topics a client may never send to. */
  public static Set<String> notAllowedSendTopicNames() {
    return NOT_ALLOWED_SEND_TOPICS;
  }

  public static boolean isSystemTopic(String topic) {
    return SYSTEM_TOPICS.contains(topic) || topic.startsWith(SYSTEM_TOPIC_PREFIX);
  }

  public static boolean isNotAllowedSendTopic(String topic) {
    return NOT_ALLOWED_SEND_TOPICS.contains(topic);
  }

  public static String retryTopic(String consumerGroup) {
    return RETRY_GROUP_TOPIC_PREFIX + consumerGroup;
  }

  public static String dlqTopic(String consumerGroup) {
    return DLQ_GROUP_TOPIC_PREFIX + consumerGroup;
  }

  public static boolean isRetryTopic(String topic) {
    return topic.startsWith(RETRY_GROUP_TOPIC_PREFIX);
  }

  public static boolean isDlqTopic(String topic) {
    return topic.startsWith(DLQ_GROUP_TOPIC_PREFIX);
  }

  public static boolean isLmq(String topic) {
    return topic != null && topic.startsWith(LMQ_PREFIX);
  }

  /** {@code <cluster>_REPLY_TOPIC}, the request-reply topic of a cluster. */
  public static String replyTopic(String clusterName) {
    return clusterName + "_" + REPLY_TOPIC_POSTFIX;
  }

  /** {@code rmq_sys_REVIVE_LOG_<cluster>}. */
  public static String reviveTopic(String clusterName) {
    return REVIVE_TOPIC_PREFIX + clusterName;
  }

  /**
   * Pop retry topic: {@code %RETRY%<group>_<topic>} (V1) or {@code %RETRY%<group>+<topic>} (V2).
   */
  public static String popRetryTopic(String topic, String consumerGroup, boolean v2) {
    return RETRY_GROUP_TOPIC_PREFIX + consumerGroup + (v2 ? '+' : '_') + topic;
  }

  /** Groups whose names the system reserves ({@code CID_RMQ_SYS_*} included). */
  public static boolean isSystemGroup(String group) {
    return group.startsWith(CID_RMQ_SYS_PREFIX);
  }
}
