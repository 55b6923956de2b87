package io.kitemq.remoting.protocol.body;

import java.util.List;
import java.util.Map;

/**
 * The GET_CONSUMER_CONNECTION_LIST (203) response body: the group's live connections and what they
 * declared in their heartbeats. Immutable.
 *
 * @param connectionSet one entry per client connection
 * @param subscriptionTable topic to subscription
 * @param consumeType CONSUME_PASSIVELY / CONSUME_ACTIVELY
 * @param messageModel CLUSTERING / BROADCASTING
 * @param consumeFromWhere the group's start rule
 */
public record ConsumerConnection(
    List<Connection> connectionSet,
    Map<String, SubscriptionData> subscriptionTable,
    String consumeType,
    String messageModel,
    String consumeFromWhere) {

  /**
   * @param clientId the client instance id
   * @param clientAddr the peer address, host:port
   * @param language the client's language code name
   * @param version the client's protocol version
   */
  public record Connection(String clientId, String clientAddr, String language, int version) {}

  public ConsumerConnection {
    connectionSet = connectionSet == null ? List.of() : List.copyOf(connectionSet);
    subscriptionTable = subscriptionTable == null ? Map.of() : Map.copyOf(subscriptionTable);
  }
}
