package io.kitemq.client.internal;

import io.kitemq.client.ClientOptions;

/**
 * Validated producer settings.
 *
 * @param group producer group
 * @param sendTimeoutMillis total time budget of one send, retries included
 * @param retries extra attempts of a synchronous send
 * @param compressThreshold bodies at least this long are ZLIB-compressed (single sends only)
 * @param compressLevel ZLIB level
 * @param maxMessageSize largest body accepted
 */
public record ProducerConfig(
    ClientOptions client,
    String group,
    long sendTimeoutMillis,
    int retries,
    int compressThreshold,
    int compressLevel,
    int maxMessageSize) {}
