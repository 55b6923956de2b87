package io.kitemq.client.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageQueue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SelectMessageQueueByHashTest {

  private static List<MessageQueue> queues(int n) {
    List<MessageQueue> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new MessageQueue("T", "b", i));
    }
    return out;
  }

  @Test
  void sameKeyAlwaysPicksTheSameQueueAndKeysSpreadOverAllQueues() {
    SelectMessageQueueByHash s = new SelectMessageQueueByHash();
    List<MessageQueue> qs = queues(4);
    Message m = new Message("T", new byte[] {1});
    Set<MessageQueue> used = new HashSet<>();
    for (int k = 0; k < 100; k++) {
      MessageQueue first = s.select(qs, m, "order-" + k);
      assertThat(s.select(qs, m, "order-" + k)).isEqualTo(first);
      used.add(first);
    }
    assertThat(used).containsExactlyInAnyOrderElementsOf(qs);
  }

  @Test
  void negativeHashCodesStillPickAValidQueue() {
    SelectMessageQueueByHash s = new SelectMessageQueueByHash();
    Object negative =
        new Object() {
          @Override
          public int hashCode() {
            return Integer.MIN_VALUE;
          }
        };
    assertThat(s.select(queues(3), new Message("T", new byte[] {1}), negative).queueId())
        .isBetween(0, 2);
  }
}
