package io.kitemq.benchmarks.remoting;

import io.kitemq.remoting.netty.FrameDecoder;
import io.kitemq.remoting.netty.FrameEncoder;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.SerializeType;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One SEND_MESSAGE_V2 frame with a 1 KiB body through the frame encoder and back through the frame
 * decoder (Netty EmbeddedChannels, no sockets).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FrameRoundTripBenchmark {

  @Param({"JSON", "ROCKETMQ"})
  public SerializeType serializeType;

  private EmbeddedChannel encoder;
  private EmbeddedChannel decoder;
  private byte[] body;

  @Setup
  public void setUp() {
    encoder = new EmbeddedChannel(new FrameEncoder());
    decoder = new EmbeddedChannel(new FrameDecoder(16 * 1024 * 1024));
    body = new byte[1024];
  }

  @TearDown
  public void tearDown() {
    encoder.finishAndReleaseAll();
    decoder.finishAndReleaseAll();
  }

  @Benchmark
  public RemotingCommand encodeThenDecode() {
    encoder.writeOutbound(SendHeaders.request(serializeType).setBody(body));
    ByteBuf part;
    while ((part = encoder.readOutbound()) != null) {
      decoder.writeInbound(part);
    }
    return decoder.readInbound();
  }
}
