package io.kitemq.it.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitemq.examples.basic.SimpleDemo;
import io.kitemq.it.client.KiteTestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simple demo's {@code main} in its own JVM against our node (name server and broker in this
 * JVM): it exits 0 having received every message it sent.
 */
@Timeout(180)
class SimpleDemoTest {

  @TempDir Path work;

  @Test
  void simpleDemoReceivesEverythingItSentAndExitsZero() throws Exception {
    KiteTestCluster kite = new KiteTestCluster(work.resolve("node"));
    Process demo = null;
    try {
      String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
      Path out = work.resolve("stdout.txt");
      demo =
          new ProcessBuilder(
                  java,
                  "-Xmx128m",
                  "-cp",
                  System.getProperty("java.class.path"),
                  SimpleDemo.class.getName(),
                  kite.namesrvAddr(),
                  "25")
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      assertThat(demo.waitFor(150, TimeUnit.SECONDS)).as("demo finished").isTrue();
      String output = Files.readString(out);
      assertThat(demo.exitValue()).as(output).isZero();
      List<String> lines = output.lines().toList();
      assertThat(lines.stream().filter(l -> l.startsWith("sent     demo "))).hasSize(25);
      assertThat(lines.stream().filter(l -> l.startsWith("received demo "))).hasSize(25);
      assertThat(lines).contains("sent 25, received 25");
    } finally {
      if (demo != null) {
        demo.destroyForcibly();
      }
      kite.stop();
    }
  }
}
