package io.kitemq.benchmarks.codec;

import io.kitemq.common.message.OffsetMessageId;
import io.kitemq.common.message.UniqueIdGenerator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Message ids: a client unique id, and the offset id the broker returns per stored message. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MessageIdBenchmark {

  private final UniqueIdGenerator generator = UniqueIdGenerator.getDefault();
  private InetSocketAddress storeHost;
  private long offset;

  @Setup
  public void setUp() throws UnknownHostException {
    storeHost = new InetSocketAddress(InetAddress.getByAddress(new byte[] {10, 0, 0, 1}), 10911);
  }

  @Benchmark
  public String uniqueId() {
    return generator.next();
  }

  @Benchmark
  public String offsetId() {
    offset += 200;
    return OffsetMessageId.encode(storeHost, offset);
  }
}
