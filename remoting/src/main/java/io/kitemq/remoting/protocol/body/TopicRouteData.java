package io.kitemq.remoting.protocol.body;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The route of a topic (GET_ROUTEINFO_BY_TOPIC answer): which broker names hold how many queues,
 * and the addresses of those brokers. JSON: {@code
 * {"brokerDatas":[..],"filterServerTable":{},"queueDatas":[..]}} plus {@code orderTopicConf} when
 * set. Static-topic mappings ({@code topicQueueMappingByBroker}) are not modelled: they are skipped
 * when read and never written. Immutable.
 *
 * @param orderTopicConf {@code brokerName:queueNums;...} of an ordered topic, or null
 * @param queueDatas one entry per broker name holding the topic
 * @param brokerDatas the addresses of those broker names
 * @param filterServerTable legacy filter servers per broker address (normally empty)
 */
public record TopicRouteData(
    String orderTopicConf,
    List<QueueData> queueDatas,
    List<BrokerData> brokerDatas,
    Map<String, List<String>> filterServerTable) {

  public TopicRouteData {
    queueDatas = queueDatas == null ? List.of() : List.copyOf(queueDatas);
    brokerDatas = brokerDatas == null ? List.of() : List.copyOf(brokerDatas);
    filterServerTable =
        filterServerTable == null
            ? Collections.emptySortedMap()
            : Collections.unmodifiableSortedMap(new TreeMap<>(filterServerTable));
  }

  /** A route without order configuration or filter servers. */
  public TopicRouteData(List<QueueData> queueDatas, List<BrokerData> brokerDatas) {
    this(null, queueDatas, brokerDatas, Map.of());
  }

  /** The same route with another order configuration (null for none). */
  public TopicRouteData withOrderTopicConf(String conf) {
    return new TopicRouteData(conf, queueDatas, brokerDatas, filterServerTable);
  }
}
