package io.kitemq.broker.longpolling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kitemq.broker.filter.TagFilter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class PullRequestHoldServiceTest {

  private final PullRequestHoldService service = new PullRequestHoldService();
  private final AtomicInteger arrived = new AtomicInteger();
  private final AtomicInteger timedOut = new AtomicInteger();

  @AfterEach
  void stop() {
    service.shutdown();
  }

  private HeldPull pull(String expr, long offset, long holdMillis) {
    return new HeldPull(
        "T",
        0,
        offset,
        TagFilter.parse(expr),
        System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(holdMillis),
        arrived::incrementAndGet,
        timedOut::incrementAndGet);
  }

  @Test
  void aMatchingArrivalWakesTheHeldPullOnce() {
    service.start();
    service.hold(pull("*", 5, 10_000));
    service.onArrival("T", 1, 5, 0, 0);
    service.onArrival("T", 0, 4, 0, 0);
    assertThat(arrived.get()).isZero();
    service.onArrival("T", 0, 5, 0, 0);
    service.onArrival("T", 0, 6, 0, 0);
    assertThat(arrived.get()).isEqualTo(1);
    assertThat(service.heldCount()).isZero();
  }

  @Test
  void anArrivalWithAnotherTagLeavesThePullParked() {
    service.start();
    service.hold(pull("TagA", 0, 10_000));
    service.onArrival("T", 0, 0, "TagB".hashCode(), 0);
    assertThat(arrived.get()).isZero();
    service.onArrival("T", 0, 1, "TagA".hashCode(), 0);
    assertThat(arrived.get()).isEqualTo(1);
  }

  @Test
  void aPullTimesOutAfterItsSuspendTime() {
    service.start();
    long start = System.nanoTime();
    service.hold(pull("*", 0, 300));
    await().atMost(Duration.ofSeconds(5)).until(() -> timedOut.get() == 1);
    assertThat(System.nanoTime() - start)
        .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(300));
    service.onArrival("T", 0, 0, 0, 0);
    assertThat(arrived.get()).isZero();
    assertThat(timedOut.get()).isEqualTo(1);
  }

  @Test
  void theParkedCountFollowsPullsInAndOutAndArrivalsFindPullsParkedLater() {
    service.start();
    service.hold(pull("*", 0, 10_000));
    service.hold(pull("*", 0, 10_000));
    service.hold(pull("*", 7, 200));
    assertThat(service.heldCount()).isEqualTo(3);
    service.onArrival("T", 0, 0, 0, 0);
    assertThat(arrived.get()).isEqualTo(2);
    assertThat(service.heldCount()).isEqualTo(1);
    await().atMost(Duration.ofSeconds(5)).until(() -> timedOut.get() == 1);
    assertThat(service.heldCount()).isZero();
    // With nothing parked an arrival returns at once; a pull parked afterwards is still found.
    service.onArrival("T", 0, 8, 0, 0);
    service.hold(pull("*", 8, 10_000));
    service.onArrival("T", 0, 8, 0, 0);
    assertThat(arrived.get()).isEqualTo(3);
    assertThat(service.heldCount()).isZero();
  }

  @Test
  void shutdownAnswersEveryHeldPull() {
    service.start();
    service.hold(pull("*", 0, 60_000));
    service.hold(pull("*", 3, 60_000));
    service.shutdown();
    assertThat(timedOut.get()).isEqualTo(2);
  }
}
