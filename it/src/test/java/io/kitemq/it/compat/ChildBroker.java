package io.kitemq.it.compat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts {@link ChildBrokerMain} in a child JVM with this JVM's class path, forwards its output to
 * this JVM's standard output (one daemon reader thread per process) and waits for its ready line.
 * Not thread-safe: one test drives it.
 */
final class ChildBroker implements AutoCloseable {

  private final Process process;
  private final int port;

  private ChildBroker(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static ChildBroker start(Map<String, String> conf, Duration readyWithin)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(ChildBrokerMain.class.getName());
    conf.forEach((k, v) -> cmd.add(k + "=" + v));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    CompletableFuture<Integer> ready = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  System.out.println("[child-broker " + p.pid() + "] " + line);
                  if (line.startsWith(ChildBrokerMain.READY)) {
                    ready.complete(
                        Integer.parseInt(line.substring(ChildBrokerMain.READY.length()).trim()));
                  }
                }
                ready.completeExceptionally(new IOException("child broker exited before ready"));
              } catch (IOException e) {
                ready.completeExceptionally(e);
              }
            },
            "child-broker-out-" + p.pid());
    reader.setDaemon(true);
    reader.start();
    try {
      return new ChildBroker(p, ready.get(readyWithin.toMillis(), TimeUnit.MILLISECONDS));
    } catch (ExecutionException | TimeoutException e) {
      p.destroyForcibly();
      throw new IOException("child broker did not start within " + readyWithin, e);
    }
  }

  int port() {
    return port;
  }

  /** SIGKILL: no shutdown hook, no final flush of offsets or files. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      throw new IllegalStateException("child broker " + process.pid() + " survived SIGKILL");
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
