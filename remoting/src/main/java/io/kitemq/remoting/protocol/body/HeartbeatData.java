package io.kitemq.remoting.protocol.body;

import java.util.List;

/**
 * The HEART_BEAT (34) request body: a client instance's id, its producer groups and its consumer
 * groups with their subscriptions (see bodies.md). Null lists read as empty. Immutable.
 *
 * @param clientID the client instance id
 * @param producerDataSet producer groups of the instance
 * @param consumerDataSet consumer groups of the instance
 * @param heartbeatFingerprint heartbeat V2 fingerprint (0 without V2)
 * @param withoutSub heartbeat V2: subscriptions omitted because unchanged
 */
public record HeartbeatData(
    String clientID,
    List<ProducerData> producerDataSet,
    List<ConsumerData> consumerDataSet,
    int heartbeatFingerprint,
    boolean withoutSub) {

  public HeartbeatData {
    producerDataSet = producerDataSet == null ? List.of() : List.copyOf(producerDataSet);
    consumerDataSet = consumerDataSet == null ? List.of() : List.copyOf(consumerDataSet);
  }
}
