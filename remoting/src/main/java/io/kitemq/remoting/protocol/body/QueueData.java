package io.kitemq.remoting.protocol.body;

/**
 * The queues one broker name holds for a topic, as served in a topic route.
 *
 * @param brokerName the broker name (a master and its slaves)
 * @param readQueueNums queues consumers read, ids {@code 0..readQueueNums-1}
 * @param writeQueueNums queues producers write, ids {@code 0..writeQueueNums-1}
 * @param perm {@link io.kitemq.common.topic.TopicPermission} bits
 * @param topicSysFlag unit flags of the topic
 */
public record QueueData(
    String brokerName, int readQueueNums, int writeQueueNums, int perm, int topicSysFlag) {

  /** The same queue data with other permission bits. */
  public QueueData withPerm(int newPerm) {
    return new QueueData(brokerName, readQueueNums, writeQueueNums, newPerm, topicSysFlag);
  }
}
