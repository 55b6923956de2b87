package io.kitemq.benchmarks.remoting;

import io.kitemq.remoting.protocol.JsonHeaderCodec;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RemotingCommandException;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.RocketMqHeaderCodec;
import io.kitemq.remoting.protocol.SerializeType;
import io.kitemq.remoting.protocol.header.SendMessageRequestHeaderV2;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Header serialization of a realistic SEND_MESSAGE_V2 request: JSON (fastjson-compatible, Jackson
 * streaming) versus the ROCKETMQ binary form, encode and decode, plus the typed-header conversion.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HeaderSerializationBenchmark {

  private RemotingCommand jsonCommand;
  private RemotingCommand binaryCommand;
  private RemotingCommand response;
  private RemotingCommand batchResponse;
  private ByteBuf out;
  private ByteBuf jsonEncoded;
  private ByteBuf binaryEncoded;
  private int jsonLength;
  private int binaryLength;

  @Setup
  public void setUp() {
    jsonCommand = SendHeaders.request(SerializeType.JSON);
    binaryCommand = SendHeaders.request(SerializeType.ROCKETMQ);
    response =
        RemotingCommand.createResponse(jsonCommand, ResponseCode.SUCCESS.code(), null)
            .setExtFields(
                new HashMap<>(
                    Map.of(
                        "msgId", "7F00000100002A9F0000000000001F40",
                        "queueId", "3",
                        "queueOffset", "123456",
                        "MSG_REGION", "DefaultRegion",
                        "TRACE_ON", "true")));
    // A batch of 64: the ids joined with commas, as SEND_BATCH_MESSAGE answers them.
    StringBuilder ids = new StringBuilder();
    for (int i = 0; i < 64; i++) {
      ids.append(i == 0 ? "" : ",").append(String.format("7F00000100002A9F%016X", 8000L + 160 * i));
    }
    batchResponse =
        RemotingCommand.createResponse(jsonCommand, ResponseCode.SUCCESS.code(), null)
            .setExtFields(
                new HashMap<>(
                    Map.of(
                        "msgId", ids.toString(),
                        "queueId", "3",
                        "queueOffset", "123456",
                        "MSG_REGION", "DefaultRegion",
                        "TRACE_ON", "true")));
    out = Unpooled.directBuffer(4096);
    jsonEncoded = Unpooled.buffer(1024);
    jsonLength = JsonHeaderCodec.encode(jsonCommand, jsonEncoded);
    binaryEncoded = Unpooled.buffer(1024);
    binaryLength = RocketMqHeaderCodec.encode(binaryCommand, binaryEncoded);
  }

  @TearDown
  public void tearDown() {
    out.release();
    jsonEncoded.release();
    binaryEncoded.release();
  }

  @Benchmark
  public int jsonEncode() {
    out.clear();
    return JsonHeaderCodec.encode(jsonCommand, out);
  }

  @Benchmark
  public int jsonEncodeThroughJackson() {
    out.clear();
    return JsonHeaderCodec.encodeWithJackson(jsonCommand, out);
  }

  @Benchmark
  public int jsonEncodeResponse() {
    out.clear();
    return JsonHeaderCodec.encode(response, out);
  }

  @Benchmark
  public int jsonEncodeBatchResponse() {
    out.clear();
    return JsonHeaderCodec.encode(batchResponse, out);
  }

  @Benchmark
  public int jsonEncodeResponseThroughJackson() {
    out.clear();
    return JsonHeaderCodec.encodeWithJackson(response, out);
  }

  @Benchmark
  public int binaryEncode() {
    out.clear();
    return RocketMqHeaderCodec.encode(binaryCommand, out);
  }

  @Benchmark
  public RemotingCommand jsonDecode() throws RemotingCommandException {
    jsonEncoded.readerIndex(0);
    return JsonHeaderCodec.decode(jsonEncoded, jsonLength);
  }

  @Benchmark
  public RemotingCommand jsonDecodeThroughJackson() throws RemotingCommandException {
    jsonEncoded.readerIndex(0);
    return JsonHeaderCodec.decodeWithJackson(jsonEncoded, jsonLength);
  }

  @Benchmark
  public RemotingCommand binaryDecode() throws RemotingCommandException {
    binaryEncoded.readerIndex(0);
    return RocketMqHeaderCodec.decode(binaryEncoded, binaryLength);
  }

  @Benchmark
  public SendMessageRequestHeaderV2 typedHeaderFromExtFields() throws RemotingCommandException {
    return SendMessageRequestHeaderV2.fromExtFields(jsonCommand.extFields());
  }
}
