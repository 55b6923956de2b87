package io.kitemq.console;

import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics.LabelPair;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics.Metric;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics.MetricFamily;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One scrape of {@code /metrics} in the Prometheus protobuf format, parsed by the Prometheus
 * library's own generated {@code MetricFamily} parser.
 */
final class Scrape {

  static final String PROTOBUF =
      "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;"
          + " encoding=delimited";

  final Map<String, MetricFamily> families = new LinkedHashMap<>();

  static Scrape of(String baseUrl) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<byte[]> r =
        client.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/metrics"))
                .header("Accept", PROTOBUF)
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IOException("scrape answered " + r.statusCode());
    }
    Scrape s = new Scrape();
    try (InputStream in = new ByteArrayInputStream(r.body())) {
      for (MetricFamily f = MetricFamily.parseDelimitedFrom(in);
          f != null;
          f = MetricFamily.parseDelimitedFrom(in)) {
        s.families.put(f.getName(), f);
      }
    }
    return s;
  }

  /** The series of {@code family} whose labels include all of {@code labels} (name, value...). */
  Optional<Metric> series(String family, String... labels) {
    MetricFamily f = families.get(family);
    if (f == null) {
      return Optional.empty();
    }
    return f.getMetricList().stream().filter(m -> matches(m, labels)).findFirst();
  }

  private static boolean matches(Metric m, String[] labels) {
    for (int i = 0; i < labels.length; i += 2) {
      String name = labels[i];
      String value = labels[i + 1];
      boolean found = false;
      for (LabelPair p : m.getLabelList()) {
        if (p.getName().equals(name) && p.getValue().equals(value)) {
          found = true;
          break;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  /** A counter's value, or -1 when the series is absent. */
  double counter(String family, String... labels) {
    return series(family, labels).map(m -> m.getCounter().getValue()).orElse(-1.0);
  }

  /** A gauge's value, or -1 when the series is absent. */
  double gauge(String family, String... labels) {
    return series(family, labels).map(m -> m.getGauge().getValue()).orElse(-1.0);
  }

  /** A histogram's sample count, or -1 when the series is absent. */
  long histogramCount(String family, String... labels) {
    return series(family, labels).map(m -> m.getHistogram().getSampleCount()).orElse(-1L);
  }

  static Metrics.MetricType typeOf(Scrape s, String family) {
    return s.families.get(family).getType();
  }
}
