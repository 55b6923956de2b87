/** The namespaced key-value configuration of the name server, persisted atomically as JSON. */
package io.kitemq.nameserver.kv;
