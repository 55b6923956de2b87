package io.kitemq.broker.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitemq.common.message.MessageQueue;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class QueueLockManagerTest {

  private final AtomicLong clock = new AtomicLong(0);
  private final QueueLockManager locks = new QueueLockManager(clock::get, 60_000);
  private final MessageQueue q0 = new MessageQueue("T", "b", 0);
  private final MessageQueue q1 = new MessageQueue("T", "b", 1);

  @Test
  void aLiveLockKeepsOtherClientsOut() {
    assertThat(locks.tryLock("G", Set.of(q0, q1), "c1")).containsExactlyInAnyOrder(q0, q1);
    clock.set(59_000);
    assertThat(locks.tryLock("G", Set.of(q0, q1), "c2")).isEmpty();
    assertThat(locks.isLockedBy("G", q0, "c1")).isTrue();
  }

  @Test
  void aLockExpiresAfterItsMaxLiveTimeWithoutRenewal() {
    locks.tryLock("G", Set.of(q0), "c1");
    clock.set(60_001);
    assertThat(locks.isLockedBy("G", q0, "c1")).isFalse();
    assertThat(locks.tryLock("G", Set.of(q0), "c2")).containsExactly(q0);
    assertThat(locks.tryLock("G", Set.of(q0), "c1")).isEmpty();
  }

  @Test
  void renewingMovesTheExpiry() {
    locks.tryLock("G", Set.of(q0), "c1");
    clock.set(50_000);
    locks.tryLock("G", Set.of(q0), "c1");
    clock.set(100_000);
    assertThat(locks.tryLock("G", Set.of(q0), "c2")).isEmpty();
  }

  @Test
  void unlockOnlyReleasesTheHoldersLocksAndGroupsAreSeparate() {
    locks.tryLock("G", Set.of(q0), "c1");
    locks.unlock("G", Set.of(q0), "c2");
    assertThat(locks.isLockedBy("G", q0, "c1")).isTrue();
    assertThat(locks.tryLock("Other", Set.of(q0), "c2")).containsExactly(q0);
    locks.unlock("G", Set.of(q0), "c1");
    assertThat(locks.tryLock("G", Set.of(q0), "c2")).containsExactly(q0);
  }
}
