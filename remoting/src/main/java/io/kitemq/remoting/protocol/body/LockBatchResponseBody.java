package io.kitemq.remoting.protocol.body;

import io.kitemq.common.message.MessageQueue;
import java.util.Set;

/**
 * The LOCK_BATCH_MQ (41) response body: the queues now locked by the asking client, {@code
 * {"lockOKMQSet":[{"brokerName":"b","queueId":0,"topic":"T"}]}}. Immutable.
 *
 * @param lockOKMQSet the queues locked by the client
 */
public record LockBatchResponseBody(Set<MessageQueue> lockOKMQSet) {

  public LockBatchResponseBody {
    lockOKMQSet = lockOKMQSet == null ? Set.of() : Set.copyOf(lockOKMQSet);
  }
}
