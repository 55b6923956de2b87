package io.kitemq.common.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitemq.common.util.Crc;
import io.kitemq.common.util.Hex;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.rocketmq.common.message.MessageDecoder;

/**
 * Our stored records against the official 5.5.0 jar's MessageDecoder: what we write it reads, and
 * what it writes we read and re-encode to the same bytes.
 */
class OfficialStoredRecordCrossCheckTest {

  @Provide
  Arbitrary<Samples.RecordSample> anyRecord() {
    return Samples.records(300, true);
  }

  @Provide
  Arbitrary<Samples.RecordSample> v1Record() {
    return Samples.records(127, true);
  }

  @Provide
  Arbitrary<List<Samples.RecordSample>> uncompressedRecords() {
    return Samples.records(200, false).list().ofMinSize(1).ofMaxSize(5);
  }

  @Property(tries = 200)
  void officialDecoderReadsOurRecords(@ForAll("anyRecord") Samples.RecordSample s) {
    byte[] bytes = s.encode();
    org.apache.rocketmq.common.message.MessageExt theirs =
        MessageDecoder.decode(ByteBuffer.wrap(bytes), true, false);
    assertThat(theirs).as("official decoder rejected our record").isNotNull();
    assertThat(theirs.getStoreSize()).isEqualTo(bytes.length);
    assertThat(theirs.getTopic()).isEqualTo(s.topic());
    assertThat(theirs.getQueueId()).isEqualTo(s.queueId());
    assertThat(theirs.getFlag()).isEqualTo(s.flag());
    assertThat(theirs.getQueueOffset()).isEqualTo(s.queueOffset());
    assertThat(theirs.getCommitLogOffset()).isEqualTo(s.physicalOffset());
    assertThat(theirs.getSysFlag()).isEqualTo(s.writtenSysFlag());
    assertThat(theirs.getBornTimestamp()).isEqualTo(s.bornTimestamp());
    assertThat(theirs.getBornHost()).isEqualTo(s.bornHost());
    assertThat(theirs.getStoreTimestamp()).isEqualTo(s.storeTimestamp());
    assertThat(theirs.getStoreHost()).isEqualTo(s.storeHost());
    assertThat(theirs.getReconsumeTimes()).isEqualTo(s.reconsumeTimes());
    assertThat(theirs.getPreparedTransactionOffset()).isEqualTo(s.preparedTransactionOffset());
    assertThat(theirs.getBodyCRC()).isEqualTo(Crc.crc32(s.body()));
    assertThat(theirs.getBody() == null ? new byte[0] : theirs.getBody()).isEqualTo(s.body());
    assertThat(theirs.getProperties() == null ? Map.of() : theirs.getProperties())
        .isEqualTo(s.properties());
    MessageExt ours = StoredMessageDecoder.decode(ByteBuffer.wrap(bytes), 0);
    assertThat(theirs.getMsgId()).isEqualTo(ours.getOffsetMsgId());
  }

  @Property(tries = 200)
  void weReadAndReEncodeOfficialRecordsByteForByte(@ForAll("v1Record") Samples.RecordSample s)
      throws Exception {
    org.apache.rocketmq.common.message.MessageExt theirs =
        new org.apache.rocketmq.common.message.MessageExt();
    theirs.setTopic(s.topic());
    theirs.setQueueId(s.queueId());
    theirs.setFlag(s.flag());
    theirs.setQueueOffset(s.queueOffset());
    theirs.setCommitLogOffset(s.physicalOffset());
    theirs.setSysFlag(s.writtenSysFlag());
    theirs.setBornTimestamp(s.bornTimestamp());
    theirs.setBornHost(s.bornHost());
    theirs.setStoreTimestamp(s.storeTimestamp());
    theirs.setStoreHost(s.storeHost());
    theirs.setReconsumeTimes(s.reconsumeTimes());
    theirs.setPreparedTransactionOffset(s.preparedTransactionOffset());
    theirs.setBody(s.body());
    theirs.setBodyCRC(Crc.crc32(s.body()));
    org.apache.rocketmq.common.message.MessageAccessor.setProperties(theirs, s.properties());
    byte[] official = MessageDecoder.encode(theirs, false);

    MessageExt ours = StoredMessageDecoder.decode(ByteBuffer.wrap(official), 0);
    assertThat(ours.getTopic()).isEqualTo(s.topic());
    assertThat(ours.getBody()).isEqualTo(s.body());
    assertThat(ours.getProperties()).isEqualTo(s.properties());
    assertThat(ours.getBornHost()).isEqualTo(s.bornHost());
    assertThat(ours.getStoreHost()).isEqualTo(s.storeHost());
    assertThat(ours.getSysFlag()).isEqualTo(s.writtenSysFlag());
    assertThat(ours.getQueueOffset()).isEqualTo(s.queueOffset());
    assertThat(ours.getCommitLogOffset()).isEqualTo(s.physicalOffset());
    assertThat(ours.getStoreTimestamp()).isEqualTo(s.storeTimestamp());
    assertThat(ours.getPreparedTransactionOffset()).isEqualTo(s.preparedTransactionOffset());
    assertThat(Hex.encode(StoredMessageEncoder.encode(ours))).isEqualTo(Hex.encode(official));
    assertThat(Hex.encode(s.encode())).isEqualTo(Hex.encode(official));
  }

  @Property(tries = 100)
  void officialClientDecodesOurConcatenatedPullBody(
      @ForAll("uncompressedRecords") List<Samples.RecordSample> samples) {
    List<byte[]> records = new ArrayList<>();
    int total = 0;
    for (Samples.RecordSample s : samples) {
      byte[] r = s.encode();
      records.add(r);
      total += r.length;
    }
    ByteBuffer body = ByteBuffer.allocate(total);
    records.forEach(body::put);
    body.flip();
    List<org.apache.rocketmq.common.message.MessageExt> theirs = MessageDecoder.decodes(body);
    assertThat(theirs).hasSize(samples.size());
    List<MessageExt> ours = StoredMessageDecoder.decodeAll(body.rewind(), BodyMode.RAW);
    for (int i = 0; i < samples.size(); i++) {
      assertThat(theirs.get(i).getTopic()).isEqualTo(ours.get(i).getTopic());
      assertThat(theirs.get(i).getMsgId()).isEqualTo(ours.get(i).getMsgId());
      assertThat(theirs.get(i).getQueueOffset()).isEqualTo(ours.get(i).getQueueOffset());
    }
  }

  @Example
  void theGoldenRecordIsWhatTheOfficialEncoderWrites() throws Exception {
    org.apache.rocketmq.common.message.MessageExt theirs =
        MessageDecoder.decode(ByteBuffer.wrap(GoldenRecord.bytes()));
    assertThat(Hex.encode(MessageDecoder.encode(theirs, false)))
        .isEqualTo(Hex.encode(GoldenRecord.bytes()));
  }
}
