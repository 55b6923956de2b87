package io.kitemq.client.producer;

/** How a broker stored a sent message. */
public enum SendStatus {
  SEND_OK,
  FLUSH_DISK_TIMEOUT,
  FLUSH_SLAVE_TIMEOUT,
  SLAVE_NOT_AVAILABLE
}
