package io.kitemq.remoting.protocol.body;

import io.kitemq.common.message.MessageQueue;
import java.util.Set;

/**
 * The LOCK_BATCH_MQ (41) and UNLOCK_BATCH_MQ (42) request body: {@code {"clientId":"cid",
 * "consumerGroup":"CG","mqSet":[{"brokerName":"b","queueId":0,"topic":"T"}],
 * "onlyThisBroker":false}}. A null set reads as empty. Immutable.
 *
 * @param consumerGroup the group locking the queues
 * @param clientId the client asking
 * @param mqSet the queues
 * @param onlyThisBroker whether to skip locking on the other replicas (ignored by a single broker)
 */
public record LockBatchRequestBody(
    String consumerGroup, String clientId, Set<MessageQueue> mqSet, boolean onlyThisBroker) {

  public LockBatchRequestBody {
    mqSet = mqSet == null ? Set.of() : Set.copyOf(mqSet);
  }
}
