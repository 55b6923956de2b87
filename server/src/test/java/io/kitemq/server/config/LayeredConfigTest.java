package io.kitemq.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class LayeredConfigTest {

  private static final Set<Section> BROKER_FILE = Set.of(Section.BROKER, Section.STORE);
  private static final Set<Section> ALL = Set.of(Section.NAMESRV, Section.BROKER, Section.STORE);

  @TempDir Path dir;

  private static KeyCatalog catalog() {
    Map<Section, Set<String>> keys = new EnumMap<>(Section.class);
    keys.put(Section.NAMESRV, Set.of("listenPort", "kvConfigPath", "bindAddress"));
    keys.put(Section.BROKER, Set.of("listenPort", "brokerName", "namesrvAddr"));
    keys.put(Section.STORE, Set.of("storePathRootDir", "deleteWhen", "flushDiskType"));
    return new KeyCatalog(keys);
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void eachLayerOverridesTheWeakerOnes() throws IOException {
    Path yaml =
        write(
            "config.yaml",
            "namesrv:\n  listenPort: 9000\n  kvConfigPath: /file/kv.json\n"
                + "  bindAddress: 10.0.0.1\n");
    LayeredConfig c =
        LayeredConfig.builder(catalog(), Set.of(Section.NAMESRV))
            .defaults(
                Section.NAMESRV,
                Map.of("listenPort", "1", "kvConfigPath", "/default/kv.json", "bindAddress", "a"))
            .file(yaml, Set.of(Section.NAMESRV))
            .env(Map.of("KITE_NAMESRV_LISTEN_PORT", "9100", "KITE_NAMESRV_BIND_ADDRESS", "b"))
            .flag(Section.NAMESRV, "listenPort", "9200", "--port")
            .build();

    assertThat(c.properties(Section.NAMESRV))
        .containsEntry("listenPort", "9200")
        .containsEntry("bindAddress", "b")
        .containsEntry("kvConfigPath", "/file/kv.json");
    assertThat(c.setting(Section.NAMESRV, "listenPort").origin()).isEqualTo("--port");
    assertThat(c.setting(Section.NAMESRV, "bindAddress").origin())
        .isEqualTo("KITE_NAMESRV_BIND_ADDRESS");
    assertThat(c.setting(Section.NAMESRV, "kvConfigPath").origin()).isEqualTo(yaml.toString());
  }

  @Test
  void layersAddedOutOfOrderStillMergeByStrength() throws IOException {
    Path props = write("namesrv.conf", "listenPort=9000\n");
    LayeredConfig c =
        LayeredConfig.builder(catalog(), Set.of(Section.NAMESRV))
            .flag(Section.NAMESRV, "listenPort", "9300", "--port")
            .env(Map.of("KITE_NAMESRV_LISTEN_PORT", "9100"))
            .file(props, Set.of(Section.NAMESRV))
            .defaults(Section.NAMESRV, Map.of("listenPort", "1"))
            .build();

    assertThat(c.properties(Section.NAMESRV)).containsEntry("listenPort", "9300");
  }

  @Test
  void yamlValuesAreReadAsWrittenText() throws IOException {
    Path yaml =
        write(
            "config.yaml",
            "store:\n  deleteWhen: 04\n  storePathRootDir: 010\nbroker:\n  brokerName: true\n");
    LayeredConfig c = LayeredConfig.builder(catalog(), ALL).file(yaml, BROKER_FILE).build();

    assertThat(c.properties(Section.STORE))
        .containsEntry("deleteWhen", "04")
        .containsEntry("storePathRootDir", "010");
    assertThat(c.properties(Section.BROKER)).containsEntry("brokerName", "true");
  }

  @Test
  void brokerConfSplitsBrokerAndStoreKeysAndWarnsOnceAboutApacheOnlyKeys() throws IOException {
    Path conf =
        write(
            "broker.conf",
            "brokerName = broker-a\nstorePathRootDir=/data/store\n"
                + "brokerRole=ASYNC_MASTER\nhaListenPort=10912\nbrokerClusterName=DefaultCluster\n");
    LayeredConfig c = LayeredConfig.builder(catalog(), BROKER_FILE).file(conf, BROKER_FILE).build();

    assertThat(c.properties(Section.BROKER)).containsOnlyKeys("brokerName");
    assertThat(c.properties(Section.STORE)).containsOnlyKeys("storePathRootDir");
    assertThat(c.warnings())
        .singleElement()
        .asString()
        .contains(conf.toString())
        .contains("brokerClusterName, brokerRole, haListenPort");
  }

  @Test
  void unknownKeyInPropertiesFileFailsNamingKeyAndSuggestion() throws IOException {
    Path conf = write("broker.conf", "brokerName=a\nbrokerNmae=b\n");

    assertThatThrownBy(
            () -> LayeredConfig.builder(catalog(), BROKER_FILE).file(conf, BROKER_FILE).build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown broker key 'brokerNmae'")
        .hasMessageContaining("did you mean 'brokerName'")
        .hasMessageContaining(conf.toString())
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("brokerNmae"));
  }

  @Test
  void unknownYamlKeyAndUnknownSectionFail() throws IOException {
    Path badKey = write("a.yaml", "namesrv:\n  listenPrt: 1\n");
    Path badSection = write("b.yaml", "namesrvr:\n  listenPort: 1\n");

    assertThatThrownBy(
            () -> LayeredConfig.builder(catalog(), ALL).file(badKey, BROKER_FILE).build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'listenPrt'")
        .hasMessageContaining("'listenPort'");
    assertThatThrownBy(
            () -> LayeredConfig.builder(catalog(), ALL).file(badSection, BROKER_FILE).build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown section 'namesrvr'");
  }

  @Test
  void storeKeyUnderBrokerSectionNamesTheRightSection() throws IOException {
    Path yaml = write("c.yaml", "broker:\n  storePathRootDir: /x\n");

    assertThatThrownBy(() -> LayeredConfig.builder(catalog(), ALL).file(yaml, BROKER_FILE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("storePathRootDir is a store key; put it under store:");
  }

  @Test
  void environmentVariableThatMatchesNoKeyFailsNamingIt() {
    assertThatThrownBy(
            () ->
                LayeredConfig.builder(catalog(), BROKER_FILE)
                    .env(Map.of("KITE_BROKER_LISTEN_PROT", "1")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("KITE_BROKER_LISTEN_PROT");
    assertThatThrownBy(
            () ->
                LayeredConfig.builder(catalog(), BROKER_FILE)
                    .env(Map.of("KITE_BROKER_STORE_PATH_ROOT_DIR", "/x")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("use KITE_STORE_STORE_PATH_ROOT_DIR");
  }

  @Test
  void environmentOfSectionsNotRunAndOtherVariablesIsIgnored() {
    LayeredConfig c =
        LayeredConfig.builder(catalog(), Set.of(Section.NAMESRV))
            .env(
                Map.of(
                    "KITE_BROKER_NO_SUCH_KEY", "1",
                    "KITE_HEAP", "1g",
                    "PATH", "/bin"))
            .build();

    assertThat(c.properties(Section.NAMESRV)).isEmpty();
  }

  @Test
  void apacheOnlyKeyInEnvironmentIsWarnedAbout() {
    LayeredConfig c =
        LayeredConfig.builder(catalog(), BROKER_FILE)
            .env(Map.of("KITE_BROKER_BROKER_ROLE", "SYNC_MASTER"))
            .build();

    assertThat(c.properties(Section.BROKER)).isEmpty();
    assertThat(c.warnings()).singleElement().asString().contains("environment", "brokerRole");
  }

  @Test
  void valueErrorNamesKeyAndTheLayerThatSetIt() {
    LayeredConfig c =
        LayeredConfig.builder(catalog(), Set.of(Section.NAMESRV))
            .env(Map.of("KITE_NAMESRV_LISTEN_PORT", "70000"))
            .build();

    ConfigException e =
        c.valueError(
            Section.NAMESRV,
            null,
            new IllegalArgumentException("listenPort must be in [0, 65535], got 70000"));

    assertThat(e.key()).isEqualTo("listenPort");
    assertThat(e.getMessage())
        .isEqualTo(
            "bad value for listenPort (set by KITE_NAMESRV_LISTEN_PORT): "
                + "listenPort must be in [0, 65535], got 70000");
  }

  @Test
  void malformedOrMissingFileFailsNamingTheFile() throws IOException {
    Path bad = write("bad.yaml", "namesrv:\n  listenPort: 1\n  listenPort: 2\n");
    Path missing = dir.resolve("missing.conf");

    assertThatThrownBy(() -> LayeredConfig.builder(catalog(), ALL).file(bad, BROKER_FILE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(bad.toString())
        .hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> LayeredConfig.builder(catalog(), ALL).file(missing, BROKER_FILE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(missing + " does not exist");
  }

  @Test
  void envNameSplitsCamelCase() {
    assertThat(Section.BROKER.envName("listenPort")).isEqualTo("KITE_BROKER_LISTEN_PORT");
    assertThat(Section.STORE.envName("storePathRootDir"))
        .isEqualTo("KITE_STORE_STORE_PATH_ROOT_DIR");
  }
}
