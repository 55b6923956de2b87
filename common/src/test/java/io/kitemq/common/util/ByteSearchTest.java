package io.kitemq.common.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The word-at-a-time searches against the obvious byte loop, at every offset and length. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ByteSearchTest {

  @Test
  void indexOfAgreesWithAByteLoopEverywhere() {
    Random random = new Random(7);
    for (int round = 0; round < 20_000; round++) {
      byte[] bytes = randomBytes(random);
      int from = random.nextInt(bytes.length + 1);
      int to = from + random.nextInt(bytes.length - from + 1);
      byte b = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : 2);
      assertThat(ByteSearch.indexOf(bytes, b, from, to)).isEqualTo(loop(bytes, b, b, from, to));
    }
  }

  @Test
  void indexOfEitherAgreesWithAByteLoopEverywhere() {
    Random random = new Random(11);
    for (int round = 0; round < 20_000; round++) {
      byte[] bytes = randomBytes(random);
      int from = random.nextInt(bytes.length + 1);
      int to = from + random.nextInt(bytes.length - from + 1);
      assertThat(ByteSearch.indexOfEither(bytes, (byte) 1, (byte) 2, from, to))
          .isEqualTo(loop(bytes, (byte) 1, (byte) 2, from, to));
    }
  }

  @Test
  void bytesNextToTheTargetAreNotMistakenForIt() {
    // 0x00 and 0x03 around 0x01/0x02, 0x81/0x82 and 0xff: the borrow of a zero byte must not mark
    // its neighbour, and high bits must not pass for a match.
    byte[] bytes = {0, 3, (byte) 0x81, (byte) 0x82, (byte) 0xff, 0, 3, (byte) 0x80, 0, 3, 1, 2};
    assertThat(ByteSearch.indexOfEither(bytes, (byte) 1, (byte) 2, 0, bytes.length)).isEqualTo(10);
    assertThat(ByteSearch.indexOf(bytes, (byte) 2, 0, bytes.length)).isEqualTo(11);
    assertThat(ByteSearch.indexOf(bytes, (byte) 0xff, 0, bytes.length)).isEqualTo(4);
    assertThat(ByteSearch.indexOf(bytes, (byte) 2, 0, 11)).isEqualTo(11);
    assertThat(ByteSearch.containsEither(bytes, (byte) 1, (byte) 2)).isTrue();
    assertThat(
            ByteSearch.containsEither(new byte[] {0, 3, 0, 3, 0, 3, 0, 3, 0}, (byte) 1, (byte) 2))
        .isFalse();
  }

  private static byte[] randomBytes(Random random) {
    byte[] bytes = new byte[random.nextInt(40)];
    for (int i = 0; i < bytes.length; i++) {
      int pick = random.nextInt(10);
      bytes[i] = (byte) (pick == 0 ? 1 : pick == 1 ? 2 : pick == 2 ? 0 : random.nextInt(256));
    }
    return bytes;
  }

  private static int loop(byte[] bytes, byte x, byte y, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == x || bytes[i] == y) {
        return i;
      }
    }
    return to;
  }
}
