package io.kitemq.console.metrics;

import io.kitemq.nameserver.NameServer;
import io.kitemq.remoting.protocol.body.BrokerData;
import io.kitemq.remoting.protocol.body.ClusterInfo;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;

/**
 * A name server's metrics: {@code rocketmq_rpc_latency} of its request processing (the broker's
 * histogram, buckets and labels: request code, response code, protocol type), fed through the name
 * server's {@link io.kitemq.remoting.netty.RequestTimingListener} hook; and gauges computed from
 * its route table when scraped: {@code kitemq_namesrv_brokers} (live broker addresses per cluster)
 * and {@code kitemq_namesrv_topics}. Constant labels {@code node_type=namesrv} and {@code node_id}
 * (bind address and port); in a standalone node the broker's latency series differ by {@code
 * node_type=broker} and their {@code cluster} label. Stateless.
 */
public final class NameServerMetrics {

  private NameServerMetrics() {}

  /**
   * Registers {@code rocketmq_rpc_latency} in {@code registry} and makes {@code server} report each
   * request to it; call before the name server starts.
   */
  public static void timeRequests(NameServer server, String nodeId, PrometheusRegistry registry) {
    RpcLatency latency =
        new RpcLatency(
            Histogram.builder()
                .name("rocketmq_rpc_latency")
                .help("Request processing time in milliseconds by request and response code")
                .labelNames("request_code", "response_code", "protocol_type")
                .classicOnly()
                .classicUpperBounds(BrokerMetrics.RPC_LATENCY_BUCKETS)
                .constLabels(constLabels(nodeId))
                .register(registry));
    server.setRequestListener(latency::record);
  }

  private static Labels constLabels(String nodeId) {
    return Labels.of("node_type", "namesrv", "node_id", nodeId);
  }

  /** Registers the name server's gauges in {@code registry}. */
  public static void install(NameServer server, String nodeId, PrometheusRegistry registry) {
    Labels constLabels = constLabels(nodeId);
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
