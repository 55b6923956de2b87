package io.kitemq.client.consumer;

/** How a group shares a topic's messages. */
public enum MessageModel {
  /** Each message goes to one member of the group; offsets live on the broker. */
  CLUSTERING,
  /** Every member gets every message; offsets live in a local file. */
  BROADCASTING
}
