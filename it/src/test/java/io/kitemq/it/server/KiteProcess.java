package io.kitemq.it.server;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code kite} command in a child JVM ({@code java -cp <this test class path>
 * io.kitemq.server.Main ...}), with its stdout and stderr in files of its work directory and its
 * logs under {@code <work>/logs}. The environment holds no {@code KITE_*} variable but those given.
 * {@link #close()} kills it if still alive.
 */
final class KiteProcess implements AutoCloseable {

  private static final Pattern READY = Pattern.compile(".* ready in [0-9.]+ s .*");

  private final Process process;
  private final Path work;

  private KiteProcess(Process process, Path work) {
    this.process = process;
    this.work = work;
  }

  static KiteProcess start(Path work, Map<String, String> env, String... args) {
    return start(work, List.of(), env, args);
  }

  /** As {@link #start(Path, Map, String...)}, with more JVM options before the main class. */
  static KiteProcess start(
      Path work, List<String> jvmOptions, Map<String, String> env, String... args) {
    String classPath = System.getProperty("surefire.test.class.path");
    if (classPath == null || classPath.isBlank()) {
      classPath = System.getProperty("java.class.path");
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(
        List.of(
            "-Xmx128m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Dlogback.configurationFile=logback.xml",
            "-Dkite.log.dir=" + work.resolve("logs"),
            "-cp",
            classPath));
    cmd.addAll(jvmOptions);
    cmd.add("io.kitemq.server.Main");
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("KITE_"));
    // Free HTTP ports unless a test sets them: a developer's node may hold the defaults.
    pb.environment().put("KITE_NAMESRV_HTTP_PORT", "0");
    pb.environment().put("KITE_BROKER_HTTP_PORT", "0");
    pb.environment().putAll(env);
    pb.redirectOutput(work.resolve("stdout.txt").toFile());
    pb.redirectError(work.resolve("stderr.txt").toFile());
    try {
      return new KiteProcess(pb.start(), work);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the ready line and returns it. */
  String awaitReady(Duration timeout) {
    await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> readyLine().isPresent() || !process.isAlive());
    return readyLine()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no ready line; exit " + exitValueOrNull() + "\n" + stdout() + stderr()));
  }

  /** The port after {@code "<name> <host>:"} in the ready line. */
  static int port(String readyLine, String name) {
    Matcher m = Pattern.compile(name + " [^ ,]*:(\\d+)").matcher(readyLine);
    if (!m.find()) {
      throw new AssertionError("no " + name + " address in: " + readyLine);
    }
    return Integer.parseInt(m.group(1));
  }

  private Optional<String> readyLine() {
    return stdout().lines().filter(l -> READY.matcher(l).matches()).findFirst();
  }

  private Integer exitValueOrNull() {
    return process.isAlive() ? null : process.exitValue();
  }

  /** Sends SIGTERM. */
  void terminate() {
    process.destroy();
  }

  /** Waits for the exit and returns the status. */
  int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("still running after " + timeout + "\n" + stdout() + stderr());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
    return process.exitValue();
  }

  long pid() {
    return process.pid();
  }

  String stdout() {
    return read(work.resolve("stdout.txt"));
  }

  String stderr() {
    return read(work.resolve("stderr.txt"));
  }

  /** The log file of {@code command} ({@code logs/<command>.log}). */
  String log(String command) {
    return read(work.resolve("logs").resolve(command + ".log"));
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
