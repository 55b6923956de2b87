package io.kitemq.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class BrokerConfigTest {

  @TempDir Path dir;

  private Properties base() {
    Properties p = new Properties();
    p.setProperty("storePathRootDir", dir.toString());
    return p;
  }

  @Test
  void defaultsFollowRocketMq() {
    BrokerConfig c = BrokerConfig.fromProperties(base());
    assertThat(c.listenPort()).isEqualTo(10911);
    assertThat(c.defaultTopicQueueNums()).isEqualTo(8);
    assertThat(c.autoCreateTopicEnable()).isTrue();
    assertThat(c.autoCreateSubscriptionGroup()).isTrue();
    assertThat(c.registerNameServerPeriod()).isEqualTo(30_000);
    assertThat(c.flushConsumerOffsetInterval()).isEqualTo(5_000);
    assertThat(c.channelExpiredTimeout()).isEqualTo(120_000);
    assertThat(c.sendOnIoThread()).isTrue();
    assertThat(c.pullOnIoThread()).isTrue();
    assertThat(c.namesrvAddrs()).isEmpty();
    assertThat(c.storeConfig().storePathRootDir()).isEqualTo(dir);
  }

  @Test
  void aWholeBrokerConfIsSplitBetweenBrokerAndStore() {
    Properties p = base();
    p.setProperty("namesrvAddr", "10.0.0.1:9876; 10.0.0.2:9876");
    p.setProperty("brokerName", "broker-b");
    p.setProperty("maxMessageSize", "1048576");
    p.setProperty("someUnknownKey", "x");
    BrokerConfig c = BrokerConfig.fromProperties(p);
    assertThat(c.namesrvAddrs()).isEqualTo(List.of("10.0.0.1:9876", "10.0.0.2:9876"));
    assertThat(c.brokerName()).isEqualTo("broker-b");
    assertThat(c.storeConfig().maxMessageSize()).isEqualTo(1048576);
  }

  @Test
  void badValuesAreRefusedWithTheirKeyNamed() {
    for (String[] bad :
        new String[][] {
          {"listenPort", "70000"},
          {"defaultTopicQueueNums", "zero"},
          {"autoCreateTopicEnable", "yes"},
          {"namesrvAddr", "host-without-port"},
          {"brokerName", "  "},
          {"messageDelayLevel", "1s 5x"}
        }) {
      Properties p = base();
      p.setProperty(bad[0], bad[1]);
      assertThatThrownBy(() -> BrokerConfig.fromProperties(p))
          .isInstanceOf(BrokerConfigException.class)
          .satisfies(e -> assertThat(((BrokerConfigException) e).key()).isEqualTo(bad[0]));
    }
  }

  @Test
  void aBadStoreValueIsReportedWithTheStoreKey() {
    Properties p = base();
    p.setProperty("flushDiskType", "SOMETIMES");
    assertThatThrownBy(() -> BrokerConfig.fromProperties(p))
        .isInstanceOf(BrokerConfigException.class)
        .satisfies(e -> assertThat(((BrokerConfigException) e).key()).isEqualTo("flushDiskType"));
  }
}
