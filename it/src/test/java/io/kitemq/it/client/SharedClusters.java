package io.kitemq.it.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts both clusters once per test run and stops them when the whole run ends (JUnit closes the
 * root store's resources even when tests fail). Register on each class using {@link #all()}.
 */
public final class SharedClusters implements BeforeAllCallback {

  private static List<TestCluster> clusters;
  private static Path dir;

  /** The clusters, started on first use: our broker first, then the official one. */
  public static synchronized List<TestCluster> all() {
    if (clusters == null) {
      try {
        dir = Files.createTempDirectory("kite-client-it");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      KiteTestCluster kite = new KiteTestCluster(dir.resolve("kite"));
      try {
        clusters = List.of(kite, new OfficialTestCluster(dir.resolve("official")));
      } catch (RuntimeException e) {
        kite.stop();
        throw e;
      }
    }
    return clusters;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(SharedClusters.class, k -> (AutoCloseable) SharedClusters::stop);
  }

  private static synchronized void stop() {
    if (clusters == null) {
      return;
    }
    try {
      clusters.forEach(TestCluster::stop);
    } finally {
      clusters = null;
      deleteQuietly(dir);
    }
  }

  private static void deleteQuietly(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not delete " + root + ": " + e);
    }
  }
}
