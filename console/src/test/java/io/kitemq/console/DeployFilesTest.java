package io.kitemq.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert rules and the Grafana dashboard under {@code deploy/} use only metric names a running
 * broker registers (histogram and summary suffixes taken off).
 */
@Timeout(60)
class DeployFilesTest {

  private static final Pattern NAME =
      Pattern.compile("\\b((?:rocketmq|kitemq|jvm|process)_[a-z0-9_]+)");

  @TempDir Path dir;
  private TestNode node;

  @BeforeEach
  void start() {
    node = new TestNode(dir, false);
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private Set<String> registered() {
    Set<String> names = new TreeSet<>();
    for (MetricSnapshot s : node.registry.scrape()) {
      String n = s.getMetadata().getPrometheusName();
      names.add(n);
      names.add(n + "_total");
    }
    return names;
  }

  private static Set<String> referenced(Path file) throws IOException {
    Set<String> names = new TreeSet<>();
    Matcher m = NAME.matcher(Files.readString(file));
    while (m.find()) {
      names.add(m.group(1).replaceAll("_(bucket|count|sum)$", ""));
    }
    return names;
  }

  @Test
  void alertRulesAndDashboardNameOnlyRegisteredMetrics() throws IOException {
    Path deploy = Path.of("..", "deploy");
    Set<String> registered = registered();
    for (Path f :
        List.of(
            deploy.resolve("prometheus/alerts.yml"),
            deploy.resolve("grafana/kitemq-dashboard.json"))) {
      Set<String> used = referenced(f);
      assertThat(used).as("metrics in %s", f).isNotEmpty();
      assertThat(registered).as("metrics registered, used by %s", f).containsAll(used);
    }
  }

  /** Prometheus' own checker reads the scrape config and the alert rules it loads. */
  @Test
  void promtoolAcceptsTheScrapeConfigAndTheAlertRules() throws Exception {
    Path promtool = Path.of("/usr/bin/promtool");
    assumeTrue(
        Files.isExecutable(promtool),
        "needs promtool: apt-get install -y --no-install-recommends prometheus");
    Path deploy = Path.of("..", "deploy", "prometheus");
    for (List<String> check :
        List.of(List.of("rules", "alerts.yml"), List.of("config", "prometheus.yml"))) {
      Process p =
          new ProcessBuilder(promtool.toString(), "check", check.get(0), check.get(1))
              .directory(deploy.toFile())
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      assertThat(out).contains("SUCCESS");
    }
  }
}
