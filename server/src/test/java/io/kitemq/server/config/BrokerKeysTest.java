package io.kitemq.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kitemq.broker.BrokerConfig;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class BrokerKeysTest {

  /** Keys whose every text is valid: read, so the value comes back. */
  private static final Set<String> FREE_TEXT =
      Set.of("brokerClusterName", "brokerName", "brokerIP1");

  @Test
  void theBrokerReadsEveryListedKey() {
    for (String key : BrokerKeys.KEYS) {
      Properties p = new Properties();
      if (FREE_TEXT.contains(key)) {
        p.setProperty(key, "value-of-" + key);
        assertThat(BrokerConfig.fromProperties(p).toMap())
            .as(key)
            .containsEntry(key, "value-of-" + key);
        continue;
      }
      p.setProperty(key, "bogus value");
      Throwable e = catchThrowable(() -> BrokerConfig.fromProperties(p));
      assertThat(e).as(key).isInstanceOf(IllegalArgumentException.class);
      assertThat(e.getMessage()).as(key).contains(key);
    }
  }

  @Test
  void brokerAndStoreKeysAreApart() {
    assertThat(BrokerKeys.KEYS).doesNotContainAnyElementsOf(StoreKeys.KEYS);
  }
}
