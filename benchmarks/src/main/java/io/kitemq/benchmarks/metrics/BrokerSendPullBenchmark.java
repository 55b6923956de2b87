package io.kitemq.benchmarks.metrics;

import io.kitemq.broker.BrokerConfig;
import io.kitemq.broker.BrokerController;
import io.kitemq.client.ClientOptions;
import io.kitemq.client.consumer.PullConsumer;
import io.kitemq.client.consumer.PullResult;
import io.kitemq.client.producer.Producer;
import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageQueue;
import io.kitemq.console.metrics.BrokerMetrics;
import io.kitemq.nameserver.NameServer;
import io.kitemq.nameserver.NameServerConfig;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A broker in this JVM on 127.0.0.1 with metrics off (no listener) or on (the Prometheus counters
 * of a node with its HTTP port on): one synchronous 100-byte send, resp. one pull of one message
 * from a preloaded queue, through the KiteMQ client over loopback per operation.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class BrokerSendPullBenchmark {

  private static final int PRELOADED = 20_000;

  @Param({"off", "on"})
  public String metrics;

  private Path dir;
  private NameServer nameServer;
  private BrokerController broker;
  private Producer producer;
  private PullConsumer consumer;
  private MessageQueue queue;
  private final byte[] body = new byte[100];
  private long pullOffset;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    dir = Files.createTempDirectory("kite-metrics-bench");
    nameServer =
        new NameServer(
            NameServerConfig.builder()
                .bindAddress("127.0.0.1")
                .listenPort(0)
                .kvConfigPath(dir.resolve("kv.json"))
                .build());
    String namesrv = "127.0.0.1:" + nameServer.start();
    Properties p = new Properties();
    p.setProperty("brokerName", "bench-broker");
    p.setProperty("namesrvAddr", namesrv);
    p.setProperty("listenPort", "0");
    p.setProperty("brokerIP1", "127.0.0.1");
    p.setProperty("storePathRootDir", dir.resolve("store").toString());
    p.setProperty("mappedFileSizeCommitLog", Integer.toString(256 * 1024 * 1024));
    broker = new BrokerController(BrokerConfig.fromProperties(p));
    if ("on".equals(metrics)) {
      BrokerMetrics.install(broker, new PrometheusRegistry());
    }
    broker.start();
    ClientOptions options =
        ClientOptions.builder().namesrvAddr(namesrv).clientIp("127.0.0.1").build();
    producer = Producer.builder().clientOptions(options).group("bench-producer").build();
    queue = producer.send(new Message("BenchTopic", "t", null, body)).queue();
    for (int i = 1; i < PRELOADED; i++) {
      producer.send(new Message("BenchTopic", "t", null, body), (qs, m, a) -> queue, null);
    }
    consumer = PullConsumer.builder().clientOptions(options).group("bench-consumer").build();
  }

  @Benchmark
  public Object send() throws Exception {
    return producer.send(new Message("BenchTopic", "t", null, body), (qs, m, a) -> queue, null);
  }

  @Benchmark
  public PullResult pull() throws Exception {
    long o = pullOffset++ % PRELOADED;
    return consumer.pull(queue, "*", o, 1);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    consumer.close();
    producer.close();
    broker.shutdown();
    nameServer.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }
}
