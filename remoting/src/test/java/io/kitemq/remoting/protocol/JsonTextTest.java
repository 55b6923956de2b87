package io.kitemq.remoting.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The word-at-a-time end of a plain run against the byte loop, at every offset and length. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JsonTextTest {

  private static final byte[] EDGES = {
    0, 0x1f, 0x20, 0x21, '"', '#', '[', '\\', ']', 0x7f, (byte) 0x80, (byte) 0xc3, (byte) 0xff, 'a'
  };

  @Test
  void plainRunEndAgreesWithAByteLoopEverywhere() {
    Random random = new Random(3);
    for (int round = 0; round < 50_000; round++) {
      byte[] bytes = new byte[random.nextInt(48)];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] =
            random.nextInt(6) == 0
                ? EDGES[random.nextInt(EDGES.length)]
                : (byte) ('0' + random.nextInt(40));
      }
      int from = random.nextInt(bytes.length + 1);
      int to = from + random.nextInt(bytes.length - from + 1);
      assertThat(JsonText.plainRunEnd(bytes, from, to)).isEqualTo(loop(bytes, from, to));
    }
  }

  @Test
  void aLongPlainRunEndsAtItsRangeEnd() {
    byte[] ids = "7F0000010000A3B4,7F0000010000A3C8,7F0000010000A3DC".getBytes();
    assertThat(JsonText.plainRunEnd(ids, 0, ids.length)).isEqualTo(ids.length);
    assertThat(JsonText.plainRunEnd(ids, 3, 20)).isEqualTo(20);
  }

  private static int loop(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      int c = bytes[i] & 0xff;
      if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
        return i;
      }
    }
    return to;
  }
}
