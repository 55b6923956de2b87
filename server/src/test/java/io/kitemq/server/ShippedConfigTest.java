package io.kitemq.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitemq.nameserver.NameServerConfig;
import io.kitemq.server.config.LayeredConfig;
import io.kitemq.server.config.Section;
import io.kitemq.store.MessageStoreConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The example files under config/ load as they are shipped and hold the embedded defaults. */
@Timeout(30)
class ShippedConfigTest {

  private static final Path CONFIG = Path.of("..", "config");

  @Test
  void configYamlNamesrvSectionIsTheDefaults() {
    LayeredConfig c =
        Configs.layers(
                Set.of(Section.NAMESRV),
                CONFIG.resolve("config.yaml"),
                Set.of(Section.NAMESRV),
                Map.of())
            .build();

    assertThat(c.warnings()).isEmpty();
    NameServerConfig fromFile = Configs.nameServer(c);
    NameServerConfig defaults =
        Configs.nameServer(
            Configs.layers(Set.of(Section.NAMESRV), null, Set.of(), Map.of()).build());
    assertThat(fromFile.toMap()).isEqualTo(defaults.toMap());
    assertThat(c.setting(Section.NAMESRV, "listenPort").origin()).endsWith("config.yaml");
  }

  @Test
  void configYamlStoreSectionIsTheDefaults() {
    LayeredConfig c =
        Configs.layers(
                Set.of(Section.STORE),
                CONFIG.resolve("config.yaml"),
                Set.of(Section.STORE),
                Map.of())
            .build();

    MessageStoreConfig store = MessageStoreConfig.fromProperties(c.properties(Section.STORE));
    MessageStoreConfig defaults = MessageStoreConfig.builder().build();
    assertThat(store.storePathRootDir()).isEqualTo(Path.of(Configs.DEFAULT_STORE));
    assertThat(store.flushDiskType()).isEqualTo(defaults.flushDiskType());
    assertThat(store.mappedFileSizeCommitLog()).isEqualTo(defaults.mappedFileSizeCommitLog());
    assertThat(store.deleteWhen()).isEqualTo("04");
  }

  @Test
  void configYamlBrokerSectionIsTheDefaults() {
    Set<Section> broker = Set.of(Section.BROKER, Section.STORE);
    LayeredConfig fromFile =
        Configs.layers(broker, CONFIG.resolve("config.yaml"), broker, Map.of()).build();
    LayeredConfig defaults = Configs.layers(broker, null, broker, Map.of()).build();

    assertThat(fromFile.warnings()).isEmpty();
    assertThat(Configs.broker(fromFile, Map.of()).toMap())
        .isEqualTo(Configs.broker(defaults, Map.of()).toMap());
  }

  @Test
  void brokerConfLoadsWithoutWarningsAsTheDefaults() {
    Set<Section> broker = Set.of(Section.BROKER, Section.STORE);
    LayeredConfig fromFile =
        Configs.layers(broker, CONFIG.resolve("broker.conf"), broker, Map.of()).build();
    LayeredConfig defaults = Configs.layers(broker, null, broker, Map.of()).build();

    assertThat(fromFile.warnings()).isEmpty();
    assertThat(Configs.broker(fromFile, Map.of()).toMap())
        .isEqualTo(Configs.broker(defaults, Map.of()).toMap());
    assertThat(fromFile.setting(Section.BROKER, "brokerName").origin()).endsWith("broker.conf");
  }

  @Test
  void namesrvConfLoadsWithoutWarnings() {
    LayeredConfig c =
        Configs.layers(
                Set.of(Section.NAMESRV),
                CONFIG.resolve("namesrv.conf"),
                Set.of(Section.NAMESRV),
                Map.of())
            .build();

    assertThat(c.warnings()).isEmpty();
    assertThat(Configs.nameServer(c).listenPort()).isEqualTo(9876);
  }
}
