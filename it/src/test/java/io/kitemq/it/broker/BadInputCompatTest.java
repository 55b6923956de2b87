package io.kitemq.it.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kitemq.remoting.netty.RemotingClient;
import io.kitemq.remoting.netty.RemotingClientConfig;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.ResponseCode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Garbage, oversized frames and unknown request codes on other connections do not disturb an
 * official producer / consumer pair working at the same time.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BadInputCompatTest {

  @TempDir Path dir;
  private KiteCluster cluster;
  private DefaultMQProducer producer;
  private DefaultMQPushConsumer consumer;

  @BeforeEach
  void start() throws Exception {
    cluster = new KiteCluster(dir);
    producer = cluster.producer("bad-input-producer");
    producer.start();
  }

  @AfterEach
  void stop() {
    if (consumer != null) {
      consumer.shutdown();
    }
    producer.shutdown();
    cluster.close();
  }

  private InetSocketAddress brokerAddress() {
    return new InetSocketAddress("127.0.0.1", cluster.broker().port());
  }

  /** Writes {@code bytes} and returns whether the server closed the connection afterwards. */
  private boolean closedAfter(byte[] bytes) throws Exception {
    try (Socket s = new Socket()) {
      s.connect(brokerAddress(), 3000);
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(bytes);
      out.flush();
      InputStream in = s.getInputStream();
      byte[] buf = new byte[4096];
      while (true) {
        int n = in.read(buf);
        if (n < 0) {
          return true;
        }
      }
    }
  }

  @Test
  void badConnectionsAreClosedWhileTheOfficialPairLosesNothing() throws Exception {
    String topic = "Robust";
    producer.send(new Message(topic, "warm-up".getBytes(StandardCharsets.UTF_8)));
    Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    consumer = cluster.pushConsumer("g-robust");
    consumer.subscribe(topic, "*");
    consumer.registerMessageListener(
        (MessageListenerConcurrently)
            (msgs, ctx) -> {
              msgs.forEach(
                  m ->
                      seen.computeIfAbsent(
                              new String(m.getBody(), StandardCharsets.UTF_8),
                              k -> new AtomicInteger())
                          .incrementAndGet());
              return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
    consumer.start();

    Random random = new Random(11);
    int total = 0;
    for (int round = 0; round < 5; round++) {
      for (int i = 0; i < 20; i++) {
        assertThat(
                producer
                    .send(
                        new Message(
                            topic, ("r" + round + "-" + i).getBytes(StandardCharsets.UTF_8)))
                    .getSendStatus())
            .isEqualTo(SendStatus.SEND_OK);
        total++;
      }
      byte[] garbage = new byte[512];
      random.nextBytes(garbage);
      assertThat(closedAfter(garbage)).as("garbage closes the connection").isTrue();
      ByteBuffer oversized = ByteBuffer.allocate(8).putInt(Integer.MAX_VALUE).putInt(20);
      assertThat(closedAfter(oversized.array())).as("oversized frame closes it").isTrue();
    }
    try (RemotingClient raw = new RemotingClient(RemotingClientConfig.defaults())) {
      RemotingCommand unknown = RemotingCommand.createRequest(9_999);
      RemotingCommand answer = raw.invokeSync(cluster.broker().brokerAddr(), unknown, 5000);
      assertThat(answer.code()).isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED.code());
    }
    int expected = total;
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> seen.keySet().stream().filter(k -> k.startsWith("r")).count() == expected);
    assertThat(seen.values()).allMatch(n -> n.get() == 1);
  }
}
