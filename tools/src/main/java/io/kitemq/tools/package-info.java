/**
 * Operator tools built on the client library: {@code kite admin} (cluster, topic, group and message
 * commands named after {@code mqadmin}) and {@code kite bench} (load generation with latency
 * percentiles). They speak only the RocketMQ remoting protocol, so they work against KiteMQ and
 * Apache RocketMQ clusters alike.
 */
package io.kitemq.tools;
