package io.kitemq.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class MessageStoreConfigTest {

  @Test
  void defaultsFollowRocketMq() {
    MessageStoreConfig c = MessageStoreConfig.builder().build();
    assertThat(c.mappedFileSizeCommitLog()).isEqualTo(1073741824);
    assertThat(c.mappedFileSizeConsumeQueue()).isEqualTo(6_000_000);
    assertThat(c.flushDiskType()).isEqualTo(FlushDiskType.ASYNC_FLUSH);
    assertThat(c.flushIntervalCommitLog()).isEqualTo(500);
    assertThat(c.syncFlushTimeout()).isEqualTo(5000);
    assertThat(c.fileReservedTime()).isEqualTo(72);
    assertThat(c.isDeleteHour(4)).isTrue();
    assertThat(c.isDeleteHour(5)).isFalse();
    assertThat(c.diskMaxUsedSpaceRatio()).isEqualTo(75);
    assertThat(c.diskSpaceWarningLevelRatio()).isEqualTo(0.90);
    assertThat(c.diskSpaceCleanForciblyRatio()).isEqualTo(0.85);
    assertThat(c.maxMessageSize()).isEqualTo(4 * 1024 * 1024);
    assertThat(c.maxHashSlotNum()).isEqualTo(5_000_000);
    assertThat(c.maxIndexNum()).isEqualTo(20_000_000);
    assertThat(c.maxTransferCountOnMessageInMemory()).isEqualTo(32);
    assertThat(c.maxTransferBytesOnMessageInMemory()).isEqualTo(256 * 1024);
  }

  @Test
  void readsStoreKeysOutOfAWholeBrokerConfAndIgnoresTheRest() {
    Properties p = new Properties();
    p.setProperty("brokerName", "broker-a");
    p.setProperty("listenPort", "10911");
    p.setProperty("storePathRootDir", "/tmp/kite-store ");
    p.setProperty("mappedFileSizeCommitLog", "1048576");
    p.setProperty("maxMessageSize", "65536");
    p.setProperty("flushDiskType", "sync_flush");
    p.setProperty("deleteWhen", "04;10");
    p.setProperty("diskSpaceWarningLevelRatio", "0.95");
    p.setProperty("messageIndexEnable", "false");
    MessageStoreConfig c = MessageStoreConfig.fromProperties(p);
    assertThat(c.storePathRootDir()).isEqualTo(Path.of("/tmp/kite-store"));
    assertThat(c.storePathCommitLog()).isEqualTo(Path.of("/tmp/kite-store/commitlog"));
    assertThat(c.mappedFileSizeCommitLog()).isEqualTo(1048576);
    assertThat(c.flushDiskType()).isEqualTo(FlushDiskType.SYNC_FLUSH);
    assertThat(c.isDeleteHour(10)).isTrue();
    assertThat(c.isDeleteHour(4)).isTrue();
    assertThat(c.isDeleteHour(11)).isFalse();
    assertThat(c.diskSpaceWarningLevelRatio()).isEqualTo(0.95);
    assertThat(c.messageIndexEnable()).isFalse();
  }

  @Test
  void badValuesAreRejectedWithTheirKeyNamed() {
    assertRejected("mappedFileSizeCommitLog", "big");
    assertRejected("flushDiskType", "SOMETIMES");
    assertRejected("deleteWhen", "25");
    assertRejected("deleteWhen", "four");
    assertRejected("diskMaxUsedSpaceRatio", "99");
    assertRejected("diskSpaceWarningLevelRatio", "1.5");
    assertRejected("messageIndexEnable", "yes");
    assertRejected("mappedFileSizeConsumeQueue", "1000001");
    assertRejected("syncFlushTimeout", "0");
  }

  @Test
  void messagesThatCannotFitASegmentAreRejected() {
    assertThatThrownBy(
            () ->
                MessageStoreConfig.builder()
                    .mappedFileSizeCommitLog(65536)
                    .maxMessageSize(65536)
                    .build())
        .isInstanceOfSatisfying(
            StoreConfigException.class, e -> assertThat(e.key()).isEqualTo("maxMessageSize"));
  }

  private static void assertRejected(String key, String value) {
    Properties p = new Properties();
    p.setProperty(key, value);
    assertThatThrownBy(() -> MessageStoreConfig.fromProperties(p))
        .isInstanceOfSatisfying(StoreConfigException.class, e -> assertThat(e.key()).isEqualTo(key))
        .hasMessageContaining(key);
  }
}
