package io.kitemq.common.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.ByteBuffer;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Decoders fed truncated, lying or random bytes: they fail with {@link MessageDecodeException} and
 * nothing else (no index exception, no allocation sized by a bogus length; the test JVM's 512 MiB
 * heap would not survive one).
 */
class MalformedRecordTest {

  @Provide
  Arbitrary<Samples.RecordSample> smallRecord() {
    return Samples.smallRecords(200, 64);
  }

  @Provide
  Arbitrary<byte[]> garbage() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
  }

  @Property(tries = 150)
  void everyTruncationIsADecodeError(@ForAll("smallRecord") Samples.RecordSample s) {
    byte[] record = s.encode();
    ByteBuffer direct = ByteBuffer.allocateDirect(record.length + 5);
    direct.position(5);
    direct.put(record);
    for (int cut = 0; cut < record.length; cut++) {
      ByteBuffer heap = ByteBuffer.wrap(record, 0, cut);
      Throwable t = catchThrowable(() -> StoredMessageDecoder.decode(heap, 0));
      assertThat(t).as("cut at %d", cut).isInstanceOf(MessageDecodeException.class);
      assertThat(((MessageDecodeException) t).offset()).isZero();
      direct.limit(5 + cut);
      assertThat(catchThrowable(() -> StoredMessageDecoder.decode(direct, 5, BodyMode.DECOMPRESS)))
          .as("direct cut at %d", cut)
          .isInstanceOf(MessageDecodeException.class);
      assertThat(StoredMessageDecoder.peek(heap, 0, true).kind())
          .isEqualTo(RecordCheck.Kind.INVALID);
    }
    direct.limit(5 + record.length);
    assertThat(StoredMessageDecoder.peek(direct, 5, true).isGoodMessage()).isTrue();
  }

  @Property(tries = 200)
  void impossibleLengthsAreDecodeErrorsNamingTheField(
      @ForAll("smallRecord") Samples.RecordSample s, @ForAll Random random) {
    byte[] record = s.encode();
    int sysFlag = ByteBuffer.wrap(record).getInt(StoredMessageLayout.SYS_FLAG_POSITION);
    int bodyLenPos = StoredMessageLayout.bodyLengthPosition(sysFlag);
    int topicLenPos = bodyLenPos + 4 + s.body().length;
    boolean v2 = ByteBuffer.wrap(record).getInt(4) == MessageVersion.V2.magicCode();
    int propsLenPos = topicLenPos + (v2 ? 2 : 1) + s.topic().length();
    int tooBig = record.length + random.nextInt(Integer.MAX_VALUE - record.length) + 1;
    int negative = -1 - random.nextInt(Integer.MAX_VALUE);

    assertLie(record, b -> b.putInt(0, tooBig), "TOTALSIZE");
    assertLie(record, b -> b.putInt(0, negative), "TOTALSIZE");
    assertLie(record, b -> b.putInt(bodyLenPos, tooBig), "BODY LENGTH");
    assertLie(record, b -> b.putInt(bodyLenPos, negative), "BODY LENGTH");
    if (v2) {
      assertLie(record, b -> b.putShort(topicLenPos, (short) -1), "TOPIC LENGTH");
      assertLie(record, b -> b.putShort(topicLenPos, Short.MAX_VALUE), "TOPIC LENGTH");
    } else {
      assertLie(record, b -> b.put(topicLenPos, (byte) -1), "TOPIC LENGTH");
      int room = record.length - topicLenPos - 1 - 2;
      if (Byte.MAX_VALUE > room) {
        assertLie(record, b -> b.put(topicLenPos, Byte.MAX_VALUE), "TOPIC LENGTH");
      }
    }
    assertLie(
        record,
        b -> b.putShort(propsLenPos, (short) (-1 - random.nextInt(1000))),
        "PROPERTIES LENGTH");
    assertLie(record, b -> b.putShort(propsLenPos, Short.MAX_VALUE), "PROPERTIES LENGTH");
    // a record longer than its parts
    byte[] padded = java.util.Arrays.copyOf(record, record.length + 3);
    ByteBuffer.wrap(padded).putInt(0, padded.length);
    assertLie(padded, b -> {}, "TOTALSIZE");
  }

  private static void assertLie(
      byte[] record, java.util.function.Consumer<ByteBuffer> lie, String field) {
    byte[] copy = record.clone();
    lie.accept(ByteBuffer.wrap(copy));
    Throwable t = catchThrowable(() -> StoredMessageDecoder.decode(ByteBuffer.wrap(copy), 0));
    assertThat(t).isInstanceOf(MessageDecodeException.class);
    assertThat(((MessageDecodeException) t).field()).isEqualTo(field);
    assertThat(StoredMessageDecoder.peek(ByteBuffer.wrap(copy), 0, true).kind())
        .isEqualTo(RecordCheck.Kind.INVALID);
  }

  @Property(tries = 300)
  void corruptedRecordsFailOnlyWithDecodeErrors(
      @ForAll("smallRecord") Samples.RecordSample s, @ForAll Random random) {
    byte[] record = s.encode();
    int flips = 1 + random.nextInt(4);
    for (int i = 0; i < flips; i++) {
      record[random.nextInt(record.length)] = (byte) random.nextInt();
    }
    for (BodyMode mode : BodyMode.values()) {
      Throwable t =
          catchThrowable(() -> StoredMessageDecoder.decode(ByteBuffer.wrap(record), 0, mode));
      assertThat(t)
          .satisfiesAnyOf(
              x -> assertThat(x).isNull(),
              x -> assertThat(x).isInstanceOf(MessageDecodeException.class));
    }
    assertThat(StoredMessageDecoder.peek(ByteBuffer.wrap(record), 0, true)).isNotNull();
  }

  @Property(tries = 300)
  void randomBytesFailOnlyWithDecodeErrors(@ForAll("garbage") byte[] bytes) {
    assertOnlyDecodeErrors(() -> StoredMessageDecoder.decodeAll(bytes, BodyMode.DECOMPRESS));
    assertOnlyDecodeErrors(() -> StoredMessageDecoder.decode(ByteBuffer.wrap(bytes), 0));
    assertOnlyDecodeErrors(() -> BatchMessageCodec.decode(bytes));
    assertThat(StoredMessageDecoder.peek(ByteBuffer.wrap(bytes), 0, true)).isNotNull();
  }

  @Property(tries = 200)
  void corruptedBatchBodiesFailOnlyWithDecodeErrors(
      @ForAll("smallRecord") Samples.RecordSample s, @ForAll Random random) {
    Message m = new Message("T", s.body());
    m.setProperties(s.properties());
    byte[] body = BatchMessageCodec.encode(java.util.List.of(m, m));
    body[random.nextInt(body.length)] = (byte) random.nextInt();
    assertOnlyDecodeErrors(() -> BatchMessageCodec.decode(body));
  }

  private static void assertOnlyDecodeErrors(Runnable decode) {
    Throwable t = catchThrowable(decode::run);
    assertThat(t)
        .satisfiesAnyOf(
            x -> assertThat(x).isNull(),
            x -> assertThat(x).isInstanceOf(MessageDecodeException.class));
  }

  @Example
  void aHugeBodyLengthIsRefusedBeforeAllocating() {
    byte[] record = GoldenRecord.bytes();
    ByteBuffer.wrap(record).putInt(84, Integer.MAX_VALUE - 16);
    assertThatThrownBy(() -> StoredMessageDecoder.decode(ByteBuffer.wrap(record), 0))
        .isInstanceOf(MessageDecodeException.class)
        .hasMessageContaining("BODY LENGTH");
    byte[] total = GoldenRecord.bytes();
    ByteBuffer.wrap(total).putInt(0, Integer.MAX_VALUE);
    assertThatThrownBy(() -> StoredMessageDecoder.decode(ByteBuffer.wrap(total), 0))
        .isInstanceOf(MessageDecodeException.class)
        .hasMessageContaining("TOTALSIZE");
  }

  @Example
  void aPositionPastTheLimitIsATruncation() {
    ByteBuffer buf = ByteBuffer.wrap(GoldenRecord.bytes());
    assertThatThrownBy(() -> StoredMessageDecoder.decode(buf, 200))
        .isInstanceOfSatisfying(
            MessageDecodeException.class, e -> assertThat(e.offset()).isEqualTo(200));
    assertThat(StoredMessageDecoder.peek(buf, 200, true).kind())
        .isEqualTo(RecordCheck.Kind.INVALID);
  }
}
