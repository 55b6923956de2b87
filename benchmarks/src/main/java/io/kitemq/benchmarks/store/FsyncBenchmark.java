package io.kitemq.benchmarks.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The disk's raw durability rate on the same file system as the store benchmarks: write 4 KiB and
 * force, through a FileChannel (fdatasync) and through a mapping (msync of the written page).
 * SYNC_FLUSH group commit is judged against these numbers.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class FsyncBenchmark {

  private static final int FILE_SIZE = 64 * 1024 * 1024;

  private Path dir;
  private FileChannel channel;
  private MappedByteBuffer mapped;
  private final ByteBuffer page = ByteBuffer.allocateDirect(4096);
  private long position;

  @Setup(Level.Trial)
  public void open() throws IOException {
    dir = StoreBenchSupport.tempDir();
    channel =
        FileChannel.open(
            dir.resolve("fsync"),
            StandardOpenOption.CREATE,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE);
    mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, FILE_SIZE);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    channel.close();
    StoreBenchSupport.deleteTree(dir);
  }

  @Benchmark
  public long channelWrite4kForce() throws IOException {
    page.clear();
    page.putLong(0, position);
    channel.write(page, position);
    channel.force(false);
    position = (position + 4096) % FILE_SIZE;
    return position;
  }

  /** Written through the mapping, forced with fdatasync (Linux writes mapped dirty pages too). */
  @Benchmark
  public long mappedWrite4kChannelForce() throws IOException {
    int pos = (int) position;
    for (int i = 0; i < 4096; i += 8) {
      mapped.putLong(pos + i, position + i);
    }
    channel.force(false);
    position = (position + 4096) % FILE_SIZE;
    return position;
  }

  @Benchmark
  public long mappedWrite4kForce() {
    int pos = (int) position;
    for (int i = 0; i < 4096; i += 8) {
      mapped.putLong(pos + i, position + i);
    }
    mapped.force(pos, 4096);
    position = (position + 4096) % FILE_SIZE;
    return position;
  }
}
