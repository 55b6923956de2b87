package io.kitemq.remoting.protocol.body;

import java.util.List;

/**
 * The GET_CONSUMER_LIST_BY_GROUP (38) response body: {@code {"consumerIdList":["cid1","cid2"]}}.
 * Immutable.
 *
 * @param consumerIdList client ids of the group's live consumers
 */
public record GetConsumerListByGroupResponseBody(List<String> consumerIdList) {

  public GetConsumerListByGroupResponseBody {
    consumerIdList = consumerIdList == null ? List.of() : List.copyOf(consumerIdList);
  }
}
