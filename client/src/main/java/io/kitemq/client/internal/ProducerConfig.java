package io.kitemq.client.internal;

import io.kitemq.client.ClientOptions;

/**
 * Validated producer settings: every producer kind (plain, transactional, the consumers' send-back
 * and trace senders) builds one, so the rules live here once.
 *
 * @param group producer group
 * @param sendTimeoutMillis total time budget of one send, retries included
 * @param retries extra attempts of a synchronous or asynchronous send
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
    int maxMessageSize) {

  /**
   * @throws IllegalArgumentException naming the first invalid setting
   */
  public ProducerConfig {
    if (sendTimeoutMillis <= 0) {
      throw new IllegalArgumentException("sendTimeout must be positive");
    }
    if (retries < 0) {
      throw new IllegalArgumentException("retries must be >= 0, got " + retries);
    }
    if (compressThreshold <= 0) {
      throw new IllegalArgumentException("compressThreshold must be positive");
    }
    if (compressLevel < 0 || compressLevel > 9) {
      throw new IllegalArgumentException("compressLevel must be 0..9, got " + compressLevel);
    }
    if (maxMessageSize <= 0) {
      throw new IllegalArgumentException("maxMessageSize must be positive");
    }
  }
}
