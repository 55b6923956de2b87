package io.kitemq.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** bin/kite's JVM sizing and Java check, through its dry run (it prints the java command). */
@Timeout(60)
class LauncherScriptTest {

  private static final Path SCRIPT = Path.of("..", "server", "src", "dist", "bin", "kite");

  @TempDir Path dir;

  private record Result(int status, String out, String err) {}

  private Result run(Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(List.of("bash", SCRIPT.toString(), "standalone"));
    pb.environment().keySet().removeIf(k -> k.startsWith("KITE_"));
    pb.environment().put("KITE_DRY_RUN", "1");
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().putAll(env);
    pb.redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
    Process p = pb.start();
    try {
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      return new Result(
          p.exitValue(),
          Files.readString(dir.resolve("out"), StandardCharsets.UTF_8),
          Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void halfAGigabyteContainerGetsTheSmallestHeapAndTheSerialCollector() throws Exception {
    Result r = run(Map.of("KITE_MEMORY_LIMIT", "512m"));

    assertThat(r.status()).isZero();
    assertThat(r.out())
        .contains(" -Xmx128m ", " -XX:MaxDirectMemorySize=128m ", " -XX:+UseSerialGC ")
        .contains("io.kitemq.server.Main standalone");
  }

  @Test
  void heapIsAQuarterOfTheLimitCappedAtOneGigabyte() throws Exception {
    assertThat(run(Map.of("KITE_MEMORY_LIMIT", "2g")).out())
        .contains(" -Xmx512m ", " -XX:+UseSerialGC ");
    assertThat(run(Map.of("KITE_MEMORY_LIMIT", "16g")).out())
        .contains(" -Xmx1024m ", " -XX:MaxDirectMemorySize=1024m ", " -XX:+UseG1GC ");
  }

  @Test
  void heapAndJavaOptionsCanBeOverridden() throws Exception {
    Result r =
        run(
            Map.of(
                "KITE_MEMORY_LIMIT", "512m", "KITE_HEAP", "2g", "KITE_JAVA_OPTS", "-Dx=1 -Dy=2"));

    assertThat(r.out()).contains(" -Xmx2g ", " -XX:+UseG1GC ", " -Dx=1 -Dy=2 ");
  }

  @Test
  void ramPercentageInJavaOptionsReplacesTheComputedHeap() throws Exception {
    Result r =
        run(Map.of("KITE_MEMORY_LIMIT", "512m", "KITE_JAVA_OPTS", "-XX:MaxRAMPercentage=50"));

    assertThat(r.out()).doesNotContain("-Xmx").contains(" -XX:MaxRAMPercentage=50 ");
  }

  @Test
  void badSizeIsRefusedNamingTheVariable() throws Exception {
    Result r = run(Map.of("KITE_HEAP", "1gb"));

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("KITE_HEAP=1gb is not a size");
  }

  @Test
  void javaOlderThan17IsRefusedWithAClearMessage() throws Exception {
    Path fakeHome = dir.resolve("jdk11");
    Path java = fakeHome.resolve("bin").resolve("java");
    Files.createDirectories(java.getParent());
    Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"11.0.2\" 2019-01-15' >&2\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

    Result r = run(Map.of("JAVA_HOME", fakeHome.toString()));

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("Java 11.0.2").contains("needs Java 17 or newer");
  }

  @Test
  void scriptIsExecutable() throws IOException {
    assertThat(Files.isExecutable(SCRIPT)).isTrue();
  }
}
