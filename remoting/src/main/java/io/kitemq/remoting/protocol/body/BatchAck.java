package io.kitemq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.BitSet;

/**
 * One entry of a BATCH_ACK_MESSAGE body: the popped messages of one queue and one pop, as a bit set
 * over their offsets from {@code startOffset}. Written with RocketMQ's short keys ({@code c},
 * {@code t}, {@code r}, {@code so}, {@code q}, {@code rq}, {@code pt}, {@code it}, {@code b}: the
 * bit set's {@code toByteArray()} in base64); the long names are read too. Immutable.
 *
 * @param retry 0 for the topic itself, 1 / 2 for the group's pop retry topic (V1 / V2)
 */
public record BatchAck(
    @JsonProperty("c") @JsonAlias("consumerGroup") String consumerGroup,
    @JsonProperty("t") @JsonAlias("topic") String topic,
    @JsonProperty("r") @JsonAlias("retry") String retry,
    @JsonProperty("so") @JsonAlias("startOffset") long startOffset,
    @JsonProperty("q") @JsonAlias("queueId") int queueId,
    @JsonProperty("rq") @JsonAlias("reviveQueueId") int reviveQueueId,
    @JsonProperty("pt") @JsonAlias("popTime") long popTime,
    @JsonProperty("it") @JsonAlias("invisibleTime") long invisibleTime,
    @JsonProperty("b") @JsonAlias("bitSet") byte[] bitSet) {

  public BatchAck {
    bitSet = bitSet == null ? new byte[0] : bitSet.clone();
  }

  /** The acked offsets as a bit set: bit i = {@code startOffset + i}. */
  public BitSet offsets() {
    return BitSet.valueOf(bitSet);
  }
}
