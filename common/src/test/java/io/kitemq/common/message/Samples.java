package io.kitemq.common.message;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Random inputs for the codec properties, biased towards the edges that matter. */
final class Samples {

  private static final String TOPIC_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-%|";

  private Samples() {}

  /** All the fields of one stored record except the three assigned at write time. */
  record RecordSample(
      String topic,
      byte[] body,
      LinkedHashMap<String, String> properties,
      InetSocketAddress bornHost,
      InetSocketAddress storeHost,
      int sysFlag,
      int queueId,
      int flag,
      long queueOffset,
      long physicalOffset,
      long bornTimestamp,
      long storeTimestamp,
      int reconsumeTimes,
      long preparedTransactionOffset) {

    RecordDraft draft() {
      return RecordDraft.builder()
          .topic(topic)
          .queueId(queueId)
          .flag(flag)
          .sysFlag(sysFlag)
          .bornTimestamp(bornTimestamp)
          .bornHost(bornHost)
          .storeHost(storeHost)
          .reconsumeTimes(reconsumeTimes)
          .preparedTransactionOffset(preparedTransactionOffset)
          .body(body)
          .propertiesBytes(MessageProperties.encodeToBytes(properties))
          .build();
    }

    byte[] encode() {
      RecordDraft d = draft();
      java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(d.encodedSize());
      StoredMessageEncoder.encode(buf, d, queueOffset, physicalOffset, storeTimestamp);
      return buf.array();
    }

    /** SYSFLAG as written: host bits follow the addresses. */
    int writtenSysFlag() {
      return MessageSysFlag.withHostFlags(
          sysFlag,
          bornHost.getAddress().getAddress().length == 16,
          storeHost.getAddress().getAddress().length == 16);
    }
  }

  /** Records; {@code maxTopicLength} 127 keeps them V1, larger allows V2. */
  static Arbitrary<RecordSample> records(int maxTopicLength, boolean allowCompressedFlag) {
    return Arbitraries.randomValue(r -> record(r, maxTopicLength, allowCompressedFlag));
  }

  /** Records with bodies of at most {@code maxBody} bytes, for byte-by-byte properties. */
  static Arbitrary<RecordSample> smallRecords(int maxTopicLength, int maxBody) {
    return Arbitraries.randomValue(
        r -> {
          RecordSample s = record(r, maxTopicLength, true);
          byte[] body = new byte[r.nextInt(maxBody + 1)];
          r.nextBytes(body);
          return new RecordSample(
              s.topic(),
              body,
              s.properties(),
              s.bornHost(),
              s.storeHost(),
              s.sysFlag(),
              s.queueId(),
              s.flag(),
              s.queueOffset(),
              s.physicalOffset(),
              s.bornTimestamp(),
              s.storeTimestamp(),
              s.reconsumeTimes(),
              s.preparedTransactionOffset());
        });
  }

  static RecordSample record(Random r, int maxTopicLength, boolean allowCompressedFlag) {
    int sysFlag = r.nextInt(0x800);
    if (!allowCompressedFlag) {
      sysFlag &= ~MessageSysFlag.COMPRESSED_FLAG;
    }
    return new RecordSample(
        topic(r, maxTopicLength),
        body(r),
        properties(r),
        host(r),
        host(r),
        sysFlag,
        r.nextInt(),
        r.nextInt(),
        r.nextLong(),
        r.nextLong(),
        r.nextLong(),
        r.nextLong(),
        r.nextInt(),
        r.nextLong());
  }

  static String topic(Random r, int maxLength) {
    int len;
    switch (r.nextInt(5)) {
      case 0:
        len = Math.min(maxLength, 127);
        break;
      case 1:
        len = Math.min(maxLength, 128);
        break;
      case 2:
        len = 1;
        break;
      default:
        len = 1 + r.nextInt(maxLength);
    }
    StringBuilder sb = new StringBuilder(len);
    for (int i = 0; i < len; i++) {
      sb.append(TOPIC_CHARS.charAt(r.nextInt(TOPIC_CHARS.length())));
    }
    return sb.toString();
  }

  static byte[] body(Random r) {
    int kind = r.nextInt(6);
    int len = kind == 0 ? 0 : kind == 1 ? 1 : r.nextInt(kind == 2 ? 5000 : 300);
    byte[] b = new byte[len];
    r.nextBytes(b);
    return b;
  }

  static LinkedHashMap<String, String> properties(Random r) {
    LinkedHashMap<String, String> m = new LinkedHashMap<>();
    int n = r.nextInt(7);
    for (int i = 0; i < n; i++) {
      m.put(text(r, 1, 12), text(r, 1, 40));
    }
    if (r.nextBoolean()) {
      m.put(MessageConst.PROPERTY_TAGS, text(r, 1, 10));
    }
    if (r.nextBoolean()) {
      m.put(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, "7F00000100A5" + i32hex(r));
    }
    return m;
  }

  private static String i32hex(Random r) {
    return String.format("%08X%012X", r.nextInt(), r.nextLong() & 0xFFFFFFFFFFFFL);
  }

  /** Unicode text without the two separator chars and without lone surrogates. */
  static String text(Random r, int min, int max) {
    int len = min + r.nextInt(max - min + 1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < len; i++) {
      switch (r.nextInt(6)) {
        case 0:
          sb.append((char) (0x4E00 + r.nextInt(0x500)));
          break;
        case 1:
          sb.append((char) (0x400 + r.nextInt(0x100)));
          break;
        case 2:
          sb.appendCodePoint(0x1F600 + r.nextInt(0x40));
          break;
        case 3:
          sb.append((char) (0x20 + r.nextInt(0x5F)));
          break;
        default:
          sb.append((char) ('a' + r.nextInt(26)));
      }
    }
    return sb.toString();
  }

  static InetSocketAddress host(Random r) {
    int port = r.nextInt(0x10000);
    try {
      if (r.nextBoolean()) {
        byte[] ip = new byte[4];
        r.nextBytes(ip);
        return new InetSocketAddress(InetAddress.getByAddress(ip), port);
      }
      while (true) {
        byte[] ip = new byte[16];
        r.nextBytes(ip);
        InetAddress a = InetAddress.getByAddress(ip);
        // an IPv4-mapped IPv6 address comes back as IPv4; draw again
        if (a.getAddress().length == 16) {
          return new InetSocketAddress(a, port);
        }
      }
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
