package io.kitemq.it.client;

import io.kitemq.client.ClientOptions;
import io.kitemq.client.consumer.ConsumeFromWhere;
import io.kitemq.client.consumer.PushConsumer;
import io.kitemq.client.producer.Producer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Client factories tuned for fast tests: one-second route, heartbeat and rebalance periods. */
final class Clients {

  private static final AtomicInteger IDS = new AtomicInteger();
  private static final long RUN = System.nanoTime();

  private Clients() {}

  static ClientOptions options(TestCluster cluster) {
    return ClientOptions.builder()
        .namesrvAddr(cluster.namesrvAddr())
        .clientIp("127.0.0.1")
        .instanceName("it-" + RUN + "-" + IDS.incrementAndGet())
        .pollNameServerInterval(Duration.ofSeconds(1))
        .heartbeatInterval(Duration.ofSeconds(1))
        .rebalanceInterval(Duration.ofSeconds(1))
        .persistOffsetInterval(Duration.ofMillis(200))
        .build();
  }

  static Producer producer(TestCluster cluster, String group) {
    return Producer.builder()
        .clientOptions(options(cluster))
        .group(group)
        .sendTimeout(Duration.ofSeconds(10))
        .build();
  }

  static PushConsumer.Builder consumer(TestCluster cluster, String group) {
    return PushConsumer.builder()
        .clientOptions(options(cluster))
        .group(group)
        .consumeThreads(4)
        .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
  }

  static String unique(String prefix) {
    return prefix + "_" + Long.toHexString(RUN & 0xFFFFFF) + "_" + IDS.incrementAndGet();
  }
}
