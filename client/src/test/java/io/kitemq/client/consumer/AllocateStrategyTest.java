package io.kitemq.client.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitemq.common.message.MessageQueue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(10)
class AllocateStrategyTest {

  static Stream<AllocateStrategy> sharingStrategies() {
    return Stream.of(
        new AllocateAveragely(), new AllocateAveragelyByCircle(), new AllocateConsistentHash());
  }

  private static List<MessageQueue> queues(int n) {
    List<MessageQueue> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new MessageQueue("T", i < n / 2 ? "broker-a" : "broker-b", i));
    }
    Collections.sort(out);
    return out;
  }

  private static List<String> members(int c) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < c; i++) {
      out.add("10.0.0." + i + "@" + (1000 + i));
    }
    Collections.sort(out);
    return out;
  }

  @ParameterizedTest
  @MethodSource("sharingStrategies")
  void everyQueueIsOwnedByExactlyOneMember(AllocateStrategy strategy) {
    for (int n = 0; n <= 17; n++) {
      for (int c = 1; c <= 6; c++) {
        List<MessageQueue> all = queues(n);
        Map<MessageQueue, Integer> owners = new HashMap<>();
        for (String id : members(c)) {
          for (MessageQueue q : strategy.allocate(id, all, members(c))) {
            owners.merge(q, 1, Integer::sum);
          }
        }
        assertThat(owners.keySet()).as("n=%d c=%d", n, c).containsExactlyInAnyOrderElementsOf(all);
        assertThat(owners.values()).allSatisfy(k -> assertThat(k).isEqualTo(1));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("sharingStrategies")
  void resultDoesNotDependOnInputOrderOnceSorted(AllocateStrategy strategy) {
    List<MessageQueue> all = queues(12);
    List<String> ids = members(5);
    List<MessageQueue> shuffledQueues = new ArrayList<>(all);
    List<String> shuffledIds = new ArrayList<>(ids);
    Collections.shuffle(shuffledQueues, new Random(7));
    Collections.shuffle(shuffledIds, new Random(9));
    Collections.sort(shuffledQueues);
    Collections.sort(shuffledIds);
    for (String id : ids) {
      assertThat(strategy.allocate(id, shuffledQueues, shuffledIds))
          .isEqualTo(strategy.allocate(id, all, ids));
    }
  }

  @Test
  void averagelyGivesContiguousBlocksWithTheRemainderFirst() {
    List<MessageQueue> all = queues(8);
    List<String> ids = members(3);
    AllocateAveragely s = new AllocateAveragely();
    assertThat(s.allocate(ids.get(0), all, ids)).isEqualTo(all.subList(0, 3));
    assertThat(s.allocate(ids.get(1), all, ids)).isEqualTo(all.subList(3, 6));
    assertThat(s.allocate(ids.get(2), all, ids)).isEqualTo(all.subList(6, 8));
  }

  @Test
  void byCircleDealsQueuesRoundRobin() {
    List<MessageQueue> all = queues(7);
    List<String> ids = members(3);
    assertThat(new AllocateAveragelyByCircle().allocate(ids.get(1), all, ids))
        .containsExactly(all.get(1), all.get(4));
  }

  @Test
  void unknownMemberGetsNothing() {
    List<MessageQueue> all = queues(4);
    sharingStrategies().forEach(s -> assertThat(s.allocate("stranger", all, members(2))).isEmpty());
  }

  @Test
  void consistentHashMovesFewQueuesWhenAMemberJoins() {
    List<MessageQueue> all = queues(64);
    AllocateConsistentHash s = new AllocateConsistentHash(50);
    List<String> before = members(4);
    List<String> after = members(5);
    int moved = 0;
    for (String id : before) {
      List<MessageQueue> was = s.allocate(id, all, before);
      List<MessageQueue> now = s.allocate(id, all, after);
      moved += (int) was.stream().filter(q -> !now.contains(q)).count();
    }
    // Only queues taken over by the newcomer move; with averaging it would be far more.
    assertThat(moved).isEqualTo(s.allocate(after.get(4), all, after).size());
  }

  @Test
  void byConfigReturnsOnlyConfiguredQueuesThatExist() {
    List<MessageQueue> all = queues(4);
    MessageQueue gone = new MessageQueue("T", "broker-z", 9);
    AllocateByConfig s = new AllocateByConfig(List.of(all.get(1), gone));
    assertThat(s.allocate("any", all, members(3))).containsExactly(all.get(1));
  }

  @Test
  void byMachineRoomSharesOnlyQueuesOfTheGivenRooms() {
    List<MessageQueue> all = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      all.add(new MessageQueue("T", "room1@b1", i));
      all.add(new MessageQueue("T", "room2@b2", i));
    }
    Collections.sort(all);
    AllocateByMachineRoom s = new AllocateByMachineRoom(Set.of("room1"));
    List<String> ids = members(2);
    List<MessageQueue> a = s.allocate(ids.get(0), all, ids);
    List<MessageQueue> b = s.allocate(ids.get(1), all, ids);
    assertThat(a).hasSize(3);
    assertThat(b).hasSize(2);
    assertThat(a).doesNotContainAnyElementsOf(b);
    assertThat(a).allSatisfy(q -> assertThat(q.brokerName()).startsWith("room1@"));
    assertThat(b).allSatisfy(q -> assertThat(q.brokerName()).startsWith("room1@"));
  }
}
