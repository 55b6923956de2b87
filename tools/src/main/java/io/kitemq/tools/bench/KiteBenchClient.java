package io.kitemq.tools.bench;

import io.kitemq.client.consumer.ConsumeFromWhere;
import io.kitemq.client.consumer.ConsumeStatus;
import io.kitemq.client.consumer.PushConsumer;
import io.kitemq.client.producer.Producer;
import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageExt;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** {@link BenchClient} on KiteMQ's own client library. Thread-safe. */
final class KiteBenchClient implements BenchClient {

  private final String namesrv;
  private final String topic;
  private final Producer producer;

  KiteBenchClient(String namesrv, String topic) {
    this.namesrv = namesrv;
    this.topic = topic;
    this.producer =
        Producer.builder()
            .namesrvAddr(namesrv)
            .group("kite-bench-producer")
            .sendTimeout(Duration.ofSeconds(10))
            .build();
  }

  @Override
  public void sendSync(byte[] body) throws Exception {
    producer.send(new Message(topic, body));
  }

  @Override
  public void sendAsync(byte[] body, Consumer<Throwable> done) {
    producer.sendAsync(new Message(topic, body)).whenComplete((r, e) -> done.accept(e));
  }

  @Override
  public void sendOneway(byte[] body) throws Exception {
    producer.sendOneway(new Message(topic, body));
  }

  @Override
  public void sendBatch(List<byte[]> bodies) throws Exception {
    List<Message> batch = new ArrayList<>(bodies.size());
    for (byte[] b : bodies) {
      batch.add(new Message(topic, b));
    }
    producer.sendBatch(batch);
  }

  @Override
  public AutoCloseable consume(
      String group, boolean fromFirst, int threads, Consumer<byte[]> onBody) throws Exception {
    return PushConsumer.builder()
        .namesrvAddr(namesrv)
        .group(group)
        .subscribe(topic, "*")
        .consumeFromWhere(
            fromFirst
                ? ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET
                : ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET)
        .consumeThreads(threads)
        .listener(
            (messages, queue) -> {
              for (MessageExt m : messages) {
                onBody.accept(m.getBody());
              }
              return ConsumeStatus.CONSUME_SUCCESS;
            })
        .build();
  }

  @Override
  public void close() {
    producer.close();
  }

  /** Registered as {@code kite}. */
  public static final class Factory implements BenchClient.Factory {

    @Override
    public String name() {
      return "kite";
    }

    @Override
    public BenchClient create(String namesrv, String topic) {
      return new KiteBenchClient(namesrv, topic);
    }
  }
}
