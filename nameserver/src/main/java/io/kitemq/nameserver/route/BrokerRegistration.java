package io.kitemq.nameserver.route;

import io.kitemq.remoting.protocol.body.TopicConfigSerializeWrapper;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Objects;

/**
 * One REGISTER_BROKER request, decoded. Immutable.
 *
 * @param clusterName cluster of the broker
 * @param brokerAddr {@code host:port} clients use
 * @param brokerName broker name (master and slaves share it)
 * @param brokerId 0 for the master, from 1 for slaves
 * @param haServerAddr the broker's HA address
 * @param zoneName zone, or null
 * @param heartbeatTimeoutMillis the broker's own expiry time, or null for the server default
 * @param enableActingMaster the broker's acting-master flag, or null for a pre-5.0 broker
 * @param topics the broker's topic configurations
 * @param filterServerList legacy filter servers (empty normally)
 * @param channel the connection it came on (closed when the broker expires), or null
 */
public record BrokerRegistration(
    String clusterName,
    String brokerAddr,
    String brokerName,
    long brokerId,
    String haServerAddr,
    String zoneName,
    Long heartbeatTimeoutMillis,
    Boolean enableActingMaster,
    TopicConfigSerializeWrapper topics,
    List<String> filterServerList,
    Channel channel) {

  public BrokerRegistration {
    Objects.requireNonNull(clusterName, "clusterName");
    Objects.requireNonNull(brokerAddr, "brokerAddr");
    Objects.requireNonNull(brokerName, "brokerName");
    Objects.requireNonNull(topics, "topics");
    filterServerList = filterServerList == null ? List.of() : List.copyOf(filterServerList);
  }
}
