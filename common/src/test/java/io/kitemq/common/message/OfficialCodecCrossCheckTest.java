package io.kitemq.common.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitemq.common.compression.CompressionType;
import io.kitemq.common.compression.Compressor;
import io.kitemq.common.topic.SystemTopics;
import io.kitemq.common.topic.TopicValidator;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.rocketmq.common.UtilAll;
import org.apache.rocketmq.common.compression.CompressorFactory;
import org.apache.rocketmq.common.message.MessageAccessor;
import org.apache.rocketmq.common.message.MessageClientIDSetter;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageId;

/**
 * Properties string, batch body, message ids, compressed bodies, constants and name rules against
 * the official 5.5.0 jar.
 */
class OfficialCodecCrossCheckTest {

  @Provide
  Arbitrary<LinkedHashMap<String, String>> propertyMaps() {
    return Arbitraries.randomValue(Samples::properties);
  }

  /** Arbitrary strings, separators and malformed segments included. */
  @Provide
  Arbitrary<String> rawPropertyStrings() {
    return Arbitraries.strings().withChars("\u0001\u0002\u0001\u0002ab=c é中").ofMaxLength(40);
  }

  @Provide
  Arbitrary<List<Message>> batches() {
    return Arbitraries.randomValue(
        r -> {
          List<Message> list = new ArrayList<>();
          int n = 1 + r.nextInt(6);
          for (int i = 0; i < n; i++) {
            Message m = new Message("T", Samples.body(r));
            m.setFlag(r.nextInt());
            m.setProperties(Samples.properties(r));
            list.add(m);
          }
          return list;
        });
  }

  @Provide
  Arbitrary<InetSocketAddress> hosts() {
    return Arbitraries.randomValue(Samples::host);
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    return Arbitraries.randomValue(
        r -> {
          byte[] b = Samples.body(r);
          if (r.nextBoolean()) {
            // repetitive text, the common case for compression
            byte[] text = Samples.text(r, 1, 20).repeat(1 + r.nextInt(300)).getBytes();
            return text;
          }
          return b;
        });
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("aZ09_-%|").ofMinLength(0).ofMaxLength(300),
        Arbitraries.strings().withChars("aZ09_-%| /.é").ofMinLength(0).ofMaxLength(10),
        Arbitraries.strings()
            .withChars("gX")
            .ofMinLength(120)
            .ofMaxLength(260)
            .map(s -> "%RETRY%" + s),
        Arbitraries.strings()
            .withChars("gX")
            .ofMinLength(120)
            .ofMaxLength(260)
            .map(s -> "%DLQ%" + s));
  }

  @Property(tries = 200)
  void propertiesStringIsByteIdentical(@ForAll("propertyMaps") LinkedHashMap<String, String> map) {
    String ours = MessageProperties.encode(map);
    assertThat(ours).isEqualTo(MessageDecoder.messageProperties2String(map));
    assertThat(MessageDecoder.string2messageProperties(ours)).isEqualTo(map);
    assertThat(MessageProperties.decode(ours)).containsExactlyEntriesOf(map);
  }

  @Property(tries = 300)
  void propertiesParsingAgreesOnAnyString(@ForAll("rawPropertyStrings") String s) {
    var theirs = MessageDecoder.string2messageProperties(s);
    assertThat(MessageProperties.decode(s)).isEqualTo(theirs);
    byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (String key : List.of("a", "ab", "b", "é", "中", "c")) {
      assertThat(MessageProperties.find(s, key)).as("find %s", key).isEqualTo(theirs.get(key));
      assertThat(MessageProperties.find(bytes, 0, bytes.length, key))
          .as("find %s in bytes", key)
          .isEqualTo(theirs.get(key));
    }
  }

  @Property(tries = 200)
  void batchBodyIsByteIdenticalBothWays(@ForAll("batches") List<Message> batch) throws Exception {
    List<org.apache.rocketmq.common.message.Message> theirs = new ArrayList<>();
    for (Message m : batch) {
      var t = new org.apache.rocketmq.common.message.Message("T", m.getBody());
      t.setFlag(m.getFlag());
      MessageAccessor.setProperties(t, new LinkedHashMap<>(m.getProperties()));
      theirs.add(t);
    }
    byte[] ours = BatchMessageCodec.encode(batch);
    assertThat(ours).isEqualTo(MessageDecoder.encodeMessages(theirs));
    List<org.apache.rocketmq.common.message.Message> decodedByThem =
        MessageDecoder.decodeMessages(ByteBuffer.wrap(ours));
    List<Message> decodedByUs = BatchMessageCodec.decode(MessageDecoder.encodeMessages(theirs));
    assertThat(decodedByThem).hasSameSizeAs(batch);
    assertThat(decodedByUs).hasSameSizeAs(batch);
    for (int i = 0; i < batch.size(); i++) {
      assertThat(decodedByThem.get(i).getFlag()).isEqualTo(batch.get(i).getFlag());
      assertThat(decodedByThem.get(i).getBody()).isEqualTo(batch.get(i).getBody());
      assertThat(decodedByThem.get(i).getProperties()).isEqualTo(batch.get(i).getProperties());
      assertThat(decodedByUs.get(i).getFlag()).isEqualTo(batch.get(i).getFlag());
      assertThat(decodedByUs.get(i).getBody()).isEqualTo(batch.get(i).getBody());
      assertThat(decodedByUs.get(i).getProperties()).isEqualTo(batch.get(i).getProperties());
    }
  }

  @Property(tries = 200)
  void offsetMessageIdsAgree(@ForAll("hosts") InetSocketAddress host, @ForAll long offset)
      throws Exception {
    String ours = OffsetMessageId.encode(host, offset);
    assertThat(ours).isEqualTo(MessageDecoder.createMessageId(host, offset));
    MessageId theirs = MessageDecoder.decodeMessageId(ours);
    assertThat(theirs.getAddress()).isEqualTo(host);
    assertThat(theirs.getOffset()).isEqualTo(offset);
    assertThat(OffsetMessageId.decode(MessageDecoder.createMessageId(host, offset)))
        .isEqualTo(new OffsetMessageId(host, offset));
  }

  @Property(tries = 100)
  void officialClientReadsOurUniqueIds(@ForAll("hosts") InetSocketAddress host, @ForAll int pid) {
    byte[] ip = host.getAddress().getAddress();
    UniqueIdGenerator gen = new UniqueIdGenerator(ip, pid, 42);
    long before = System.currentTimeMillis();
    String id = gen.next();
    long after = System.currentTimeMillis();
    // The official reader takes an id stamped in the current millisecond for last month's.
    while (System.currentTimeMillis() <= after) {
      Thread.onSpinWait();
    }
    assertThat(MessageClientIDSetter.getIPFromID(id)).isEqualTo(ip);
    assertThat(MessageClientIDSetter.getPidFromID(id)).isEqualTo(pid & 0xFFFF);
    assertThat(MessageClientIDSetter.getNearlyTimeFromID(id).getTime()).isBetween(before, after);
  }

  @Example
  void weReadOfficialUniqueIdsAndPickTheSameLocalAddress() {
    long before = System.currentTimeMillis();
    String theirs = MessageClientIDSetter.createUniqID();
    long after = System.currentTimeMillis();
    assertThat(UniqueIdGenerator.ipOf(theirs)).isEqualTo(MessageClientIDSetter.getIPFromID(theirs));
    assertThat(UniqueIdGenerator.pidOf(theirs))
        .isEqualTo(MessageClientIDSetter.getPidFromID(theirs));
    assertThat(UniqueIdGenerator.timestampOf(theirs, after + 1)).isBetween(before, after);
    assertThat(UniqueIdGenerator.localIp()).isEqualTo(UtilAll.getIP());
    String ours = UniqueIdGenerator.getDefault().next();
    assertThat(ours.substring(0, ours.length() - 20))
        .isEqualTo(theirs.substring(0, theirs.length() - 20));
  }

  @Property(tries = 60)
  void compressedBodiesInteroperate(@ForAll("bodies") byte[] body, @ForAll Random random)
      throws Exception {
    for (CompressionType type : CompressionType.values()) {
      var theirType = org.apache.rocketmq.common.compression.CompressionType.valueOf(type.name());
      var theirCompressor = CompressorFactory.getCompressor(theirType);
      int level = type == CompressionType.ZLIB ? random.nextInt(10) : 1 + random.nextInt(9);
      byte[] ours = Compressor.of(type).compress(body, level);
      assertThat(theirCompressor.decompress(ours)).as(type.name()).isEqualTo(body);
      byte[] theirs = theirCompressor.compress(body, level);
      assertThat(Compressor.of(type).decompress(theirs, body.length))
          .as(type.name())
          .isEqualTo(body);
      assertThat(theirType.getCompressionFlag()).isEqualTo(type.sysFlagBits());
    }
  }

  @Property(tries = 300)
  void nameRulesAgree(@ForAll("names") String name) {
    assertThat(TopicValidator.validateTopic(name).isEmpty())
        .as("topic %s", name)
        .isEqualTo(org.apache.rocketmq.common.topic.TopicValidator.validateTopic(name).isValid());
    assertThat(TopicValidator.validateGroup(name).isEmpty())
        .as("group %s", name)
        .isEqualTo(org.apache.rocketmq.common.topic.TopicValidator.validateGroup(name).isValid());
    assertThat(SystemTopics.isSystemTopic(name))
        .isEqualTo(org.apache.rocketmq.common.topic.TopicValidator.isSystemTopic(name));
  }

  @Example
  void constantsMatch() {
    assertThat(MessageConst.RESERVED_KEYS)
        .containsExactlyInAnyOrderElementsOf(
            org.apache.rocketmq.common.message.MessageConst.STRING_HASH_SET);
    assertThat(SystemTopics.systemTopicNames())
        .containsExactlyInAnyOrderElementsOf(
            org.apache.rocketmq.common.topic.TopicValidator.getSystemTopicSet());
    assertThat(SystemTopics.notAllowedSendTopicNames())
        .containsExactlyInAnyOrderElementsOf(
            org.apache.rocketmq.common.topic.TopicValidator.getNotAllowedSendTopicSet());
    assertThat(MessageVersion.V1.magicCode()).isEqualTo(MessageDecoder.MESSAGE_MAGIC_CODE);
    assertThat(MessageVersion.V2.magicCode()).isEqualTo(MessageDecoder.MESSAGE_MAGIC_CODE_V2);
    assertThat(MessageVersion.BLANK_MAGIC_CODE).isEqualTo(MessageDecoder.BLANK_MAGIC_CODE);
    assertThat(StoredMessageLayout.PHYSICAL_OFFSET_POSITION)
        .isEqualTo(MessageDecoder.MESSAGE_PHYSIC_OFFSET_POSITION);
    assertThat(StoredMessageLayout.QUEUE_OFFSET_POSITION)
        .isEqualTo(MessageDecoder.QUEUE_OFFSET_POSITION);
    assertThat(StoredMessageLayout.SYS_FLAG_POSITION).isEqualTo(MessageDecoder.SYSFLAG_POSITION);
    assertThat(StoredMessageLayout.storeTimestampPosition(0))
        .isEqualTo(MessageDecoder.MESSAGE_STORE_TIMESTAMP_POSITION);
    assertThat(MessageSysFlag.COMPRESSION_TYPE_COMPARATOR)
        .isEqualTo(org.apache.rocketmq.common.sysflag.MessageSysFlag.COMPRESSION_TYPE_COMPARATOR);
    assertThat(MessageSysFlag.INNER_BATCH_FLAG)
        .isEqualTo(org.apache.rocketmq.common.sysflag.MessageSysFlag.INNER_BATCH_FLAG);
    assertThat(io.kitemq.common.topic.TopicPermission.READ)
        .isEqualTo(org.apache.rocketmq.common.constant.PermName.PERM_READ);
  }
}
