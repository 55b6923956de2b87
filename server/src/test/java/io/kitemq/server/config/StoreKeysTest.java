package io.kitemq.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kitemq.store.MessageStoreConfig;
import io.kitemq.store.StoreConfigException;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
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
  void everyStoreKeyButKiteMqsOwnIsAnApacheBrokerConfKey() {
    Set<String> shared = new HashSet<>(StoreKeys.KEYS);
    shared.removeAll(StoreKeys.KITE_ONLY);
    assertThat(KeyCatalog.apacheKeys(Section.STORE)).containsAll(shared);
    assertThat(StoreKeys.KEYS).containsAll(StoreKeys.KITE_ONLY);
    assertThat(KeyCatalog.apacheKeys(Section.STORE))
        .doesNotContainAnyElementsOf(StoreKeys.KITE_ONLY);
  }
}
