package io.kitemq.console.metrics;

import io.kitemq.nameserver.NameServer;
import io.kitemq.remoting.protocol.body.BrokerData;
import io.kitemq.remoting.protocol.body.ClusterInfo;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;

/**
 * A name server's own gauges, computed from its route table when scraped: {@code
 * kitemq_namesrv_brokers} (live broker addresses per cluster) and {@code kitemq_namesrv_topics}.
 * Constant labels {@code node_type=namesrv} and {@code node_id} (bind address and port). Stateless.
 */
public final class NameServerMetrics {

  private NameServerMetrics() {}

  /** Registers the name server's gauges in {@code registry}. */
  public static void install(NameServer server, String nodeId, PrometheusRegistry registry) {
    Labels constLabels = Labels.of("node_type", "namesrv", "node_id", nodeId);
    GaugeWithCallback.builder()
        .name("kitemq_namesrv_brokers")
        .help("Live broker addresses registered, per cluster")
        .labelNames("cluster")
        .constLabels(constLabels)
        .callback(
            cb -> {
              ClusterInfo info = server.routes().clusterInfo();
              info.clusterAddrTable()
                  .forEach(
                      (cluster, names) -> {
                        long live = 0;
                        for (String name : names) {
                          BrokerData b = info.brokerAddrTable().get(name);
                          live += b == null ? 0 : b.brokerAddrs().size();
                        }
                        cb.call(live, cluster);
                      });
            })
        .register(registry);
    GaugeWithCallback.builder()
        .name("kitemq_namesrv_topics")
        .help("Topics known to the name server")
        .constLabels(constLabels)
        .callback(cb -> cb.call(server.routes().topics().allTopics().topicList().size()))
        .register(registry);
  }
}
