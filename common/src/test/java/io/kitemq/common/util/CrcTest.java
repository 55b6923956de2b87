package io.kitemq.common.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CrcTest {

  @Test
  void masksTheSignBitLikeRocketMq() {
    // crc32("hi") = 0xD8932AAC; RocketMQ stores it with bit 31 cleared.
    assertThat(Crc.crc32("hi".getBytes(StandardCharsets.UTF_8))).isEqualTo(0x58932AAC);
  }

  @Test
  void bufferVariantLeavesPositionAndAgreesWithArrayVariant() {
    byte[] bytes = "some message body".getBytes(StandardCharsets.UTF_8);
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length + 3);
    direct.put(new byte[] {9, 9, 9}).put(bytes).flip().position(3);
    assertThat(Crc.crc32(direct)).isEqualTo(Crc.crc32(bytes));
    assertThat(direct.position()).isEqualTo(3);
  }
}
