/**
 * The name server: {@link io.kitemq.nameserver.NameServer} and its settings {@link
 * io.kitemq.nameserver.NameServerConfig}. Routing tables live in {@code .route}, the KV
 * configuration in {@code .kv}, request handling in {@code .processor}.
 */
package io.kitemq.nameserver;
