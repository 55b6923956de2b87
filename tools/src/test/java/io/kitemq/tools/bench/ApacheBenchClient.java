package io.kitemq.tools.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.CommunicationMode;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.topic.TopicValidator;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.header.SendMessageRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.namesrv.GetRouteInfoRequestHeader;

/**
 * {@link BenchClient} on the official Apache RocketMQ 5.5.0 client, so brokers can be compared with
 * the client held constant. Lives in test sources because the official client is a test-scope
 * dependency only; registered as {@code apache}. Thread-safe.
 */
final class ApacheBenchClient implements BenchClient {

  private final String namesrv;
  private final String topic;
  private final String instance;
  private final DefaultMQProducer producer;

  ApacheBenchClient(String namesrv, String topic) throws MQClientException {
    this.namesrv = namesrv;
    this.topic = topic;
    this.instance = "kite-bench-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    producer = new DefaultMQProducer("kite-bench-producer");
    producer.setNamesrvAddr(namesrv);
    producer.setInstanceName(instance);
    producer.setSendMsgTimeout(10_000);
    producer.start();
  }

  @Override
  public void sendSync(byte[] body) throws Exception {
    producer.send(new Message(topic, body));
  }

  @Override
  public void sendAsync(byte[] body, Consumer<Throwable> done) {
    try {
      producer.send(
          new Message(topic, body),
          new SendCallback() {
            @Override
            public void onSuccess(SendResult sendResult) {
              done.accept(null);
            }

            @Override
            public void onException(Throwable e) {
              done.accept(e);
            }
          });
    } catch (Exception e) {
      done.accept(e);
    }
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
    producer.send(batch);
  }

  @Override
  public AutoCloseable consume(
      String group, boolean fromFirst, int threads, Consumer<byte[]> onBody)
      throws MQClientException {
    DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
    consumer.setNamesrvAddr(namesrv);
    consumer.setInstanceName(instance + "-" + group);
    consumer.setConsumeFromWhere(
        fromFirst
            ? ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET
            : ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET);
    consumer.setConsumeThreadMin(threads);
    consumer.setConsumeThreadMax(threads);
    consumer.subscribe(topic, "*");
    consumer.registerMessageListener(
        (MessageListenerConcurrently)
            (messages, context) -> {
              for (MessageExt m : messages) {
                onBody.accept(m.getBody());
              }
              return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
    consumer.start();
    return consumer::shutdown;
  }

  /**
   * Runs a route query and a send through this client's own connection code against a responder in
   * this JVM: the client builds its JSON serializers, header accessors and connection pipeline on
   * first use, a few hundred milliseconds of a cold JVM that a ready probe would otherwise add to
   * every node's time.
   */
  @Override
  @SuppressWarnings(
      "deprecation") // the producer's implementation is the only way to its API client
  public void warmUp() throws Exception {
    try (WarmUpResponder responder = WarmUpResponder.start()) {
      String addr = responder.address();
      MQClientAPIImpl api =
          producer.getDefaultMQProducerImpl().getMqClientFactory().getMQClientAPIImpl();
      GetRouteInfoRequestHeader route = new GetRouteInfoRequestHeader();
      route.setTopic(topic);
      api.getRemotingClient()
          .invokeSync(
              addr,
              RemotingCommand.createRequestCommand(RequestCode.GET_ROUTEINFO_BY_TOPIC, route),
              3_000);
      SendMessageRequestHeader send = new SendMessageRequestHeader();
      send.setProducerGroup(producer.getProducerGroup());
      send.setTopic(topic);
      send.setDefaultTopic(TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC);
      send.setDefaultTopicQueueNums(4);
      send.setQueueId(0);
      send.setSysFlag(0);
      send.setBornTimestamp(System.currentTimeMillis());
      send.setFlag(0);
      send.setReconsumeTimes(0);
      send.setBatch(false);
      Message message = new Message(topic, new byte[16]);
      message.putUserProperty("warm", "up");
      api.sendMessage(
          addr,
          "warm-up",
          message,
          send,
          3_000,
          CommunicationMode.SYNC,
          null,
          producer.getDefaultMQProducerImpl());
      api.getRemotingClient().closeChannels(List.of(addr));
    }
  }

  @Override
  public void close() {
    producer.shutdown();
  }

  /** Registered as {@code apache} in this module's test resources. */
  public static final class Factory implements BenchClient.Factory {

    @Override
    public String name() {
      return "apache";
    }

    @Override
    public BenchClient create(String namesrv, String topic) throws MQClientException {
      return new ApacheBenchClient(namesrv, topic);
    }
  }
}
