package io.kitemq.store;

import static io.kitemq.store.StoreFixture.message;
import static io.kitemq.store.StoreFixture.smallConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.kitemq.common.message.MessageConst;
import io.kitemq.common.message.StoredMessageDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PullReadTest {

  @TempDir Path root;
  private DefaultMessageStore store;
  private StoreFixture.MutableClock clock;

  @BeforeEach
  void open() {
    clock = new StoreFixture.MutableClock(Instant.now());
    int hour = clock.instant().atZone(clock.getZone()).getHour();
    MessageStoreConfig config =
        smallConfig(root)
            .deleteWhen(String.format("%02d", hour))
            .fileReservedTime(1)
            .maxTransferCountOnMessageInMemory(1000)
            .maxTransferBytesOnMessageInMemory(1 << 20)
            .build();
    store = new DefaultMessageStore(config, clock, new StoreFixture.FakeDisk(0.1));
    store.start();
  }

  @AfterEach
  void stop() {
    store.shutdown();
  }

  private GetMessageResult pull(long offset, int max, MessageFilter filter) {
    return store.getMessages("g", "P", 0, offset, max, 1 << 20, filter);
  }

  private void putTagged(int n, String tag) {
    for (int i = 0; i < n; i++) {
      AppendRequest r = message("P", 0, ("m-" + tag + i).getBytes(), tag, null, null, 0);
      assertThat(store.append(r).join().status()).isEqualTo(AppendStatus.PUT_OK);
    }
  }

  @Test
  void anEmptyQueueSaysNoMessageInQueue() {
    try (GetMessageResult r = pull(0, 10, MessageFilter.ALL)) {
      assertThat(r.status()).isEqualTo(GetMessageStatus.NO_MESSAGE_IN_QUEUE);
      assertThat(r.nextBeginOffset()).isZero();
    }
  }

  @Test
  void foundHonoursCountAndByteLimitsAndTakesAtLeastOne() {
    putTagged(20, "A");
    try (GetMessageResult r = pull(3, 5, MessageFilter.ALL)) {
      assertThat(r.status()).isEqualTo(GetMessageStatus.FOUND);
      assertThat(r.messageCount()).isEqualTo(5);
      assertThat(r.nextBeginOffset()).isEqualTo(8);
      assertThat(r.minOffset()).isZero();
      assertThat(r.maxOffset()).isEqualTo(20);
      assertThat(r.messages().get(0).queueOffset()).isEqualTo(3);
    }
    int size;
    try (GetMessageResult r = pull(0, 1, MessageFilter.ALL)) {
      size = r.totalBytes();
    }
    try (GetMessageResult r =
        store.getMessages("g", "P", 0, 0, 32, size * 3 + 1, MessageFilter.ALL)) {
      assertThat(r.messageCount()).isEqualTo(3);
      assertThat(r.totalBytes()).isEqualTo(3 * size);
    }
    try (GetMessageResult r = store.getMessages("g", "P", 0, 0, 32, 1, MessageFilter.ALL)) {
      assertThat(r.messageCount()).isEqualTo(1);
    }
  }

  @Test
  void slicesAreTheStoredBytesWithoutCopy() {
    putTagged(3, "A");
    try (GetMessageResult r = pull(0, 3, MessageFilter.ALL)) {
      ByteBuffer b = r.messages().get(2).buffer();
      assertThat(b.isDirect()).isTrue();
      assertThat(b.getInt(0)).isEqualTo(b.limit());
      assertThat(new String(StoredMessageDecoder.decode(b, 0).getBody(), StandardCharsets.UTF_8))
          .isEqualTo("m-A2");
    }
  }

  @Test
  void overflowStatusesPointBackAtTheEnd() {
    putTagged(4, "A");
    try (GetMessageResult r = pull(4, 10, MessageFilter.ALL)) {
      assertThat(r.status()).isEqualTo(GetMessageStatus.OFFSET_OVERFLOW_ONE);
      assertThat(r.nextBeginOffset()).isEqualTo(4);
    }
    try (GetMessageResult r = pull(99, 10, MessageFilter.ALL)) {
      assertThat(r.status()).isEqualTo(GetMessageStatus.OFFSET_OVERFLOW_BADLY);
      assertThat(r.nextBeginOffset()).isEqualTo(4);
    }
  }

  @Test
  void tagFilterSkipsOthersAndReportsNoMatchedMessage() {
    putTagged(5, "A");
    putTagged(5, "B");
    long codeB = "B".hashCode();
    MessageFilter onlyB = code -> code == codeB;
    try (GetMessageResult r = pull(0, 32, onlyB)) {
      assertThat(r.status()).isEqualTo(GetMessageStatus.FOUND);
      assertThat(r.messageCount()).isEqualTo(5);
      assertThat(r.messages().get(0).queueOffset()).isEqualTo(5);
      assertThat(r.nextBeginOffset()).isEqualTo(10);
    }
    MessageFilter none = code -> false;
    try (GetMessageResult r = pull(0, 32, none)) {
      assertThat(r.status()).isEqualTo(GetMessageStatus.NO_MATCHED_MESSAGE);
      assertThat(r.nextBeginOffset()).isEqualTo(10);
    }
  }

  @Test
  void recordFilterSeesTheProperties() {
    putTagged(3, "A");
    putTagged(3, "C");
    MessageFilter tagC =
        new MessageFilter() {
          @Override
          public boolean matchesTagsCode(long tagsCode) {
            return true;
          }

          @Override
          public boolean matchesRecord(ByteBuffer record, Supplier<Map<String, String>> props) {
            return "C".equals(props.get().get(MessageConst.PROPERTY_TAGS));
          }
        };
    try (GetMessageResult r = pull(0, 32, tagC)) {
      assertThat(r.messageCount()).isEqualTo(3);
      assertThat(r.messages().get(0).queueOffset()).isEqualTo(3);
    }
  }

  @Test
  void offsetsBelowTheRetainedMinimumAreTooSmall() {
    for (int i = 0; i < 400; i++) {
      store.append(message("P", 0, "x".repeat(900))).join();
    }
    // A day later: the same (deleteWhen) hour, and older than fileReservedTime.
    clock.advanceHours(24);
    store.runRetention();
    long min = store.getMinOffset("P", 0);
    assertThat(min).isPositive();
    try (GetMessageResult r = pull(0, 10, MessageFilter.ALL)) {
      assertThat(r.status()).isEqualTo(GetMessageStatus.OFFSET_TOO_SMALL);
      assertThat(r.nextBeginOffset()).isEqualTo(min);
    }
    try (GetMessageResult r = pull(min, 10, MessageFilter.ALL)) {
      assertThat(r.status()).isEqualTo(GetMessageStatus.FOUND);
    }
  }
}
