package io.kitemq.common.compression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CompressorTest {

  private static final byte[] TEXT =
      "the quick brown fox jumps over the lazy dog ".repeat(200).getBytes(StandardCharsets.UTF_8);

  @ParameterizedTest
  @EnumSource(CompressionType.class)
  void roundTripsAndShrinksRepetitiveText(CompressionType type) {
    Compressor c = Compressor.of(type);
    byte[] packed = c.compress(TEXT, 5);
    assertThat(packed.length).isLessThan(TEXT.length / 4);
    assertThat(c.decompress(packed, TEXT.length)).isEqualTo(TEXT);
    assertThat(c.decompress(c.compress(new byte[0], 5), 10)).isEmpty();
  }

  @Test
  void zlibWritesAnRfc1950Header() {
    byte[] packed = Compressor.of(CompressionType.ZLIB).compress(TEXT, 5);
    assertThat(packed[0]).isEqualTo((byte) 0x78);
    assertThat(((packed[0] & 0xFF) * 256 + (packed[1] & 0xFF)) % 31).isZero();
  }

  @ParameterizedTest
  @EnumSource(CompressionType.class)
  void refusesToInflatePastTheLimit(CompressionType type) {
    Compressor c = Compressor.of(type);
    byte[] packed = c.compress(new byte[100_000], 5);
    assertThatThrownBy(() -> c.decompress(packed, 99_999))
        .isInstanceOf(CompressionException.class)
        .hasMessageContaining("limit");
  }

  @ParameterizedTest
  @EnumSource(CompressionType.class)
  void truncatedOrGarbageInputFailsClearly(CompressionType type) {
    Compressor c = Compressor.of(type);
    byte[] packed = c.compress(TEXT, 5);
    byte[] truncated = Arrays.copyOf(packed, packed.length / 2);
    assertThatThrownBy(() -> c.decompress(truncated, 1 << 20))
        .isInstanceOf(CompressionException.class)
        .hasMessageContaining(type.name());
    assertThatThrownBy(() -> c.decompress(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, 1 << 20))
        .isInstanceOf(CompressionException.class);
  }

  @Test
  void sysFlagTypeCodesFollowRocketMq() {
    assertThat(CompressionType.ofSysFlag(0x001)).isEqualTo(CompressionType.ZLIB);
    assertThat(CompressionType.ofSysFlag(0x301)).isEqualTo(CompressionType.ZLIB);
    assertThat(CompressionType.ofSysFlag(0x101)).isEqualTo(CompressionType.LZ4);
    assertThat(CompressionType.ofSysFlag(0x201)).isEqualTo(CompressionType.ZSTD);
    assertThat(CompressionType.ZSTD.sysFlagBits()).isEqualTo(0x200);
    assertThatThrownBy(() -> CompressionType.ofSysFlag(0x401))
        .isInstanceOf(CompressionException.class)
        .hasMessageContaining("4");
    assertThat(CompressionType.ofName(" zstd ")).isEqualTo(CompressionType.ZSTD);
    assertThatThrownBy(() -> CompressionType.ofName("snappy"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
