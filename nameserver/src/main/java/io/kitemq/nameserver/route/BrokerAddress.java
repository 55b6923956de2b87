package io.kitemq.nameserver.route;

/**
 * The identity of a broker process as the name server tracks it: cluster name plus {@code
 * host:port}. Immutable.
 */
public record BrokerAddress(String clusterName, String brokerAddr) {}
