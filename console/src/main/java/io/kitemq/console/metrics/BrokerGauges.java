package io.kitemq.console.metrics;

import io.kitemq.broker.BrokerController;
import io.kitemq.broker.client.ClientChannelInfo;
import io.kitemq.broker.client.ConsumerGroupInfo;
import io.kitemq.common.topic.SystemTopics;
import io.kitemq.store.DefaultMessageStore;
import io.kitemq.store.DiskUsageProbe;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A broker's gauges, each computed from the broker's managers and store when scraped (nothing is
 * maintained per message): processor queue watermarks, permission, topic and group counts, producer
 * and consumer connections, consumer lag (messages and latency), in-flight and ready messages with
 * their queueing latency, storage size, flush-behind bytes and disk use. Names and labels are
 * RIP-46's where Apache RocketMQ has the metric, {@code kitemq_*} otherwise. Stateless besides the
 * registered callbacks; scrapes may run concurrently.
 */
final class BrokerGauges {

  private BrokerGauges() {}

  static void register(
      BrokerController broker,
      PulledOffsets pulled,
      Labels constLabels,
      PrometheusRegistry registry) {
    gauge("rocketmq_processor_watermark", "Requests queued per processor", constLabels, registry)
        .labelNames("processor")
        .callback(cb -> broker.processorQueueSizes().forEach((p, n) -> cb.call(n, p)))
        .register(registry);
    gauge("rocketmq_broker_permission", "Broker permission bits", constLabels, registry)
        .callback(cb -> cb.call(broker.config().brokerPermission()))
        .register(registry);
    gauge("rocketmq_topic_number", "Topics on this broker", constLabels, registry)
        .callback(cb -> cb.call(broker.topics().snapshot().topicConfigTable().size()))
        .register(registry);
    gauge("rocketmq_consumer_group_number", "Subscription groups", constLabels, registry)
        .callback(cb -> cb.call(broker.groups().snapshot().subscriptionGroupTable().size()))
        .register(registry);
    registerConnections(broker, constLabels, registry);
    new LagGauges(broker, pulled).register(constLabels, registry);
    registerStorage(broker.store(), constLabels, registry);
  }

  static GaugeWithCallback.Builder gauge(
      String name, String help, Labels constLabels, PrometheusRegistry registry) {
    return GaugeWithCallback.builder().name(name).help(help).constLabels(constLabels);
  }

  private static void registerConnections(
      BrokerController broker, Labels constLabels, PrometheusRegistry registry) {
    gauge("rocketmq_producer_connections", "Producer connections", constLabels, registry)
        .labelNames("language", "version", "protocol_type")
        .callback(
            cb -> {
              Map<List<String>, Integer> counts = new TreeMap<>(BrokerGauges::compareLists);
              for (String group : broker.producers().groupNames()) {
                for (ClientChannelInfo c : broker.producers().members(group)) {
                  counts.merge(
                      List.of(language(c), Integer.toString(c.version())), 1, Integer::sum);
                }
              }
              counts.forEach((k, n) -> cb.call(n, k.get(0), k.get(1), "remoting"));
            })
        .register(registry);
    gauge("rocketmq_consumer_connections", "Consumer connections", constLabels, registry)
        .labelNames(
            "consumer_group", "language", "version", "consume_mode", "protocol_type", "is_system")
        .callback(
            cb -> {
              for (String group : broker.consumers().groupNames()) {
                ConsumerGroupInfo info = broker.consumers().group(group);
                if (info == null) {
                  continue;
                }
                Map<List<String>, Integer> counts = new TreeMap<>(BrokerGauges::compareLists);
                for (ClientChannelInfo c : info.members()) {
                  counts.merge(
                      List.of(language(c), Integer.toString(c.version())), 1, Integer::sum);
                }
                String mode = consumeMode(info.consumeType());
                String system = Boolean.toString(SystemTopics.isSystemGroup(group));
                counts.forEach(
                    (k, n) -> cb.call(n, group, k.get(0), k.get(1), mode, "remoting", system));
              }
            })
        .register(registry);
  }

  private static String language(ClientChannelInfo c) {
    return c.language() == null ? "" : c.language().toLowerCase(Locale.ROOT);
  }

  /** RIP-46 writes the consume type as "push" / "pull". */
  private static String consumeMode(String consumeType) {
    if (consumeType == null) {
      return "";
    }
    return consumeType.toUpperCase(Locale.ROOT).contains("PASSIVELY")
        ? "push"
        : consumeType.toUpperCase(Locale.ROOT).contains("ACTIVELY") ? "pull" : consumeType;
  }

  private static int compareLists(List<String> a, List<String> b) {
    return String.join("\0", a).compareTo(String.join("\0", b));
  }

  private static void registerStorage(
      DefaultMessageStore store, Labels constLabels, PrometheusRegistry registry) {
    Path root = store.config().storePathRootDir();
    gauge("rocketmq_storage_size", "Bytes the store's files take", constLabels, registry)
        .callback(cb -> cb.call(directorySize(root)))
        .register(registry);
    gauge(
            "rocketmq_storage_flush_behind_bytes",
            "Commit-log bytes written but not yet flushed",
            constLabels,
            registry)
        .callback(cb -> cb.call(store.flushBehindBytes()))
        .register(registry);
    gauge(
            "kitemq_disk_used_ratio",
            "Used share of the file system holding the store, 0..1, as df reports it",
            constLabels,
            registry)
        .callback(cb -> cb.call(usedRatio(root)))
        .register(registry);
    gauge(
            "kitemq_disk_high_water_ratio",
            "diskMaxUsedSpaceRatio as a share, 0..1: above it the store deletes old files",
            constLabels,
            registry)
        .callback(cb -> cb.call(store.config().diskMaxUsedSpaceRatio() / 100.0))
        .register(registry);
  }

  private static long directorySize(Path root) {
    if (!Files.isDirectory(root)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).mapToLong(BrokerGauges::sizeOrZero).sum();
    } catch (IOException | UncheckedIOException e) {
      // Files vanish under retention while we walk: the next scrape counts again.
      return 0;
    }
  }

  private static long sizeOrZero(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  private static double usedRatio(Path root) {
    try {
      FileStore fs =
          Files.getFileStore(Files.isDirectory(root) ? root : root.toAbsolutePath().getRoot());
      return DiskUsageProbe.usedRatio(
          fs.getTotalSpace(), fs.getUnallocatedSpace(), fs.getUsableSpace());
    } catch (IOException e) {
      return Double.NaN;
    }
  }
}
