/**
 * The KiteMQ client library: producers and consumers speaking the RocketMQ remoting protocol to
 * name servers and brokers. Implementation classes live in {@code io.kitemq.client.internal} and
 * are not part of the API.
 */
package io.kitemq.client;
