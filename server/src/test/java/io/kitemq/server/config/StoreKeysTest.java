package io.kitemq.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kitemq.store.MessageStoreConfig;
import io.kitemq.store.StoreConfigException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class StoreKeysTest {

  @Test
  void theStoreReadsEveryListedKey() {
    for (String key : StoreKeys.KEYS) {
      Properties p = new Properties();
      // Not a number, a path, a flush type, an hour list or a boolean: every reader rejects it.
      p.setProperty(key, key.startsWith("storePath") ? "" : "bogus-value");
      StoreConfigException e =
          catchThrowableOfType(
              StoreConfigException.class, () -> MessageStoreConfig.fromProperties(p));
      assertThat(e).as(key).isNotNull();
      assertThat(e.key()).isEqualTo(key);
    }
  }

  @Test
  void everyStoreKeyIsAnApacheBrokerConfKey() {
    assertThat(KeyCatalog.apacheKeys(Section.STORE)).containsAll(StoreKeys.KEYS);
  }
}
