package io.kitemq.remoting.protocol.body;

/**
 * One producer group of a client in a heartbeat: {@code {"groupName":"PG"}}. Immutable.
 *
 * @param groupName the producer group
 */
public record ProducerData(String groupName) {}
