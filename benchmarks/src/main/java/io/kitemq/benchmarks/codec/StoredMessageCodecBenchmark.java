package io.kitemq.benchmarks.codec;

import io.kitemq.common.message.BodyMode;
import io.kitemq.common.message.MessageExt;
import io.kitemq.common.message.MessageProperties;
import io.kitemq.common.message.RecordCheck;
import io.kitemq.common.message.RecordDraft;
import io.kitemq.common.message.StoredMessageDecoder;
import io.kitemq.common.message.StoredMessageEncoder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Stored-message record codec: encode into a reused direct buffer (the store's append path), build
 * a draft and encode (append path including body CRC), decode one record, peek with CRC check.
 * Bodies of 100 B and 1 KiB with four properties (TAGS, KEYS, UNIQ_KEY, WAIT).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StoredMessageCodecBenchmark {

  @Param({"100", "1024"})
  int bodySize;

  private byte[] body;
  private byte[] properties;
  private InetSocketAddress bornHost;
  private InetSocketAddress storeHost;
  private RecordDraft draft;
  private ByteBuffer target;
  private ByteBuffer encoded;
  private long offset;

  static Map<String, String> fourProperties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("TAGS", "TagA");
    p.put("KEYS", "order-4711 customer-42");
    p.put("UNIQ_KEY", "7F000001A5B418B4AAC2479E6A2C0000");
    p.put("WAIT", "true");
    return p;
  }

  @Setup
  public void setUp() throws UnknownHostException {
    body = new byte[bodySize];
    new Random(1).nextBytes(body);
    properties = MessageProperties.encodeToBytes(fourProperties());
    bornHost = new InetSocketAddress(InetAddress.getByAddress(new byte[] {10, 0, 0, 5}), 50000);
    storeHost = new InetSocketAddress(InetAddress.getByAddress(new byte[] {10, 0, 0, 1}), 10911);
    draft = draft();
    target = ByteBuffer.allocateDirect(64 * 1024);
    encoded = ByteBuffer.allocateDirect(draft.encodedSize());
    StoredMessageEncoder.encode(encoded, draft, 5, 4096, 1_700_000_000_000L);
  }

  private RecordDraft draft() {
    return RecordDraft.builder()
        .topic("BenchmarkTopic")
        .queueId(3)
        .bornTimestamp(1_700_000_000_000L)
        .bornHost(bornHost)
        .storeHost(storeHost)
        .body(body)
        .propertiesBytes(properties)
        .build();
  }

  /** Writes a prepared draft: the part the store does under its write lock. */
  @Benchmark
  public int encodePreparedDraft() {
    if (target.remaining() < draft.encodedSize()) {
      target.clear();
    }
    offset += draft.encodedSize();
    return StoredMessageEncoder.encode(target, draft, offset, offset, offset);
  }

  /** Builds the draft (body CRC included) and writes it: the whole append per message. */
  @Benchmark
  public int buildDraftAndEncode() {
    RecordDraft d = draft();
    if (target.remaining() < d.encodedSize()) {
      target.clear();
    }
    offset += d.encodedSize();
    return StoredMessageEncoder.encode(target, d, offset, offset, offset);
  }

  @Benchmark
  public MessageExt decode() {
    return StoredMessageDecoder.decode(encoded, 0, BodyMode.RAW);
  }

  @Benchmark
  public MessageExt decodeWithoutBody() {
    return StoredMessageDecoder.decode(encoded, 0, BodyMode.SKIP);
  }

  @Benchmark
  public RecordCheck peekWithCrc() {
    return StoredMessageDecoder.peek(encoded, 0, true);
  }
}
