package io.kitemq.nameserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class NameServerConfigTest {

  private static Properties props(String... keyValues) {
    Properties p = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      p.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return p;
  }

  @Test
  void defaultsFollowRocketMq() {
    NameServerConfig c = NameServerConfig.builder().build();
    assertThat(c.listenPort()).isEqualTo(9876);
    assertThat(c.brokerChannelExpiredTime()).isEqualTo(120_000);
    assertThat(c.scanNotActiveBrokerInterval()).isEqualTo(5_000);
    assertThat(c.returnOrderTopicConfigToBroker()).isTrue();
    assertThat(c.orderMessageEnable()).isFalse();
  }

  @Test
  void namesrvConfKeysAreRead() {
    NameServerConfig c =
        NameServerConfig.fromProperties(
            props(
                "listenPort", "19876",
                "kvConfigPath", "/tmp/kv.json",
                "orderMessageEnable", "true",
                "brokerChannelExpiredTime", " 3000 "));
    assertThat(c.listenPort()).isEqualTo(19876);
    assertThat(c.kvConfigPath()).isEqualTo(Path.of("/tmp/kv.json"));
    assertThat(c.orderMessageEnable()).isTrue();
    assertThat(c.brokerChannelExpiredTime()).isEqualTo(3000);
    assertThat(NameServerConfig.fromProperties(props()).toMap())
        .isEqualTo(NameServerConfig.builder().build().toMap());
  }

  @Test
  void badKeysAndValuesAreNamed() {
    assertThatThrownBy(() -> NameServerConfig.fromProperties(props("listenPortt", "1")))
        .hasMessageContaining("listenPortt");
    assertThatThrownBy(() -> NameServerConfig.fromProperties(props("listenPort", "x")))
        .hasMessageContaining("listenPort");
    assertThatThrownBy(() -> NameServerConfig.fromProperties(props("listenPort", "70000")))
        .hasMessageContaining("listenPort");
    assertThatThrownBy(() -> NameServerConfig.fromProperties(props("enableTopicList", "yes")))
        .hasMessageContaining("enableTopicList");
    assertThatThrownBy(() -> NameServerConfig.builder().scanNotActiveBrokerInterval(0).build())
        .hasMessageContaining("scanNotActiveBrokerInterval");
  }

  @Test
  void onlyRuntimeKeysChangeWhileRunning() {
    NameServerConfig c = NameServerConfig.builder().build();
    assertThat(c.withUpdates(props("enableAllTopicList", "false")).enableAllTopicList()).isFalse();
    assertThatThrownBy(() -> c.withUpdates(props("kvConfigPath", "/x")))
        .hasMessageContaining("kvConfigPath");
  }
}
