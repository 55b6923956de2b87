package io.kitemq.remoting.protocol.body;

import java.util.List;

/**
 * The GET_PRODUCER_CONNECTION_LIST (204) response body: the live connections of one producer group
 * on one broker, in the shape of the official {@code ProducerConnection} (a set of the same {@link
 * ConsumerConnection.Connection} entries). Immutable.
 *
 * @param connectionSet one entry per producer connection
 */
public record ProducerConnection(List<ConsumerConnection.Connection> connectionSet) {

  public ProducerConnection {
    connectionSet = connectionSet == null ? List.of() : List.copyOf(connectionSet);
  }
}
