package io.kitemq.common.message;

import io.kitemq.common.compression.CompressionException;
import io.kitemq.common.compression.CompressionType;
import io.kitemq.common.compression.Compressor;
import io.kitemq.common.util.Crc;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads stored message records ({@link StoredMessageLayout}), V1 and V2, IPv4 and IPv6 hosts, from
 * heap or direct buffers.
 *
 * <p>Nothing is trusted: every length is checked against the bytes left in the buffer and against
 * the record's own TOTALSIZE before any read or allocation; a malformed record raises {@link
 * MessageDecodeException} (never an index exception, never an allocation sized by a bogus length).
 * Stateless and thread-safe; buffers are the caller's, read with absolute gets, their position and
 * limit left untouched.
 */
public final class StoredMessageDecoder {

  /** Most bytes a compressed body may inflate to when decoding with {@link BodyMode#DECOMPRESS}. */
  public static final int MAX_DECOMPRESSED_BODY_SIZE = 64 * 1024 * 1024;

  private StoredMessageDecoder() {}

  /** Decodes the record at {@code position} with its body as stored. */
  public static MessageExt decode(ByteBuffer buffer, int position) {
    return decode(buffer, position, BodyMode.RAW);
  }

  /**
   * Decodes the record at absolute {@code position}.
   *
   * @throws MessageDecodeException if the record is truncated, inconsistent, has a bad magic code
   *     or host address, or (with {@link BodyMode#DECOMPRESS}) a body that does not decompress
   */
  public static MessageExt decode(ByteBuffer buffer, int position, BodyMode bodyMode) {
    RecordFrame f = RecordFrame.parse(buffer, position);
    int sysFlag = f.sysFlag;
    MessageExt m = new MessageExt();
    m.setStoreSize(f.totalSize);
    m.setBodyCrc(buffer.getInt(position + StoredMessageLayout.BODY_CRC_POSITION));
    m.setQueueId(buffer.getInt(position + StoredMessageLayout.QUEUE_ID_POSITION));
    m.setFlag(buffer.getInt(position + StoredMessageLayout.FLAG_POSITION));
    m.setQueueOffset(buffer.getLong(position + StoredMessageLayout.QUEUE_OFFSET_POSITION));
    m.setCommitLogOffset(buffer.getLong(position + StoredMessageLayout.PHYSICAL_OFFSET_POSITION));
    m.setBornTimestamp(buffer.getLong(position + StoredMessageLayout.BORN_TIMESTAMP_POSITION));
    m.setBornHost(
        host(
            buffer,
            position,
            StoredMessageLayout.BORN_HOST_POSITION,
            MessageSysFlag.isBornHostV6(sysFlag),
            "BORNHOST"));
    m.setStoreTimestamp(
        buffer.getLong(position + StoredMessageLayout.storeTimestampPosition(sysFlag)));
    m.setStoreHost(
        host(
            buffer,
            position,
            StoredMessageLayout.storeHostPosition(sysFlag),
            MessageSysFlag.isStoreHostV6(sysFlag),
            "STOREHOST"));
    m.setReconsumeTimes(
        buffer.getInt(position + StoredMessageLayout.reconsumeTimesPosition(sysFlag)));
    m.setPreparedTransactionOffset(
        buffer.getLong(position + StoredMessageLayout.preparedTransactionOffsetPosition(sysFlag)));
    if (bodyMode != BodyMode.SKIP) {
      byte[] body = new byte[f.bodyLength];
      buffer.get(f.bodyPosition, body);
      if (bodyMode == BodyMode.DECOMPRESS && MessageSysFlag.isCompressed(sysFlag)) {
        body = decompress(position, body, sysFlag);
        sysFlag = MessageSysFlag.clearCompressed(sysFlag);
      }
      m.setBody(body);
    }
    m.setSysFlag(sysFlag);
    m.setTopic(Utf8.read(buffer, f.topicPosition, f.topicLength));
    if (f.propertiesLength > 0) {
      m.adoptProperties(MessageProperties.decode(buffer, f.propertiesPosition, f.propertiesLength));
    }
    return m;
  }

  /**
   * Decodes the concatenated records between {@code buffer}'s position and limit (a pull, pop or
   * query response body); position and limit are left untouched.
   *
   * @throws MessageDecodeException if any record is malformed or the last one is cut short
   */
  public static List<MessageExt> decodeAll(ByteBuffer buffer, BodyMode bodyMode) {
    List<MessageExt> out = new ArrayList<>();
    int pos = buffer.position();
    while (pos < buffer.limit()) {
      MessageExt m = decode(buffer, pos, bodyMode);
      out.add(m);
      pos += m.getStoreSize();
    }
    return out;
  }

  /** {@link #decodeAll(ByteBuffer, BodyMode)} over a whole array. */
  public static List<MessageExt> decodeAll(byte[] records, BodyMode bodyMode) {
    return decodeAll(ByteBuffer.wrap(records), bodyMode);
  }

  /**
   * Checks the bytes at absolute {@code position} without decoding them: what they are, how long,
   * and (if {@code verifyCrc}) whether the body matches BODYCRC. Allocates neither body nor topic;
   * never throws on bad bytes, reporting them as {@link RecordCheck.Kind#INVALID}.
   */
  public static RecordCheck peek(ByteBuffer buffer, int position, boolean verifyCrc) {
    if (position < 0) {
      throw new IllegalArgumentException("negative record position " + position);
    }
    long avail = (long) buffer.limit() - position;
    if (avail < StoredMessageLayout.BLANK_MARKER_SIZE) {
      return invalid(avail >= 4 ? buffer.getInt(position) : 0, "fewer than 8 bytes left");
    }
    int total = buffer.getInt(position);
    int magic = buffer.getInt(position + StoredMessageLayout.MAGIC_CODE_POSITION);
    if (magic == MessageVersion.BLANK_MAGIC_CODE) {
      return total >= StoredMessageLayout.BLANK_MARKER_SIZE
          ? new RecordCheck(
              RecordCheck.Kind.BLANK, total, null, RecordCheck.BodyCrc.NOT_CHECKED, null)
          : invalid(total, "blank marker with TOTALSIZE " + total);
    }
    if (total == 0 && magic == 0) {
      return new RecordCheck(
          RecordCheck.Kind.EMPTY, 0, null, RecordCheck.BodyCrc.NOT_CHECKED, null);
    }
    RecordFrame f;
    try {
      f = RecordFrame.parse(buffer, position);
    } catch (MessageDecodeException e) {
      return invalid(total, e.getMessage());
    }
    RecordCheck.BodyCrc crc = RecordCheck.BodyCrc.NOT_CHECKED;
    if (verifyCrc) {
      int stored = buffer.getInt(position + StoredMessageLayout.BODY_CRC_POSITION);
      crc =
          Crc.crc32(buffer, f.bodyPosition, f.bodyLength) == stored
              ? RecordCheck.BodyCrc.MATCHES
              : RecordCheck.BodyCrc.MISMATCH;
    }
    return new RecordCheck(RecordCheck.Kind.MESSAGE, total, f.version, crc, null);
  }

  private static RecordCheck invalid(int total, String problem) {
    return new RecordCheck(
        RecordCheck.Kind.INVALID, total, null, RecordCheck.BodyCrc.NOT_CHECKED, problem);
  }

  private static InetSocketAddress host(
      ByteBuffer buffer, int start, int fieldPosition, boolean v6, String field) {
    byte[] ip = new byte[v6 ? 16 : 4];
    buffer.get(start + fieldPosition, ip);
    int port = buffer.getInt(start + fieldPosition + ip.length);
    if (port < 0 || port > 0xFFFF) {
      throw new MessageDecodeException(start, field, "port " + port + " out of range");
    }
    try {
      return new InetSocketAddress(InetAddress.getByAddress(ip), port);
    } catch (UnknownHostException e) {
      throw new MessageDecodeException(start, field, "bad address", e);
    }
  }

  private static byte[] decompress(int start, byte[] body, int sysFlag) {
    try {
      CompressionType type = CompressionType.ofSysFlag(sysFlag);
      return Compressor.of(type).decompress(body, MAX_DECOMPRESSED_BODY_SIZE);
    } catch (CompressionException e) {
      throw new MessageDecodeException(start, "BODY", e.getMessage(), e);
    }
  }
}
