package io.kitemq.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line, in process: usage, help, version and configuration errors. */
@Timeout(30)
class MainTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Map<String, String> env, String... args) {
    CommandLine cl = Main.commandLine(env, args.length == 0 ? null : args[0]);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void helpOfEveryCommandExitsZero() {
    assertThat(run(Map.of(), "--help")).isZero();
    assertThat(out.toString()).contains("nameserver");
    for (String command : Main.commandLine(Map.of()).getSubcommands().keySet()) {
      assertThat(run(Map.of(), command, "--help")).as(command).isZero();
    }
    assertThat(out.toString()).contains("-port, --port");
  }

  @Test
  void aNodeCommandLineBuildsThatCommandAloneAndAnyOtherBuildsThemAll() {
    assertThat(Main.commandLine(Map.of(), "standalone").getSubcommands())
        .containsOnlyKeys("standalone");
    assertThat(Main.commandLine(Map.of(), "broker").getSubcommands()).containsOnlyKeys("broker");
    assertThat(Main.commandLine(Map.of(), "admin").getSubcommands())
        .containsKeys("standalone", "nameserver", "broker", "admin", "bench");
    assertThat(run(Map.of(), "standalon")).isEqualTo(2);
    assertThat(err.toString()).contains("kite: ").contains("standalon");
  }

  @Test
  void versionNamesKiteAndJava() {
    assertThat(run(Map.of(), "--version")).isZero();
    assertThat(out.toString()).contains("KiteMQ " + Version.VERSION).contains("Java 17");
    assertThat(Version.VERSION).doesNotContain("${").isNotEqualTo("unknown");
  }

  @Test
  void noCommandOrAnUnknownOptionIsAUsageError() {
    assertThat(run(Map.of())).isEqualTo(2);
    assertThat(err.toString()).contains("Usage: kite");
    assertThat(run(Map.of(), "nameserver", "--prot", "1")).isEqualTo(2);
    assertThat(err.toString())
        .contains("kite nameserver: Unknown options: '--prot'")
        .contains("(see 'kite nameserver --help')");
    assertThat(run(Map.of(), "nameserver", "-port", "abc")).isEqualTo(2);
    assertThat(err.toString()).contains("'abc' is not an int");
  }

  @Test
  void badValueIsOneLineNamingKeyAndOrigin() {
    int status = run(Map.of(), "nameserver", "--port", "70000");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString().strip())
        .doesNotContain("\n")
        .contains("bad value for listenPort (set by --port)")
        .contains("[0, 65535]");
  }

  @Test
  void badHttpPortIsOneLineNamingKeyAndOrigin() {
    int status = run(Map.of("KITE_BROKER_HTTP_PORT", "70000"), "broker");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString().strip())
        .doesNotContain("\n")
        .contains("bad value for httpPort (set by KITE_BROKER_HTTP_PORT)")
        .contains("[-1, 65535]");
  }

  @Test
  void unknownKeyInFileIsAConfigurationError() throws Exception {
    Path conf = dir.resolve("namesrv.conf");
    Files.writeString(conf, "listenPort=0\nlistenPrt=1\n");

    int status = run(Map.of(), "nameserver", "-c", conf.toString());

    assertThat(status).isEqualTo(2);
    assertThat(err.toString().strip())
        .doesNotContain("\n")
        .contains("unknown namesrv key 'listenPrt'")
        .contains("did you mean 'listenPort'");
  }

  @Test
  void environmentOverrideWithBadValueNamesTheVariable() {
    int status = run(Map.of("KITE_NAMESRV_SCAN_NOT_ACTIVE_BROKER_INTERVAL", "soon"), "nameserver");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "scanNotActiveBrokerInterval (set by KITE_NAMESRV_SCAN_NOT_ACTIVE_BROKER_INTERVAL)");
  }

  @Test
  void standaloneRefusesABadStoreValueBeforeStartingAnything() {
    int status =
        run(
            Map.of("KITE_STORE_FLUSH_DISK_TYPE", "SOMETIMES"),
            "standalone",
            "--nameserver-port",
            "0",
            "--broker-port",
            "0",
            "-store",
            dir.resolve("store").toString());

    assertThat(status).isEqualTo(2);
    assertThat(err.toString().strip())
        .doesNotContain("\n")
        .contains("bad value for flushDiskType (set by KITE_STORE_FLUSH_DISK_TYPE)");
    assertThat(dir.resolve("store")).doesNotExist();
  }
}
