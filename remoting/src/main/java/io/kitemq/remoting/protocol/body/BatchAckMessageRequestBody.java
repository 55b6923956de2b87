package io.kitemq.remoting.protocol.body;

import java.util.List;

/**
 * The BATCH_ACK_MESSAGE (200151) request body: {@code {"acks":[{...}],"brokerName":"b"}}, each
 * entry a {@link BatchAck}. A null list reads as empty. Immutable.
 */
public record BatchAckMessageRequestBody(String brokerName, List<BatchAck> acks) {

  public BatchAckMessageRequestBody {
    acks = acks == null ? List.of() : List.copyOf(acks);
  }
}
