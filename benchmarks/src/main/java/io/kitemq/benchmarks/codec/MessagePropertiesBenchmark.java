package io.kitemq.benchmarks.codec;

import io.kitemq.common.message.MessageProperties;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Properties string codec with four typical properties: encode, decode, one-key lookup. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MessagePropertiesBenchmark {

  private Map<String, String> map;
  private byte[] encoded;
  private ByteBuffer direct;

  @Setup
  public void setUp() {
    map = new LinkedHashMap<>(StoredMessageCodecBenchmark.fourProperties());
    encoded = MessageProperties.encodeToBytes(map);
    direct = ByteBuffer.allocateDirect(encoded.length);
    direct.put(encoded).flip();
  }

  @Benchmark
  public byte[] encodeToBytes() {
    return MessageProperties.encodeToBytes(map);
  }

  @Benchmark
  public Map<String, String> decodeFromBytes() {
    return MessageProperties.decode(encoded, 0, encoded.length);
  }

  @Benchmark
  public String findUniqKeyInDirectBuffer() {
    return MessageProperties.find(direct, 0, encoded.length, "UNIQ_KEY");
  }

  @Benchmark
  public String findMissingKeyInDirectBuffer() {
    return MessageProperties.find(direct, 0, encoded.length, "DELAY");
  }
}
