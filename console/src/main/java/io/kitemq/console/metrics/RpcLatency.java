package io.kitemq.console.metrics;

import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * {@code rocketmq_rpc_latency} (milliseconds, Apache's buckets 1, 3, 5, 7, 10, 100, 1000, 2000,
 * 3000) per request code and response code, with the label children cached so that recording a
 * request allocates nothing once its (request code, response code) pair has been seen.
 *
 * <p>Layout: request codes 0..4095 index an array of per-code entries; each entry holds parallel
 * arrays of response codes and data points, replaced copy-on-write when a new response code shows
 * up (rare: a handful per request code). Codes outside that range share one overflow entry list
 * searched linearly. Thread-safe: readers see either the old or the new immutable entry.
 */
final class RpcLatency {

  private static final int DIRECT = 4096;
  private static final double NANOS_PER_MILLI = 1_000_000.0;

  private final Histogram histogram;
  private final AtomicReferenceArray<Entry> direct = new AtomicReferenceArray<>(DIRECT);
  private volatile Entry[] overflow = new Entry[0];

  /** Request code's response codes and their data points; immutable. */
  private record Entry(int requestCode, int[] responseCodes, DistributionDataPoint[] points) {

    DistributionDataPoint find(int responseCode) {
      for (int i = 0; i < responseCodes.length; i++) {
        if (responseCodes[i] == responseCode) {
          return points[i];
        }
      }
      return null;
    }

    Entry with(int responseCode, DistributionDataPoint point) {
      int n = responseCodes.length;
      int[] codes = Arrays.copyOf(responseCodes, n + 1);
      DistributionDataPoint[] ps = Arrays.copyOf(points, n + 1);
      codes[n] = responseCode;
      ps[n] = point;
      return new Entry(requestCode, codes, ps);
    }
  }

  RpcLatency(Histogram histogram) {
    this.histogram = histogram;
  }

  void record(int requestCode, int responseCode, long nanos) {
    Entry e = entry(requestCode);
    DistributionDataPoint p = e == null ? null : e.find(responseCode);
    if (p == null) {
      p = add(requestCode, responseCode);
    }
    p.observe(nanos / NANOS_PER_MILLI);
  }

  private Entry entry(int requestCode) {
    if (requestCode >= 0 && requestCode < DIRECT) {
      return direct.get(requestCode);
    }
    for (Entry e : overflow) {
      if (e.requestCode() == requestCode) {
        return e;
      }
    }
    return null;
  }

  private synchronized DistributionDataPoint add(int requestCode, int responseCode) {
    Entry e = entry(requestCode);
    DistributionDataPoint existing = e == null ? null : e.find(responseCode);
    if (existing != null) {
      return existing;
    }
    DistributionDataPoint p =
        histogram.labelValues(
            Integer.toString(requestCode), Integer.toString(responseCode), "remoting");
    Entry next =
        e == null
            ? new Entry(requestCode, new int[] {responseCode}, new DistributionDataPoint[] {p})
            : e.with(responseCode, p);
    if (requestCode >= 0 && requestCode < DIRECT) {
      direct.set(requestCode, next);
    } else {
      Entry[] list = overflow;
      Entry[] copy = Arrays.copyOf(list, list.length + (e == null ? 1 : 0));
      if (e == null) {
        copy[list.length] = next;
      } else {
        for (int i = 0; i < copy.length; i++) {
          if (copy[i] == e) {
            copy[i] = next;
          }
        }
      }
      overflow = copy;
    }
    return p;
  }
}
