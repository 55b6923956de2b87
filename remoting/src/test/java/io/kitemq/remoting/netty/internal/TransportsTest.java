package io.kitemq.remoting.netty.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TransportsTest {

  private static final long MIB = 1024 * 1024;

  @Test
  void aSmallHeapGetsThePooledAllocator() {
    assertThat(Transports.allocatorFor(512 * MIB, null, null))
        .isSameAs(PooledByteBufAllocator.DEFAULT);
    assertThat(Transports.allocatorFor(128 * MIB, null, null))
        .isSameAs(PooledByteBufAllocator.DEFAULT);
  }

  @Test
  void aLargerHeapKeepsNettysDefault() {
    assertThat(Transports.allocatorFor(512 * MIB + 1, null, null))
        .isSameAs(ByteBufAllocator.DEFAULT);
    assertThat(Transports.allocatorFor(4096 * MIB, null, null)).isSameAs(ByteBufAllocator.DEFAULT);
  }

  @Test
  void anOperatorsChoiceOfAllocatorStands() {
    assertThat(Transports.allocatorFor(256 * MIB, "adaptive", null))
        .isSameAs(ByteBufAllocator.DEFAULT);
    assertThat(Transports.allocatorFor(256 * MIB, null, "false"))
        .isSameAs(ByteBufAllocator.DEFAULT);
  }
}
