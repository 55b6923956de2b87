package io.kitemq.common.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kitemq.common.compression.CompressionType;
import io.kitemq.common.compression.Compressor;
import io.kitemq.common.util.Crc;
import io.kitemq.common.util.Hex;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StoredMessageCodecTest {

  private static final InetSocketAddress V6_BORN =
      GoldenRecord.address(
          new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x05}, 40000);
  private static final InetSocketAddress V6_STORE =
      GoldenRecord.address(
          new byte[] {(byte) 0xfe, (byte) 0x80, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8}, 10911);

  @Test
  void encodesTheOfficialRecordByteForByte() {
    RecordDraft draft = GoldenRecord.draft();
    assertThat(draft.encodedSize()).isEqualTo(98);
    ByteBuffer heap = ByteBuffer.allocate(200);
    int written = StoredMessageEncoder.encode(heap, draft, 5, 4096, GoldenRecord.STORE_TIMESTAMP);
    assertThat(written).isEqualTo(98);
    assertThat(heap.position()).isEqualTo(98);
    assertThat(Arrays.copyOf(heap.array(), 98)).isEqualTo(GoldenRecord.bytes());
  }

  @Test
  void encodesIntoADirectBufferAtItsPosition() {
    ByteBuffer direct = ByteBuffer.allocateDirect(300);
    direct.position(17);
    StoredMessageEncoder.encode(
        direct, GoldenRecord.draft(), 5, 4096, GoldenRecord.STORE_TIMESTAMP);
    assertThat(direct.position()).isEqualTo(17 + 98);
    byte[] out = new byte[98];
    direct.get(17, out);
    assertThat(out).isEqualTo(GoldenRecord.bytes());
    assertThat(direct.get(16)).isZero();
    assertThat(direct.get(17 + 98)).isZero();
  }

  @Test
  void aDraftOfRangesAndASuffixEncodesTheSameRecord() {
    // Body "hi" and properties "a=b" inside a larger request-like array, the properties' last
    // bytes handed over as a suffix, as a batch's inner message is stored.
    byte[] request = "..hi..a\u0001b\u0002..".getBytes(StandardCharsets.UTF_8);
    RecordDraft draft =
        RecordDraft.builder()
            .topic("T")
            .queueId(1)
            .bornTimestamp(GoldenRecord.BORN_TIMESTAMP)
            .bornHost(GoldenRecord.bornHost())
            .storeHost(GoldenRecord.storeHost())
            .body(request, 2, 2)
            .propertiesBytes(request, 6, 2, "b\u0002".getBytes(StandardCharsets.UTF_8))
            .build();
    assertThat(draft.encodedSize()).isEqualTo(98);
    assertThat(draft.bodyLength()).isEqualTo(2);
    assertThat(draft.body()).isEqualTo("hi".getBytes(StandardCharsets.UTF_8));
    assertThat(draft.propertiesBytes()).isEqualTo(GoldenRecord.draft().propertiesBytes());
    ByteBuffer heap = ByteBuffer.allocate(98);
    StoredMessageEncoder.encode(heap, draft, 5, 4096, GoldenRecord.STORE_TIMESTAMP);
    assertThat(heap.array()).isEqualTo(GoldenRecord.bytes());
  }

  @Test
  void rangesOutsideTheirArrayAreRefused() {
    byte[] bytes = new byte[4];
    RecordDraft.Builder base =
        RecordDraft.builder()
            .topic("T")
            .bornHost(GoldenRecord.bornHost())
            .storeHost(GoldenRecord.storeHost());
    assertThatThrownBy(() -> base.body(bytes, 3, 2).build())
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> base.body(bytes).propertiesBytes(bytes, -1, 2, null).build())
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void refusesABufferTooSmallWithoutWritingAnything() {
    ByteBuffer small = ByteBuffer.allocate(97);
    assertThatThrownBy(
            () ->
                StoredMessageEncoder.encode(
                    small, GoldenRecord.draft(), 5, 4096, GoldenRecord.STORE_TIMESTAMP))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("98");
    assertThat(small.position()).isZero();
    assertThat(small.array()).containsOnly(0);
  }

  @Test
  void decodesTheOfficialRecord() {
    MessageExt m = StoredMessageDecoder.decode(ByteBuffer.wrap(GoldenRecord.bytes()), 0);
    assertThat(m.getStoreSize()).isEqualTo(98);
    assertThat(m.getBodyCrc()).isEqualTo(0x58932AAC);
    assertThat(m.getQueueId()).isEqualTo(1);
    assertThat(m.getFlag()).isZero();
    assertThat(m.getQueueOffset()).isEqualTo(5);
    assertThat(m.getCommitLogOffset()).isEqualTo(4096);
    assertThat(m.getSysFlag()).isZero();
    assertThat(m.getBornTimestamp()).isEqualTo(GoldenRecord.BORN_TIMESTAMP);
    assertThat(m.getBornHost()).isEqualTo(GoldenRecord.bornHost());
    assertThat(m.getStoreTimestamp()).isEqualTo(GoldenRecord.STORE_TIMESTAMP);
    assertThat(m.getStoreHost()).isEqualTo(GoldenRecord.storeHost());
    assertThat(m.getReconsumeTimes()).isZero();
    assertThat(m.getPreparedTransactionOffset()).isZero();
    assertThat(new String(m.getBody(), StandardCharsets.UTF_8)).isEqualTo("hi");
    assertThat(m.getTopic()).isEqualTo("T");
    assertThat(m.getProperties()).containsExactly(Map.entry("a", "b"));
    assertThat(m.getOffsetMsgId()).isEqualTo("0A00000100002A9F0000000000001000");
    assertThat(m.getMsgId()).isEqualTo("0A00000100002A9F0000000000001000");
  }

  @Test
  void msgIdPrefersTheUniqueKey() {
    MessageExt m = StoredMessageDecoder.decode(ByteBuffer.wrap(GoldenRecord.bytes()), 0);
    m.setUniqueId("7F0000010001000000000000000A0001");
    assertThat(m.getMsgId()).isEqualTo("7F0000010001000000000000000A0001");
    assertThat(m.getOffsetMsgId()).isEqualTo("0A00000100002A9F0000000000001000");
  }

  @Test
  void decodesFromADirectBufferWithoutTouchingPositionOrLimit() {
    ByteBuffer direct = ByteBuffer.allocateDirect(150);
    direct.position(40);
    direct.put(GoldenRecord.bytes());
    direct.position(3).limit(140);
    MessageExt m = StoredMessageDecoder.decode(direct, 40);
    assertThat(m.getTopic()).isEqualTo("T");
    assertThat(m.getProperties()).containsEntry("a", "b");
    assertThat(direct.position()).isEqualTo(3);
    assertThat(direct.limit()).isEqualTo(140);
  }

  @Test
  void ipv6HostsSetTheirFlagsAndRoundTrip() {
    RecordDraft draft =
        RecordDraft.builder()
            .topic("TopicV6")
            .bornHost(V6_BORN)
            .storeHost(V6_STORE)
            .sysFlag(MessageSysFlag.TRANSACTION_PREPARED_TYPE)
            .body(new byte[] {1, 2, 3})
            .build();
    assertThat(draft.sysFlag())
        .isEqualTo(
            MessageSysFlag.TRANSACTION_PREPARED_TYPE
                | MessageSysFlag.BORNHOST_V6_FLAG
                | MessageSysFlag.STOREHOSTADDRESS_V6_FLAG);
    assertThat(draft.encodedSize()).isEqualTo(91 + 24 + 3 + 7);
    ByteBuffer buf = ByteBuffer.allocate(draft.encodedSize());
    StoredMessageEncoder.encode(buf, draft, 9, 77, 1234);
    MessageExt m = StoredMessageDecoder.decode(buf, 0);
    assertThat(m.getBornHost()).isEqualTo(V6_BORN);
    assertThat(m.getStoreHost()).isEqualTo(V6_STORE);
    assertThat(m.getStoreTimestamp()).isEqualTo(1234);
    assertThat(m.getQueueOffset()).isEqualTo(9);
    assertThat(m.getCommitLogOffset()).isEqualTo(77);
    assertThat(m.getOffsetMsgId())
        .hasSize(56)
        .startsWith("FE80000000000000010203040506070800002A9F");
    assertThat(m.getBodyCrc()).isEqualTo(Crc.crc32(new byte[] {1, 2, 3}));
  }

  @Test
  void hostFlagsInTheDraftFollowTheAddressesNotTheCaller() {
    RecordDraft draft =
        RecordDraft.builder()
            .topic("T")
            .bornHost(GoldenRecord.bornHost())
            .storeHost(GoldenRecord.storeHost())
            .sysFlag(MessageSysFlag.BORNHOST_V6_FLAG | MessageSysFlag.STOREHOSTADDRESS_V6_FLAG)
            .body(new byte[0])
            .build();
    assertThat(draft.sysFlag()).isZero();
    assertThat(draft.encodedSize()).isEqualTo(92);
  }

  @Test
  void longTopicsGetTheV2MagicAndTwoByteLength() {
    String topic = "t".repeat(128);
    RecordDraft draft =
        RecordDraft.builder()
            .topic(topic)
            .bornHost(GoldenRecord.bornHost())
            .storeHost(GoldenRecord.storeHost())
            .body(new byte[0])
            .build();
    assertThat(draft.version()).isEqualTo(MessageVersion.V2);
    ByteBuffer buf = ByteBuffer.allocate(draft.encodedSize());
    StoredMessageEncoder.encode(buf, draft, 0, 0, 0);
    assertThat(buf.getInt(4)).isEqualTo(0xDAA320AB);
    assertThat(buf.getShort(88)).isEqualTo((short) 128); // right after the empty body
    assertThat(draft.encodedSize()).isEqualTo(92 + 128);
    assertThat(StoredMessageDecoder.decode(buf, 0).getTopic()).isEqualTo(topic);
  }

  @Test
  void a127ByteTopicStillFitsV1() {
    RecordDraft draft =
        RecordDraft.builder()
            .topic("t".repeat(127))
            .bornHost(GoldenRecord.bornHost())
            .storeHost(GoldenRecord.storeHost())
            .body(new byte[0])
            .build();
    assertThat(draft.version()).isEqualTo(MessageVersion.V1);
  }

  @Test
  void v2CanBeForcedForShortTopicsAndV1RefusesLongOnes() {
    RecordDraft.Builder b =
        RecordDraft.builder()
            .topic("short")
            .bornHost(GoldenRecord.bornHost())
            .storeHost(GoldenRecord.storeHost())
            .body(new byte[0]);
    RecordDraft v2 = b.version(MessageVersion.V2).build();
    ByteBuffer buf = ByteBuffer.allocate(v2.encodedSize());
    StoredMessageEncoder.encode(buf, v2, 0, 0, 0);
    assertThat(StoredMessageDecoder.decode(buf, 0).getTopic()).isEqualTo("short");
    assertThatThrownBy(() -> b.topic("x".repeat(128)).version(MessageVersion.V1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("128");
  }

  @Test
  void propertiesOver32767BytesAreRefused() {
    RecordDraft.Builder b =
        RecordDraft.builder()
            .topic("T")
            .bornHost(GoldenRecord.bornHost())
            .storeHost(GoldenRecord.storeHost())
            .body(new byte[0])
            .propertiesBytes(new byte[32768]);
    assertThatThrownBy(b::build).hasMessageContaining("32767");
  }

  @Test
  void blankMarkerIsReportedByPeekAndRefusedByDecode() {
    ByteBuffer file = ByteBuffer.allocate(64);
    file.position(10);
    StoredMessageEncoder.writeBlank(file, 54);
    RecordCheck check = StoredMessageDecoder.peek(file, 10, true);
    assertThat(check.kind()).isEqualTo(RecordCheck.Kind.BLANK);
    assertThat(check.totalSize()).isEqualTo(54);
    assertThat(file.getInt(14)).isEqualTo(0xCBD43194);
    assertThatThrownBy(() -> StoredMessageDecoder.decode(file, 10))
        .isInstanceOfSatisfying(
            MessageDecodeException.class,
            e -> {
              assertThat(e.field()).isEqualTo("MAGICCODE");
              assertThat(e.offset()).isEqualTo(10);
            })
        .hasMessageContaining("blank");
  }

  @Test
  void peekChecksTheBodyCrcWithoutDecoding() {
    byte[] record = GoldenRecord.bytes();
    RecordCheck good = StoredMessageDecoder.peek(ByteBuffer.wrap(record), 0, true);
    assertThat(good)
        .isEqualTo(
            new RecordCheck(
                RecordCheck.Kind.MESSAGE,
                98,
                MessageVersion.V1,
                RecordCheck.BodyCrc.MATCHES,
                null));
    assertThat(good.isGoodMessage()).isTrue();
    record[88] ^= 1; // first body byte
    RecordCheck bad = StoredMessageDecoder.peek(ByteBuffer.wrap(record), 0, true);
    assertThat(bad.bodyCrc()).isEqualTo(RecordCheck.BodyCrc.MISMATCH);
    assertThat(bad.isGoodMessage()).isFalse();
    assertThat(StoredMessageDecoder.peek(ByteBuffer.wrap(record), 0, false).bodyCrc())
        .isEqualTo(RecordCheck.BodyCrc.NOT_CHECKED);
  }

  @Test
  void peekTellsUnwrittenZerosFromGarbage() {
    ByteBuffer zeros = ByteBuffer.allocateDirect(128);
    assertThat(StoredMessageDecoder.peek(zeros, 0, true).kind()).isEqualTo(RecordCheck.Kind.EMPTY);
    byte[] garbage = GoldenRecord.bytes();
    garbage[5] = 0x11;
    RecordCheck check = StoredMessageDecoder.peek(ByteBuffer.wrap(garbage), 0, true);
    assertThat(check.kind()).isEqualTo(RecordCheck.Kind.INVALID);
    assertThat(check.problem()).contains("magic");
    assertThat(StoredMessageDecoder.peek(ByteBuffer.wrap(new byte[5]), 0, true).kind())
        .isEqualTo(RecordCheck.Kind.INVALID);
  }

  @Test
  void decodeAllReadsConcatenatedRecordsFromThePosition() {
    RecordDraft a = GoldenRecord.draft();
    RecordDraft b =
        RecordDraft.builder()
            .topic("Other")
            .queueId(3)
            .bornHost(V6_BORN)
            .storeHost(GoldenRecord.storeHost())
            .body(new byte[1000])
            .propertiesBytes(MessageProperties.encodeToBytes(Map.of("TAGS", "x")))
            .build();
    ByteBuffer buf = ByteBuffer.allocateDirect(4 + a.encodedSize() * 2 + b.encodedSize());
    buf.position(4);
    StoredMessageEncoder.encode(buf, a, 0, 4, 1);
    StoredMessageEncoder.encode(buf, b, 1, 4 + a.encodedSize(), 2);
    StoredMessageEncoder.encode(buf, a, 2, 4 + a.encodedSize() + b.encodedSize(), 3);
    buf.flip().position(4);
    List<MessageExt> all = StoredMessageDecoder.decodeAll(buf, BodyMode.RAW);
    assertThat(all).extracting(MessageExt::getQueueOffset).containsExactly(0L, 1L, 2L);
    assertThat(all).extracting(MessageExt::getTopic).containsExactly("T", "Other", "T");
    assertThat(all.get(1).getTags()).isEqualTo("x");
    assertThat(all.get(1).getBody()).hasSize(1000);
    assertThat(buf.position()).isEqualTo(4);
  }

  @Test
  void decodeAllOfATruncatedTailFails() {
    byte[] two = new byte[98 * 2 - 1];
    System.arraycopy(GoldenRecord.bytes(), 0, two, 0, 98);
    System.arraycopy(GoldenRecord.bytes(), 0, two, 98, 97);
    assertThatThrownBy(() -> StoredMessageDecoder.decodeAll(two, BodyMode.RAW))
        .isInstanceOfSatisfying(
            MessageDecodeException.class, e -> assertThat(e.offset()).isEqualTo(98));
  }

  @Test
  void skipModeLeavesTheBodyOut() {
    MessageExt m =
        StoredMessageDecoder.decode(ByteBuffer.wrap(GoldenRecord.bytes()), 0, BodyMode.SKIP);
    assertThat(m.getBody()).isNull();
    assertThat(m.getTopic()).isEqualTo("T");
    assertThat(m.getProperties()).containsEntry("a", "b");
  }

  @Test
  void decompressModeInflatesTheBodyAndClearsTheCompressedBit() {
    byte[] original = "compress me ".repeat(500).getBytes(StandardCharsets.UTF_8);
    byte[] zipped = Compressor.of(CompressionType.ZLIB).compress(original, 5);
    RecordDraft draft =
        RecordDraft.builder()
            .topic("Z")
            .sysFlag(MessageSysFlag.COMPRESSED_FLAG | CompressionType.ZLIB.sysFlagBits())
            .bornHost(GoldenRecord.bornHost())
            .storeHost(GoldenRecord.storeHost())
            .body(zipped)
            .build();
    ByteBuffer buf = ByteBuffer.allocate(draft.encodedSize());
    StoredMessageEncoder.encode(buf, draft, 0, 0, 0);
    MessageExt raw = StoredMessageDecoder.decode(buf, 0, BodyMode.RAW);
    assertThat(raw.getBody()).isEqualTo(zipped);
    assertThat(raw.getSysFlag()).isEqualTo(0x301);
    assertThat(raw.getBodyCrc()).isEqualTo(Crc.crc32(zipped));
    MessageExt inflated = StoredMessageDecoder.decode(buf, 0, BodyMode.DECOMPRESS);
    assertThat(inflated.getBody()).isEqualTo(original);
    assertThat(inflated.getSysFlag()).isEqualTo(0x300);
  }

  @Test
  void aCompressedBodyThatDoesNotInflateIsADecodeError() {
    RecordDraft draft =
        RecordDraft.builder()
            .topic("Z")
            .sysFlag(MessageSysFlag.COMPRESSED_FLAG | CompressionType.ZLIB.sysFlagBits())
            .bornHost(GoldenRecord.bornHost())
            .storeHost(GoldenRecord.storeHost())
            .body(new byte[] {1, 2, 3, 4})
            .build();
    ByteBuffer buf = ByteBuffer.allocate(draft.encodedSize());
    StoredMessageEncoder.encode(buf, draft, 0, 0, 0);
    assertThatThrownBy(() -> StoredMessageDecoder.decode(buf, 0, BodyMode.DECOMPRESS))
        .isInstanceOfSatisfying(
            MessageDecodeException.class, e -> assertThat(e.field()).isEqualTo("BODY"));
  }

  @Test
  void anUnknownCompressionTypeFailsClearlyOnlyWhenDecompressing() {
    RecordDraft draft =
        RecordDraft.builder()
            .topic("Z")
            .sysFlag(MessageSysFlag.COMPRESSED_FLAG | 0x500)
            .bornHost(GoldenRecord.bornHost())
            .storeHost(GoldenRecord.storeHost())
            .body(new byte[] {1, 2, 3, 4})
            .build();
    ByteBuffer buf = ByteBuffer.allocate(draft.encodedSize());
    StoredMessageEncoder.encode(buf, draft, 0, 0, 0);
    assertThat(StoredMessageDecoder.decode(buf, 0, BodyMode.RAW).getBody())
        .containsExactly(1, 2, 3, 4);
    assertThatThrownBy(() -> StoredMessageDecoder.decode(buf, 0, BodyMode.DECOMPRESS))
        .isInstanceOf(MessageDecodeException.class)
        .hasMessageContaining("unknown compression type value 5");
  }

  @Test
  void aRecordViewReadsFieldsAndOneKeyWithoutDecoding() {
    Map<String, String> props = new java.util.LinkedHashMap<>();
    props.put("TAGS", "TagA");
    props.put("KEYS", "k1 k2");
    props.put("UNIQ_KEY", "ABCDEF");
    RecordDraft draft =
        RecordDraft.builder()
            .topic("Orders")
            .queueId(7)
            .flag(3)
            .bornTimestamp(11)
            .bornHost(V6_BORN)
            .storeHost(GoldenRecord.storeHost())
            .reconsumeTimes(2)
            .preparedTransactionOffset(99)
            .body(new byte[] {5, 6, 7})
            .propertiesBytes(MessageProperties.encodeToBytes(props))
            .build();
    ByteBuffer buf = ByteBuffer.allocateDirect(draft.encodedSize() + 10);
    buf.position(10);
    StoredMessageEncoder.encode(buf, draft, 42, 1010, 77);
    StoredRecordView view = StoredRecordView.of(buf, 10);
    assertThat(view.totalSize()).isEqualTo(draft.encodedSize());
    assertThat(view.queueId()).isEqualTo(7);
    assertThat(view.flag()).isEqualTo(3);
    assertThat(view.queueOffset()).isEqualTo(42);
    assertThat(view.physicalOffset()).isEqualTo(1010);
    assertThat(view.bornTimestamp()).isEqualTo(11);
    assertThat(view.storeTimestamp()).isEqualTo(77);
    assertThat(view.reconsumeTimes()).isEqualTo(2);
    assertThat(view.preparedTransactionOffset()).isEqualTo(99);
    assertThat(view.sysFlag()).isEqualTo(MessageSysFlag.BORNHOST_V6_FLAG);
    assertThat(view.topic()).isEqualTo("Orders");
    assertThat(view.property("KEYS")).isEqualTo("k1 k2");
    assertThat(view.property("UNIQ_KEY")).isEqualTo("ABCDEF");
    assertThat(view.property("DELAY")).isNull();
    assertThat(view.tagsCode()).isEqualTo("TagA".hashCode());
    assertThat(view.bodyLength()).isEqualTo(3);
    assertThat(buf.get(view.bodyPosition())).isEqualTo((byte) 5);
    assertThat(view.bodyCrcMatches()).isTrue();
    buf.put(view.bodyPosition(), (byte) 0);
    assertThat(view.bodyCrcMatches()).isFalse();
  }

  @Test
  void aDecodedMessageCanBeRePutWithChanges() {
    MessageExt m = StoredMessageDecoder.decode(ByteBuffer.wrap(GoldenRecord.bytes()), 0);
    m.putProperty(MessageConst.PROPERTY_RETRY_TOPIC, m.getTopic());
    m.setTopic("%RETRY%group");
    RecordDraft draft = RecordDraft.builderFrom(m).reconsumeTimes(1).build();
    ByteBuffer buf = ByteBuffer.allocate(draft.encodedSize());
    StoredMessageEncoder.encode(buf, draft, 0, 8192, 5);
    MessageExt again = StoredMessageDecoder.decode(buf, 0);
    assertThat(again.getTopic()).isEqualTo("%RETRY%group");
    assertThat(again.getProperties())
        .containsExactly(Map.entry("a", "b"), Map.entry("RETRY_TOPIC", "T"));
    assertThat(again.getReconsumeTimes()).isEqualTo(1);
    assertThat(again.getBornHost()).isEqualTo(GoldenRecord.bornHost());
    assertThat(again.getBodyCrc()).isEqualTo(0x58932AAC);
    assertThat(again.getCommitLogOffset()).isEqualTo(8192);
  }

  @Test
  void encodeOfAWholeMessageExtReproducesTheOfficialRecord() {
    MessageExt m = StoredMessageDecoder.decode(ByteBuffer.wrap(GoldenRecord.bytes()), 0);
    assertThat(Hex.encode(StoredMessageEncoder.encode(m)))
        .isEqualTo(Hex.encode(GoldenRecord.bytes()));
  }
}
