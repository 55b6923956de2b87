/**
 * Command bodies: immutable records for the JSON bodies RocketMQ exchanges (topic routes, cluster
 * info, topic lists, KV tables, broker registrations) and {@link
 * io.kitemq.remoting.protocol.body.BodyCodec}, which reads fastjson's non-standard output (unquoted
 * numeric keys, object keys) and writes what fastjson readers accept.
 */
package io.kitemq.remoting.protocol.body;
