package io.kitemq.common.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TopicTest {

  @Test
  void permissionBitsAndLetters() {
    assertThat(TopicPermission.toString(7)).isEqualTo("RWX");
    assertThat(TopicPermission.toString(TopicPermission.READ)).isEqualTo("R--");
    assertThat(TopicPermission.toString(0)).isEqualTo("---");
    assertThat(TopicPermission.isWriteable(6)).isTrue();
    assertThat(TopicPermission.isInherited(6)).isFalse();
    assertThat(TopicPermission.isValid(7)).isTrue();
    assertThat(TopicPermission.isValid(8)).isFalse();
    assertThat(TopicPermission.isAccessible(TopicPermission.INHERIT)).isFalse();
  }

  @Test
  void topicNamesFollowTheRocketMqRules() {
    assertThat(TopicValidator.validateTopic("Topic_A-1|%")).isEmpty();
    assertThat(TopicValidator.validateTopic("has space")).get().asString().contains("illegal");
    assertThat(TopicValidator.validateTopic("")).isPresent();
    assertThat(TopicValidator.validateTopic("t".repeat(127))).isEmpty();
    assertThat(TopicValidator.validateTopic("t".repeat(128))).get().asString().contains("127");
    assertThat(TopicValidator.validateTopic("%RETRY%" + "g".repeat(248))).isEmpty();
    assertThat(TopicValidator.validateTopic("%DLQ%" + "g".repeat(251))).isPresent();
    assertThat(TopicValidator.validateGroup("g".repeat(120))).isEmpty();
    assertThat(TopicValidator.validateGroup("g".repeat(121))).isPresent();
    assertThatThrownBy(() -> TopicValidator.requireValidTopic("a/b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a/b");
  }

  @Test
  void systemTopicNames() {
    assertThat(SystemTopics.isSystemTopic("TBW102")).isTrue();
    assertThat(SystemTopics.isSystemTopic(SystemTopics.TIMER_TOPIC)).isTrue();
    assertThat(SystemTopics.TIMER_TOPIC).isEqualTo("rmq_sys_wheel_timer");
    assertThat(SystemTopics.isSystemTopic("orders")).isFalse();
    assertThat(SystemTopics.isNotAllowedSendTopic("SCHEDULE_TOPIC_XXXX")).isTrue();
    assertThat(SystemTopics.isNotAllowedSendTopic("RMQ_SYS_TRACE_TOPIC")).isFalse();
    assertThat(SystemTopics.retryTopic("g")).isEqualTo("%RETRY%g");
    assertThat(SystemTopics.dlqTopic("g")).isEqualTo("%DLQ%g");
    assertThat(SystemTopics.popRetryTopic("t", "g", false)).isEqualTo("%RETRY%g_t");
    assertThat(SystemTopics.popRetryTopic("t", "g", true)).isEqualTo("%RETRY%g+t");
    assertThat(SystemTopics.reviveTopic("c")).isEqualTo("rmq_sys_REVIVE_LOG_c");
    assertThat(SystemTopics.replyTopic("c")).isEqualTo("c_REPLY_TOPIC");
  }

  @Test
  void topicConfigDefaultsAndValidation() {
    TopicConfig c = TopicConfig.of("orders");
    assertThat(c.readQueueNums()).isEqualTo(16);
    assertThat(c.writeQueueNums()).isEqualTo(16);
    assertThat(c.perm()).isEqualTo(6);
    assertThat(c.topicFilterType()).isEqualTo(TopicFilterType.SINGLE_TAG);
    assertThat(c.isReadable()).isTrue();
    assertThat(c.withPerm(TopicPermission.READ).isWriteable()).isFalse();
    assertThat(c.withQueueNums(4, 8)).isEqualTo(TopicConfig.of("orders", 4, 8, 6));
    assertThatThrownBy(() -> TopicConfig.of("t", -1, 1, 6)).hasMessageContaining("readQueueNums");
    assertThatThrownBy(() -> TopicConfig.of("t", 1, 1, 9)).hasMessageContaining("perm");
    assertThatThrownBy(() -> TopicConfig.of(" ")).hasMessageContaining("topicName");
  }

  @Test
  void requireValidGroupNamesTheGroupProblemAndPassesGoodNames() {
    assertThat(TopicValidator.requireValidGroup("orders-consumers")).isEqualTo("orders-consumers");
    assertThatThrownBy(() -> TopicValidator.requireValidGroup("bad group"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("group: ")
        .hasMessageContaining("illegal characters");
    assertThatThrownBy(() -> TopicValidator.requireValidGroup(" "))
        .hasMessage("group: the group name is blank");
  }
}
