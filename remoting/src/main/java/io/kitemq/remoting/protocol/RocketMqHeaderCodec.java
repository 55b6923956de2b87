package io.kitemq.remoting.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The binary header form ({@link SerializeType#ROCKETMQ}), byte-compatible with RocketMQ's {@code
 * RocketMQSerializable}. Big-endian, strings UTF-8:
 *
 * <pre>
 * size  field
 * 2     code            (short)
 * 1     language        (LanguageCode byte)
 * 2     version         (short)
 * 4     opaque          (int)
 * 4     flag            (int)
 * 4     remarkLength    (int, 0 = null)
 * R     remark
 * 4     extFieldsLength (int, total bytes of the entries that follow, 0 = none)
 * then until extFieldsLength is consumed:
 *   2   keyLength (short)   K  key
 *   4   valueLength (int)   V  value
 * </pre>
 *
 * <p>{@code code} and {@code version} travel as 16-bit values, as in RocketMQ: a larger code (e.g.
 * the 2000xx pop codes) does not survive this form and must be sent as JSON.
 *
 * <p>A string of length 0 reads as null, so an empty remark reads as null and an entry with an
 * empty key or value is dropped (RocketMQ reads it as a null key or value, which its header decoder
 * treats as absent). Entries with a null key or value are skipped on encode. Thread-safe
 * (stateless).
 */
public final class RocketMqHeaderCodec {

  private static final int FIXED_PART = 2 + 1 + 2 + 4 + 4;

  private RocketMqHeaderCodec() {}

  /** Appends the binary header of {@code cmd} to {@code out}; returns the bytes written. */
  public static int encode(RemotingCommand cmd, ByteBuf out) {
    int start = out.writerIndex();
    out.writeShort(cmd.code());
    out.writeByte(cmd.language().code());
    out.writeShort(cmd.version());
    out.writeInt(cmd.opaque());
    out.writeInt(cmd.flag());
    String remark = cmd.remark();
    if (remark == null || remark.isEmpty()) {
      out.writeInt(0);
    } else {
      writeLengthPrefixedInt(out, remark);
    }
    Map<String, String> ext = cmd.extFields();
    if (ext == null || ext.isEmpty()) {
      out.writeInt(0);
    } else {
      int lengthAt = out.writerIndex();
      out.writeInt(0);
      for (Map.Entry<String, String> e : ext.entrySet()) {
        if (e.getKey() == null || e.getValue() == null) {
          continue;
        }
        int keyAt = out.writerIndex();
        out.writeShort(0);
        int keyLength = out.writeCharSequence(e.getKey(), StandardCharsets.UTF_8);
        if (keyLength > 0xFFFF) {
          throw new IllegalArgumentException("extFields key longer than 65535 bytes");
        }
        out.setShort(keyAt, keyLength);
        writeLengthPrefixedInt(out, e.getValue());
      }
      out.setInt(lengthAt, out.writerIndex() - lengthAt - 4);
    }
    return out.writerIndex() - start;
  }

  private static void writeLengthPrefixedInt(ByteBuf out, String s) {
    int at = out.writerIndex();
    out.writeInt(0);
    int length = out.writeCharSequence(s, StandardCharsets.UTF_8);
    out.setInt(at, length);
  }

  /**
   * Reads a binary header of {@code length} bytes from {@code in} (advancing its reader index by
   * exactly {@code length}).
   *
   * @throws RemotingCommandException when a length points outside the header
   */
  public static RemotingCommand decode(ByteBuf in, int length) throws RemotingCommandException {
    if (length < FIXED_PART + 8 || in.readableBytes() < length) {
      throw new RemotingCommandException("binary header too short: " + length + " bytes");
    }
    int end = in.readerIndex() + length;
    RemotingCommand cmd = new RemotingCommand();
    cmd.setSerializeType(SerializeType.ROCKETMQ);
    cmd.setCode(in.readShort());
    cmd.setLanguage(LanguageCode.fromCode(in.readByte()));
    cmd.setVersion(in.readShort());
    cmd.setOpaque(in.readInt());
    cmd.setFlag(in.readInt());
    cmd.setRemark(readString(in, in.readInt(), end));
    int extLength = readLength(in, in.readInt(), end);
    if (extLength > 0) {
      cmd.setExtFields(readExtFields(in, in.readerIndex() + extLength));
    }
    if (in.readerIndex() != end) {
      throw new RemotingCommandException(
          "binary header has " + (end - in.readerIndex()) + " trailing bytes");
    }
    return cmd;
  }

  private static HashMap<String, String> readExtFields(ByteBuf in, int extEnd)
      throws RemotingCommandException {
    HashMap<String, String> map = new HashMap<>();
    while (in.readerIndex() < extEnd) {
      if (extEnd - in.readerIndex() < 2) {
        throw new RemotingCommandException("binary extFields entry truncated");
      }
      String key = readString(in, in.readUnsignedShort(), extEnd);
      if (extEnd - in.readerIndex() < 4) {
        throw new RemotingCommandException("binary extFields entry truncated");
      }
      String value = readString(in, in.readInt(), extEnd);
      if (key != null && value != null) {
        map.put(key, value);
      }
    }
    return map;
  }

  private static int readLength(ByteBuf in, int length, int end) throws RemotingCommandException {
    if (length < 0 || length > end - in.readerIndex()) {
      throw new RemotingCommandException("binary header length " + length + " out of bounds");
    }
    return length;
  }

  private static String readString(ByteBuf in, int length, int end)
      throws RemotingCommandException {
    if (readLength(in, length, end) == 0) {
      return null;
    }
    String s = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
    in.skipBytes(length);
    return s;
  }
}
