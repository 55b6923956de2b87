package io.kitemq.common.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kitemq.common.util.Hex;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BatchMessageCodecTest {

  private static Message message(int flag, String body, String tags) {
    Message m = new Message("T", body.getBytes(StandardCharsets.UTF_8));
    m.setFlag(flag);
    if (tags != null) {
      m.setTags(tags);
    }
    return m;
  }

  @Test
  void encodesEachInnerMessageInTheDocumentedLayout() {
    byte[] body = BatchMessageCodec.encode(List.of(message(7, "hi", "a")));
    // size 22 + 2 + 7 | magic 0 | crc 0 | flag 7 | body len 2 "hi" | props len 7 "TAGS\1a\2"
    assertThat(Hex.encode(body))
        .isEqualTo(
            "0000001F"
                + "00000000"
                + "00000000"
                + "00000007"
                + "00000002"
                + "6869"
                + "0007"
                + "54414753016102");
  }

  @Test
  void roundTripsSeveralMessagesIncludingAnEmptyBody() {
    Message a = message(1, "first", "tA");
    a.setKeys("k1 k2");
    Message b = message(0, "", null);
    Message c = message(-5, "third ✓", "tC");
    c.putUserProperty("ключ", "значение");
    byte[] body = BatchMessageCodec.encode(List.of(a, b, c));
    List<Message> decoded = BatchMessageCodec.decode(body);
    assertThat(decoded).hasSize(3);
    assertThat(decoded.get(0).getFlag()).isEqualTo(1);
    assertThat(decoded.get(0).getBody()).isEqualTo(a.getBody());
    assertThat(decoded.get(0).getProperties()).isEqualTo(a.getProperties());
    assertThat(decoded.get(1).getBody()).isEmpty();
    assertThat(decoded.get(1).getProperties()).isEmpty();
    assertThat(decoded.get(2).getFlag()).isEqualTo(-5);
    assertThat(decoded.get(2).getUserProperty("ключ")).isEqualTo("значение");
  }

  @Test
  void scanLocatesPartsWithoutCopying() {
    byte[] body = BatchMessageCodec.encode(List.of(message(1, "ab", "x"), message(2, "cde", null)));
    ByteBuffer buf = ByteBuffer.allocateDirect(body.length + 3);
    buf.position(3);
    buf.put(body).flip().position(3);
    List<BatchMessageCodec.Entry> entries = BatchMessageCodec.scan(buf);
    assertThat(entries).hasSize(2);
    BatchMessageCodec.Entry second = entries.get(1);
    assertThat(second.position()).isEqualTo(3 + entries.get(0).totalSize());
    assertThat(second.flag()).isEqualTo(2);
    assertThat(second.bodyLength()).isEqualTo(3);
    assertThat(buf.get(second.bodyPosition())).isEqualTo((byte) 'c');
    assertThat(second.propertiesLength()).isZero();
    assertThat(buf.position()).isEqualTo(3);
  }

  @Test
  void lyingLengthsAreDecodeErrorsNamingTheField() {
    byte[] good = BatchMessageCodec.encode(List.of(message(7, "hi", "a")));
    byte[] bodyTooLong = good.clone();
    ByteBuffer.wrap(bodyTooLong).putInt(16, 1000);
    assertThatThrownBy(() -> BatchMessageCodec.decode(bodyTooLong))
        .isInstanceOfSatisfying(
            MessageDecodeException.class, e -> assertThat(e.field()).isEqualTo("BODY LENGTH"));
    byte[] negativeProps = good.clone();
    ByteBuffer.wrap(negativeProps).putShort(22, (short) -1);
    assertThatThrownBy(() -> BatchMessageCodec.decode(negativeProps))
        .isInstanceOfSatisfying(
            MessageDecodeException.class,
            e -> assertThat(e.field()).isEqualTo("PROPERTIES LENGTH"));
    byte[] hugeSize = good.clone();
    ByteBuffer.wrap(hugeSize).putInt(0, Integer.MAX_VALUE);
    assertThatThrownBy(() -> BatchMessageCodec.decode(hugeSize))
        .isInstanceOfSatisfying(
            MessageDecodeException.class, e -> assertThat(e.field()).isEqualTo("TOTALSIZE"));
    for (int cut = 1; cut < good.length; cut++) {
      byte[] truncated = java.util.Arrays.copyOf(good, cut);
      assertThatThrownBy(() -> BatchMessageCodec.decode(truncated))
          .isInstanceOf(MessageDecodeException.class);
    }
  }

  @Test
  void eachEntrysPropertiesAreTheMessagesOwnEncodingWhateverTheirSize() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      List<Message> messages = new ArrayList<>();
      for (int i = 0, n = 1 + random.nextInt(20); i < n; i++) {
        byte[] body = new byte[random.nextInt(round % 10 == 0 ? 5000 : 200)];
        random.nextBytes(body);
        Message m = new Message("T", body);
        m.setFlag(random.nextInt());
        for (int p = 0, pairs = random.nextInt(12); p < pairs; p++) {
          String value = random.nextBoolean() ? "v" + p : "ü€𝄞-" + "x".repeat(random.nextInt(300));
          m.putUserProperty("k" + p + (random.nextBoolean() ? "" : "ñ"), value);
        }
        messages.add(m);
      }
      byte[] body = BatchMessageCodec.encode(messages);
      List<BatchMessageCodec.Entry> entries = BatchMessageCodec.scan(ByteBuffer.wrap(body));
      assertThat(entries).hasSize(messages.size());
      for (int i = 0; i < messages.size(); i++) {
        BatchMessageCodec.Entry e = entries.get(i);
        Message m = messages.get(i);
        assertThat(e.flag()).isEqualTo(m.getFlag());
        int at = e.propertiesPosition();
        assertThat(Arrays.copyOfRange(body, at, at + e.propertiesLength()))
            .isEqualTo(MessageProperties.encodeToBytes(m.getProperties()));
        at = e.bodyPosition();
        assertThat(Arrays.copyOfRange(body, at, at + e.bodyLength())).isEqualTo(m.getBody());
      }
    }
  }

  @Test
  void propertiesOver32767BytesAreRefused() {
    Message m = new Message("T", new byte[1]);
    m.putUserProperty("big", "é".repeat(16_400));
    assertThatThrownBy(() -> BatchMessageCodec.encode(List.of(m)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32767");
  }
}
